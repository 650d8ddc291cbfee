{{/* Names and labels. */}}
{{- define "satupintu.fullname" -}}
{{- printf "satupintu-%s" .Values.cell.name | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{- define "satupintu.labels" -}}
app.kubernetes.io/name: satupintu
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: satupintu
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
satupintu.go.id/cell: {{ .Values.cell.name }}
{{- end -}}

{{- define "satupintu.selector" -}}
app.kubernetes.io/name: satupintu
app.kubernetes.io/instance: {{ .Release.Name }}
satupintu.go.id/cell: {{ .Values.cell.name }}
{{- end -}}

{{- define "satupintu.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "satupintu.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "satupintu.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{/*
What the chart can check of docs/configuration.md#production before anything reaches a cluster;
the process itself checks everything again at start (and the realm) and exits 78 on any problem.
*/}}
{{- define "satupintu.checks" -}}
{{- $c := .Values.config -}}
{{- if not .Values.secrets.existingSecret -}}{{- fail "secrets.existingSecret: name the Secret that holds the database URLs, S3 keys, METRICS_TOKEN and DATA_ENCRYPTION_KEY" -}}{{- end -}}
{{- if ne (toString $c.SATUPINTU_ENV) "production" -}}{{- fail "config.SATUPINTU_ENV must be production" -}}{{- end -}}
{{- if not (hasPrefix "https://" (toString $c.PUBLIC_URL)) -}}{{- fail "config.PUBLIC_URL must be https://" -}}{{- end -}}
{{- if not (hasPrefix "https://" (toString $c.KEYCLOAK_URL)) -}}{{- fail "config.KEYCLOAK_URL must be https://" -}}{{- end -}}
{{- if not (hasPrefix "https://" (toString $c.S3_ENDPOINT)) -}}{{- fail "config.S3_ENDPOINT must be https:// (the cluster is not loopback)" -}}{{- end -}}
{{- if eq (toString $c.SEED) "true" -}}{{- fail "config.SEED must not be true in production" -}}{{- end -}}
{{- range $o := splitList "," (toString (default "" $c.CORS_ORIGINS)) -}}
{{- if and $o (not (hasPrefix "https://" $o)) -}}{{- fail (printf "config.CORS_ORIGINS lists %s, which is not https" $o) -}}{{- end -}}
{{- end -}}
{{- range $p := splitList "," (toString (default "" $c.TRUSTED_PROXIES)) -}}
{{- if or (eq $p "0.0.0.0/0") (eq $p "::/0") -}}{{- fail "config.TRUSTED_PROXIES must not trust every address" -}}{{- end -}}
{{- end -}}
{{- range $r := splitList "," (toString $c.REGIONS) -}}
{{- $var := printf "DATABASE_URL_%s" (upper (replace "-" "_" $r)) -}}
{{- if not (has $var $.Values.secrets.keys) -}}{{- fail (printf "secrets.keys must list %s (region %s)" $var $r) -}}{{- end -}}
{{- end -}}
{{- range $k := list "CONTROL_DATABASE_URL" "APP_DB_PASSWORD" "S3_ACCESS_KEY_ID" "S3_SECRET_ACCESS_KEY" "METRICS_TOKEN" "DATA_ENCRYPTION_KEY" -}}
{{- if not (has $k $.Values.secrets.keys) -}}{{- fail (printf "secrets.keys must list %s (production refuses to start without it)" $k) -}}{{- end -}}
{{- if hasKey $.Values.config $k -}}{{- fail (printf "%s is a secret: take it out of config, put it in the Secret %s" $k $.Values.secrets.existingSecret) -}}{{- end -}}
{{- end -}}
{{- end -}}

{{/* The environment of every process: plain config, then each secret key by reference. */}}
{{- define "satupintu.env" -}}
{{- range $k, $v := .Values.config }}
- name: {{ $k }}
  value: {{ $v | toString | quote }}
{{- end }}
{{- range $k := .Values.secrets.keys }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.secrets.existingSecret }}
      key: {{ $k }}
{{- end }}
{{- end -}}

{{- define "satupintu.volumes" -}}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: data
  emptyDir:
    sizeLimit: {{ .Values.dataSizeLimit }}
{{- end -}}

{{- define "satupintu.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: {{ .Values.config.DATA_DIR | default "/data" }}
{{- end -}}

{{- define "satupintu.probes" -}}
{{- $p := .Values.probes -}}
startupProbe:
  httpGet: { path: {{ $p.startup.path }}, port: http }
  periodSeconds: {{ $p.startup.periodSeconds }}
  timeoutSeconds: {{ $p.startup.timeoutSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
livenessProbe:
  httpGet: { path: {{ $p.liveness.path }}, port: http }
  periodSeconds: {{ $p.liveness.periodSeconds }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
readinessProbe:
  httpGet: { path: {{ $p.readiness.path }}, port: http }
  periodSeconds: {{ $p.readiness.periodSeconds }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
{{- end -}}

{{- define "satupintu.egress" -}}
- to:
    - namespaceSelector: {}
      podSelector:
        matchLabels: { k8s-app: kube-dns }
  ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
{{- with .Values.networkPolicy.egress }}
{{ toYaml . }}
{{- end }}
{{- end -}}
