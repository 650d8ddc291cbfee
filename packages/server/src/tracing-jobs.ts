import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

/**
 * Trace context across the job queue (docs/observability.md#traces). A job sent while a span is
 * recording carries the W3C `traceparent` (and `tracestate`) of a `send <queue>` producer span in
 * its data under TRACE_KEY; the worker takes it out before the handler sees the data and runs the
 * job in a `process <queue>` span that continues that trace. Only `@opentelemetry/api` is used:
 * with tracing off (no SDK registered) every call here is skipped by `jobTracingOn`.
 */

/** The key of job data that carries the trace context; handlers never see it. */
export const TRACE_KEY = '_trace';

const TRACER = '@satupintu/server/jobs';
let on = false;

/** Called by tracing-sdk.ts once the SDK runs. */
export function enableJobTracing(): void {
  on = true;
}

export const jobTracingOn = (): boolean => on;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends a job in a `send <queue>` producer span whose context the job data carries, when a
 * recording span is active (a request, another job); else sends `data` as it is.
 */
export async function sendTraced<T extends object>(queue: string, region: string, data: T, send: (data: T) => Promise<string | null>): Promise<string | null> {
  if (!on || !trace.getActiveSpan()?.isRecording()) return send(data);
  return trace.getTracer(TRACER).startActiveSpan(
    `send ${queue}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'pg-boss', 'messaging.operation.type': 'send', 'messaging.operation.name': 'send', 'messaging.destination.name': queue, 'satupintu.region': region },
    },
    async (span) => {
      try {
        const carrier: Record<string, string> = {};
        propagation.inject(context.active(), carrier);
        const id = await send(carrier.traceparent ? { ...data, [TRACE_KEY]: carrier } : data);
        // null: a job with this singleton key is queued already (nothing sent).
        if (id) span.setAttribute('messaging.message.id', id);
        return id;
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute('error.type', errorType(err));
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** The job data without its trace context, and the context it carried (the root context when none). */
export function takeTraceContext<T extends object>(data: T): { data: T; parent: Context } {
  if (!data || typeof data !== 'object' || !(TRACE_KEY in data)) return { data, parent: ROOT_CONTEXT };
  const { [TRACE_KEY]: carrier, ...rest } = data as T & { [TRACE_KEY]?: unknown };
  const parent = on && carrier && typeof carrier === 'object' ? propagation.extract(ROOT_CONTEXT, carrier as Record<string, string>) : ROOT_CONTEXT;
  return { data: rest as T, parent };
}

/**
 * Runs one job in a `process <queue>` consumer span under `parent`: queue, job id, region, the
 * tenant id the data names (a UUID, never a name), and the outcome. A failure sets the span's
 * status and error type (never the message: it may hold data) and is rethrown.
 */
export async function inJobSpan<R>(job: { queue: string; region: string; jobId: string; data: object; parent: Context }, run: () => Promise<R>): Promise<R> {
  if (!on) return run();
  const tenantId = (job.data as { tenantId?: unknown }).tenantId;
  return trace.getTracer(TRACER).startActiveSpan(
    `process ${job.queue}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'pg-boss',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': job.queue,
        'messaging.message.id': job.jobId,
        'satupintu.region': job.region,
        ...(typeof tenantId === 'string' && UUID.test(tenantId) ? { 'satupintu.tenant_id': tenantId } : {}),
      },
    },
    job.parent,
    async (span) => {
      try {
        const r = await run();
        span.setAttribute('satupintu.job.outcome', 'ok');
        return r;
      } catch (err) {
        span.setAttribute('satupintu.job.outcome', 'failed');
        span.setAttribute('error.type', errorType(err));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** An error's class or code (`Error`, `57P01`), never its message. */
function errorType(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) return code;
  return err instanceof Error ? err.name : typeof err;
}
