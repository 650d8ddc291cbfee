import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import module from 'node:module';
import { context, propagation, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider, type Sampler } from '@opentelemetry/sdk-trace';
import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import type { SatupintuConfig, TracingConfig } from '@satupintu/core';
import type { TracingHandle } from './tracing.js';
import { enableJobTracing } from './tracing-jobs.js';
import { FOREIGN_SERVER_SPAN, PrivacySpanExporter } from './tracing-privacy.js';

/** Operations endpoints polled every few seconds: no span, as they get no log line (http/logger.ts). */
const QUIET = new Set(['/healthz', '/readyz', '/livez', '/metrics']);

function samplerOf(cfg: TracingConfig): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(cfg.ratio);
  switch (cfg.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * A request the embedded S3 (s3rver, in this process in development) receives from the AWS SDK:
 * signed with SigV4 in a header or, for a presigned URL, in the query. The platform's API never
 * takes those; its S3 calls have their own spans (aws-sdk instrumentation).
 */
const isS3Request = (req: IncomingMessage) =>
  /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '') || req.headers['x-amz-content-sha256'] !== undefined || (req.url ?? '').includes('X-Amz-Signature=');

/**
 * Names a server span after the route template the route table answered with (`res.locals.route`,
 * the label logs and metrics use), and adds the request id and the tenant slug (a tenant that
 * exists, on a request its route's guard let through: http/routes.ts). A response without express's
 * `locals` came from another server in this process (the embedded S3): marked, and not exported.
 */
function nameServerSpan(span: Span, req: IncomingMessage, res: ServerResponse): void {
  const locals = (res as ServerResponse & { locals?: Record<string, unknown> }).locals;
  if (!locals) {
    span.setAttribute(FOREIGN_SERVER_SPAN, true);
    return;
  }
  const method = req.method ?? 'GET';
  if (typeof locals.route === 'string') {
    span.setAttribute(ATTR_HTTP_ROUTE, locals.route);
    span.updateName(`${method} ${locals.route}`);
  }
  if (typeof req.id === 'string') span.setAttribute('satupintu.request_id', req.id);
  if (typeof locals.tenant === 'string' && res.statusCode !== 404) span.setAttribute('satupintu.tenant', locals.tenant);
}

/**
 * Starts the SDK: the import-in-the-middle loader hook (for exactly the modules the instrumentations
 * patch), the async-hooks context manager, the W3C trace-context propagator, a tracer provider with
 * the configured sampler whose spans go through PrivacySpanExporter to OTLP/HTTP, and the http,
 * express, pg and aws-sdk instrumentations. Must run before express, pg or the AWS SDK is imported.
 */
export function startSdk(cfg: TracingConfig, o: { role: string; mode: SatupintuConfig['env'] }): TracingHandle {
  const instrumentations = [
    new HttpInstrumentation({
      enabled: false,
      // Outgoing requests are the S3 client's (its aws-sdk span says more, and a URL would carry
      // the object key and a presigned query), the exporter's own, and webhook deliveries (their
      // target is the tenant's, and would receive our trace context): none is traced.
      disableOutgoingRequestInstrumentation: true,
      ignoreIncomingRequestHook: (req) => QUIET.has((req.url ?? '/').split('?')[0]!) || isS3Request(req),
      applyCustomAttributesOnSpan: (span, req, res) => nameServerSpan(span, req as IncomingMessage, res as ServerResponse),
    }),
    // One span per route handler, named by its template: the middleware and router layers before it
    // are anonymous functions (eight a request) that would say nothing and cost a span each.
    new ExpressInstrumentation({ enabled: false, ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
    // Statement text only: parameters never (enhancedDatabaseReporting off), and no span without a
    // request or job around it (pg-boss polls every second).
    new PgInstrumentation({ enabled: false, enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true, addSqlCommenterCommentToQueries: false }),
    // The underlying HTTP request is not traced twice; S3 spans carry the bucket, never the key.
    new AwsInstrumentation({ enabled: false, suppressInternalInstrumentation: true }),
  ];
  // The loader hook wraps only the modules the instrumentations patch (express, pg, pg-pool,
  // @smithy/*, @aws-sdk/*, http): every other import loads as before.
  const include = [...new Set(instrumentations.flatMap((i) => i.getModuleDefinitions().map((d) => d.name)))];
  module.register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include } });

  const contextManager = new AsyncLocalStorageContextManager();
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const serviceName = cfg.serviceName ?? `satupintu-${o.role}`;
  const exporter = new PrivacySpanExporter(new OTLPTraceExporter({ url: cfg.endpoint, headers: cfg.headers }));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': serviceName,
      'service.namespace': 'satupintu',
      'service.instance.id': randomUUID(),
      'deployment.environment.name': o.mode,
      'satupintu.role': o.role,
    }),
    sampler: samplerOf(cfg),
    // A statement text or a route is short; nothing longer is worth its bytes.
    spanLimits: { attributeValueLengthLimit: 4_096, attributeCountLimit: 64, eventCountLimit: 16, linkCountLimit: 8 },
    spanProcessors: [new BatchSpanProcessor({ exporter, maxQueueSize: 4_096, scheduledDelayMillis: 2_000 })],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  enableJobTracing();

  let stopped: Promise<void> | undefined;
  return {
    endpoint: cfg.endpoint,
    serviceName,
    shutdown(timeoutMs = 5_000) {
      stopped ??= Promise.race([
        provider.shutdown(),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]).then(() => {
        for (const i of instrumentations) i.disable();
      });
      return stopped;
    },
  };
}
