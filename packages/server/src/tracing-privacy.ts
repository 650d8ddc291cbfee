import { SpanKind, type Attributes, type AttributeValue } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace';

/** Set on a server span of another server in this process (the embedded S3): never exported. */
export const FOREIGN_SERVER_SPAN = 'satupintu.foreign_server';

/**
 * The only span attributes that leave the process (docs/observability.md#traces). Everything else
 * an instrumentation records is dropped here, whatever it is: the path as sent (`url.path`,
 * `http.target`), the query, the peer's and client's addresses, the user agent, the Host header,
 * headers of any kind, pg's connection string, user and parameters, AWS request parameters.
 */
const KEEP = new Set([
  // HTTP server (route template, never the path)
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'url.scheme',
  'network.protocol.version',
  'error.type',
  // express layers (names are templates or middleware function names)
  'express.name',
  'express.type',
  // PostgreSQL: statement text (scrubbed of literals below), never parameters
  'db.system',
  'db.system.name',
  'db.namespace',
  'db.name',
  'db.operation.name',
  'db.collection.name',
  'db.query.summary',
  'db.query.text',
  'db.statement',
  'db.response.status_code',
  // S3 (the bucket; the instrumentation records no key)
  'rpc.system',
  'rpc.method',
  'rpc.service',
  'cloud.region',
  'aws.request.id',
  'aws.request.extended_id',
  'aws.s3.bucket',
  // jobs (tracing-jobs.ts)
  'messaging.system',
  'messaging.operation.type',
  'messaging.operation.name',
  'messaging.destination.name',
  'messaging.message.id',
  // the platform's own
  'satupintu.request_id',
  'satupintu.tenant',
  'satupintu.tenant_id',
  'satupintu.region',
  'satupintu.job.outcome',
]);
/** The database's or S3's address: kept on client spans; on a server span it would be the client's Host header. */
const CLIENT_ONLY = new Set(['server.address', 'server.port']);
const STATEMENT = new Set(['db.query.text', 'db.statement']);

/**
 * A quoted SQL literal becomes `'?'`: statements are parameterized, and the one literal the unit
 * of work writes (the tenant id of `set_config`) is no personal data — but should a value ever be
 * spliced into a statement, it does not leave in a span.
 */
export const scrubStatement = (sql: string): string => sql.replace(/(?:\b[eE])?'(?:[^']|'')*'/g, "'?'").replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "'?'");

export function scrubAttributes(attributes: Attributes, kind: SpanKind): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined) continue;
    if (KEEP.has(k)) out[k] = STATEMENT.has(k) && typeof v === 'string' ? scrubStatement(v) : (v as AttributeValue);
    else if (CLIENT_ONLY.has(k) && kind === SpanKind.CLIENT) out[k] = v as AttributeValue;
  }
  return out;
}

/** An exception event keeps its type; its message and stack (which may quote data) never leave. Other events are dropped. */
function scrubEvents(events: TimedEvent[]): TimedEvent[] {
  return events
    .filter((e) => e.name === 'exception')
    .map((e) => ({ name: e.name, time: e.time, attributes: typeof e.attributes?.['exception.type'] === 'string' ? { 'exception.type': e.attributes['exception.type'] } : {}, droppedAttributesCount: 0 }));
}

/** A copy of `span` holding only what may leave: allowed attributes, no status message, no link attributes. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    ...(span.parentSpanContext ? { parentSpanContext: span.parentSpanContext } : {}),
    startTime: span.startTime,
    endTime: span.endTime,
    // The message may quote an error, and an error may quote a value (pg: `invalid input syntax … "…"`).
    status: { code: span.status.code },
    attributes: scrubAttributes(span.attributes, span.kind),
    links: span.links.map((l) => ({ context: l.context })),
    events: scrubEvents(span.events),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/**
 * The one gate between spans and the network: every span is reduced to the allowed attributes
 * (KEEP) before the OTLP exporter sees it, and the embedded S3's server spans are not exported.
 * What an instrumentation records in a later version is dropped until it is added here on purpose.
 */
export class PrivacySpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.filter((s) => s.attributes[FOREIGN_SERVER_SPAN] !== true).map(scrubSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
