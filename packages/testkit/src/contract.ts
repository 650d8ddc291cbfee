import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestHandler, Response } from 'express';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '@satupintu/core';

/**
 * The contract recorder: installed in a test platform's HTTP app, it sees every response of every
 * operation the suites call and checks it against the OpenAPI document — the status is documented,
 * the media type is, the body validates against the status's schema (a problem's `code` is one of
 * the codes listed for that status), the required headers are there. It also counts which
 * operations answered a success at least once: the suites must reach every one.
 */
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; headers?: Record<string, { required?: boolean }>; responses?: Record<string, ResponseDoc> };
};
type MediaDoc = { schema?: unknown };
type HeaderDoc = { required?: boolean; $ref?: string };
type ResponseDoc = { headers?: Record<string, HeaderDoc>; content?: Record<string, MediaDoc>; $ref?: string };
type Operation = { operationId: string; responses: Record<string, ResponseDoc> };

export interface ContractReport {
  operations: number;
  /** Operations that answered a documented success at least once. */
  covered: string[];
  uncovered: string[];
  /** Every answer that broke the contract, one line each. */
  violations: string[];
  /** How many responses were checked. */
  checked: number;
}

const toExpressPath = (p: string) => p.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

export class ContractRecorder {
  private readonly byId = new Map<string, { op: Operation; path: string; method: string }>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv({ strict: false, allErrors: true, validateFormats: true });
  readonly successes = new Map<string, Set<number>>();
  readonly violations: string[] = [];
  checked = 0;

  constructor(private readonly doc: OpenApi) {
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) this.byId.set(op.operationId, { op, path: toExpressPath(path), method: method.toUpperCase() });
  }

  /** The middleware: capture what a response writes, check it when it finishes. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (!req.path.startsWith('/api/v1/')) return next();
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...a: unknown[]) => boolean;
      const end = res.end.bind(res) as (...a: unknown[]) => Response;
      const keep = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      };
      res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
        keep(chunk, encoding);
        return write(chunk, encoding, cb);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
        keep(chunk, encoding);
        return end(chunk, encoding, cb);
      }) as typeof res.end;
      res.once('finish', () => {
        try {
          this.check(req.method, req.originalUrl, res, Buffer.concat(chunks));
        } catch (e) {
          this.violations.push(`${req.method} ${req.path}: the recorder failed: ${(e as Error).message}`);
        }
      });
      next();
    };
  }

  private check(method: string, url: string, res: Response, body: Buffer): void {
    const operationId = res.locals.operationId;
    if (!operationId) return; // not an operation of the table (a 404 of an unknown route, the docs)
    const known = this.byId.get(operationId);
    const at = `${method} ${url.split('?')[0]} (${operationId}) → ${res.statusCode}`;
    if (!known) {
      this.violations.push(`${at}: the operation is not in the document`);
      return;
    }
    this.checked++;
    const status = res.statusCode;
    const given = known.op.responses[String(status)];
    const doc = given?.$ref ? this.doc.components.responses?.[given.$ref.split('/').pop()!] : given;
    if (!doc) {
      this.violations.push(`${at}: status ${status} is not documented${problemCode(body)}`);
      return;
    }
    for (const [name, h] of Object.entries(doc.headers ?? {})) {
      const header = h.$ref ? this.doc.components.headers?.[h.$ref.split('/').pop()!] : h;
      if (header?.required && res.getHeader(name) === undefined) this.violations.push(`${at}: required header ${name} is missing`);
    }
    if (status >= 200 && status < 400) {
      const set = this.successes.get(operationId) ?? new Set<number>();
      set.add(status);
      this.successes.set(operationId, set);
    }
    if (status === 204 || status === 304 || method === 'HEAD') {
      if (body.length) this.violations.push(`${at}: a ${status} must have no body`);
      return;
    }
    const type = String(res.getHeader('content-type') ?? '').split(';')[0]!.trim();
    if (!doc.content) {
      if (body.length) this.violations.push(`${at}: body of type ${type} where none is documented`);
      return;
    }
    const media = doc.content[type];
    if (!media) {
      this.violations.push(`${at}: media type ${type || '(none)'} is not documented (documented: ${Object.keys(doc.content).join(', ')})`);
      return;
    }
    if (!/^application\/(?:[\w.-]+\+)?json$/.test(type) || !media.schema) return;
    let value: unknown;
    try {
      value = parseJson(body, String(res.getHeader('content-encoding') ?? ''));
    } catch {
      this.violations.push(`${at}: the body is not JSON`);
      return;
    }
    const v = this.validator(`${operationId} ${status} ${type}`, media.schema);
    if (!v(value)) {
      const errors = (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}, got ${JSON.stringify(pick(value, e.instancePath))})` : ''}`);
      this.violations.push(`${at}: the body does not match the document: ${errors.join('; ')}`);
    }
    const next = (value as { next?: unknown } | null)?.next;
    if (status === 200 && typeof next === 'string' && !res.getHeader('link')) this.violations.push(`${at}: a page with a next cursor must carry a Link header`);
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      // The document's components travel with each schema, so its #/components/… references resolve.
      v = this.ajv.compile({ components: this.doc.components, allOf: [schema] });
      this.validators.set(key, v);
    }
    return v;
  }

  report(): ContractReport {
    const all = [...this.byId.keys()].sort();
    const covered = all.filter((id) => this.successes.has(id));
    return { operations: all.length, covered, uncovered: all.filter((id) => !this.successes.has(id)), violations: [...this.violations], checked: this.checked };
  }
}

/**
 * A JSON body as the route wrote it. The compression middleware compresses after the recorder saw
 * the bytes, but a route may send a body it compressed ahead (the catalog's cached gzip or brotli,
 * which the middleware leaves alone): that one is decoded first.
 */
function parseJson(body: Buffer, encoding: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    if (encoding === 'gzip') return JSON.parse(gunzipSync(body).toString('utf8'));
    if (encoding === 'br') return JSON.parse(brotliDecompressSync(body).toString('utf8'));
    throw e;
  }
}

function problemCode(body: Buffer): string {
  try {
    const code = (JSON.parse(body.toString('utf8')) as { code?: unknown }).code;
    return typeof code === 'string' ? ` (code ${code})` : '';
  } catch {
    return '';
  }
}

function pick(value: unknown, pointer: string): unknown {
  let v = value;
  for (const part of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}
