import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, enc } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { documentRequired, ServiceForm } from '../forms.js';
import { useI18n } from '../i18n.js';
import type { Application, ApplicationDoc, DocumentRequirement, ServiceDetail } from '../types.js';

/** Who files: the citizen online, or an officer at the counter for a citizen (with consent). */
export interface OnBehalf {
  applicant: { nik: string; name: string; phone?: string };
  consent: { statement: string; method: 'signed-form' | 'verbal' | 'whatsapp' | 'app' };
}

export function Apply({ tenant, service }: { tenant: string; service: string }) {
  const { L, t } = useI18n();
  const draftId = new URLSearchParams(useSearch()).get('draft');
  const svc = useAsync(() => api<ServiceDetail>(`/api/v1/tenants/${enc(tenant)}/services/${enc(service)}`), [tenant, service]);
  return (
    <RequireLogin>
      <Async state={svc}>
        {(s) => (
          <>
            <PageTitle sub={L(s.agency.name)}>{`${t('apply')}: ${L(s.name)}`}</PageTitle>
            <ApplicationEditor tenant={tenant} service={s} draftId={draftId} />
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

export function ApplicationEditor({ tenant, service, draftId, onBehalf, doneHref }: { tenant: string; service: ServiceDetail; draftId?: string | null; onBehalf?: () => OnBehalf | null; doneHref?: (app: Application) => string }) {
  const { t, L, lang } = useI18n();
  const [, navigate] = useLocation();
  const [data, setData] = useState<Record<string, unknown>>({});
  const [app, setApp] = useState<Application | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const appRef = useRef<Application | null>(null);
  appRef.current = app;
  const base = `/api/v1/tenants/${enc(tenant)}/applications`;

  useEffect(() => {
    if (!draftId) return;
    api<Application>(`${base}/${enc(draftId)}`).then((a) => {
      setApp(a);
      setData(a.data);
    }, setError);
  }, [base, draftId]);

  /** Creates the draft on first need, or updates it with the current form data. */
  const saveDraft = async (formData: Record<string, unknown>): Promise<Application> => {
    const current = appRef.current;
    let saved: Application;
    if (!current) {
      const who = onBehalf?.();
      if (onBehalf && !who) throw new Error(lang === 'id' ? 'Lengkapi data pemohon dan persetujuannya.' : 'Fill in the applicant and their consent.');
      saved = await api<Application>(base, { method: 'POST', body: { service: service.id, data: formData, ...(who ?? {}) }, idempotencyKey: crypto.randomUUID() });
    } else {
      saved = await api<Application>(`${base}/${enc(current.id)}`, { method: 'PATCH', body: { data: formData } });
    }
    setApp(saved);
    return saved;
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
      document.getElementById('apply-status')?.focus();
    } finally {
      setBusy(false);
    }
  };

  const upload = (doc: DocumentRequirement, files: File[]) =>
    run(async () => {
      if (!files.length) return;
      for (const f of files) {
        if (f.size > doc.maxSizeMb * 1024 * 1024) throw new Error(`${t('tooLarge')}: ${f.name} (${t('maxSize')} ${doc.maxSizeMb} MB)`);
      }
      const a = appRef.current ?? (await saveDraft(data));
      setUploading(doc.code);
      try {
        const added: ApplicationDoc[] = [];
        for (const f of files) {
          added.push(await api<ApplicationDoc>(`${base}/${enc(a.id)}/documents/${enc(doc.code)}?filename=${enc(f.name)}`, { method: 'PUT', file: f }));
        }
        setApp({ ...(appRef.current ?? a), documents: [...(appRef.current ?? a).documents, ...added] });
        setNotice(`${t('uploaded')}: ${added.map((d) => d.filename).join(', ')}`);
      } finally {
        setUploading(null);
      }
    });

  const submit = (formData: Record<string, unknown>) =>
    run(async () => {
      const a = await saveDraft(formData);
      const done = await api<Application>(`${base}/${enc(a.id)}/submit`, { method: 'POST', idempotencyKey: crypto.randomUUID() });
      navigate(doneHref ? doneHref(done) : `/t/${tenant}/permohonan/${done.id}?submitted=1`);
    });

  return (
    <div className="apply">
      <div id="apply-status" tabIndex={-1}>
        <ErrorBox error={error} />
        {notice && <Notice>{notice}</Notice>}
        {app && (
          <p className="muted small">
            {t('tracking')}: <strong className="mono">{app.trackingCode}</strong> · {L(app.state.name)}
          </p>
        )}
      </div>
      <section aria-labelledby="form" className="card">
        <h2 id="form">{t('form')}</h2>
        <ServiceForm schema={service.form.schema} ui={service.form.ui} formData={data} onChange={setData} onSubmit={(d) => void submit(d)}>
            <section aria-labelledby="docs" className="docs-section">
              <h2 id="docs">{t('documents')}</h2>
              <ul className="docs">
                {service.documents.map((doc) => {
                  const required = documentRequired(doc, data);
                  const have = (app?.documents ?? []).filter((d) => d.code === doc.code);
                  const id = `doc-${doc.code}`;
                  return (
                    <li key={doc.code}>
                      <label htmlFor={id}>
                        {L(doc.name)} <span className={required ? 'req' : 'muted'}>({required ? t('required') : t('optional')})</span>
                      </label>
                      <div className="muted small" id={`${id}-hint`}>
                        {t('accepted')}: {doc.accept.map((m) => m.split('/')[1]?.toUpperCase()).join(', ')} · {t('maxSize')} {doc.maxSizeMb} MB · {doc.maxCount} {t('files')}
                      </div>
                      <input
                        id={id}
                        type="file"
                        accept={doc.accept.join(',')}
                        multiple={doc.maxCount > 1}
                        aria-describedby={`${id}-hint`}
                        disabled={busy || have.length >= doc.maxCount}
                        onChange={(e) => {
                          // Copy first: clearing the input empties its live FileList.
                          const files = [...(e.target.files ?? [])];
                          e.target.value = '';
                          void upload(doc, files);
                        }}
                      />
                      {uploading === doc.code && <span className="muted small"> {t('uploading')}</span>}
                      {have.length > 0 && (
                        <ul className="uploaded">
                          {have.map((d) => (
                            <li key={d.id}>
                              ✓ {t('uploaded')}: {d.filename ?? d.code} ({Math.ceil(d.size / 1024)} KB)
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          <div className="actions">
            <button type="button" className="btn secondary" disabled={busy} onClick={() => void run(async () => {
              await saveDraft(data);
              setNotice(t('draftSaved'));
            })}>
              {t('saveDraft')}
            </button>
            <button type="submit" className="btn" disabled={busy}>
              {t('submit')}
            </button>
          </div>
        </ServiceForm>
      </section>
    </div>
  );
}
