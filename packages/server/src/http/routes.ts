import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { pino, type Logger } from 'pino';
import type { ValidateFunction } from 'ajv';
import type Type from 'typebox';
import { ajvErrorsToFieldErrors, createAjv, systemClock, type Clock, type ProblemSpec, type Tenant } from '@satupintu/core';
import type { Identity, RouteSecurity } from '@satupintu/auth';
import { tenantClock, type Ctx } from '../context.js';
import { withSandboxMemberships } from '../sandbox-access.js';
import { preferredLanguage } from './problem.js';
import { bodyInvalid, pathInvalid, queryInvalid, unsupportedMediaType } from './problems.js';
import { parseJsonBody } from './json-body.js';
import { linkToNext } from '../pagination.js';
import { etagMatches, preconditionsOf, type Preconditions } from '../preconditions.js';
import './locals.js';

export type { RouteSecurity };
export type JsonSchema = Record<string, unknown>;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A non-JSON body (CSV, JSON lines, a PDF) with its media type. */
export interface RawBody {
  content: string | Buffer;
  type: string;
}

/** A response header a status carries, for the document (ETag, Location, Link… are added from the route's flags). */
export interface HeaderDoc {
  description: string;
  schema?: JsonSchema;
  required?: boolean;
}

/** One success status of a route: its body schema (the handler's type comes from it), or its media types when not JSON. */
export interface SuccessResponse {
  description: string;
  /** The JSON body. The handler must return a value of its static type; contract tests validate every response against it. */
  schema?: Type.TSchema;
  /** A body that is not JSON: its media types, e.g. `['text/csv']`. */
  media?: readonly string[];
  headers?: Record<string, HeaderDoc>;
  /** An example body, in Indonesian where it has words. */
  example?: unknown;
  /**
   * The handler may also answer this JSON body already serialized (and content-coded), as `raw`
   * with type application/json: a rendering cached in memory (the public catalog). The schema
   * still documents it and the contract tests still validate it, decoded.
   */
  prerendered?: true;
}

export type SuccessStatus = '200' | '201' | '202' | '204' | '302' | '303' | '304';
export type SuccessResponses = { [K in SuccessStatus]?: SuccessResponse };

type StatusNumber<K> = K extends `${infer N extends number}` ? N : never;
type RawReply<K> = { status: StatusNumber<K>; raw: RawBody; body?: undefined; headers?: Record<string, string> };
type ReplyFor<K, S> = S extends { schema: infer T extends Type.TSchema }
  ? { status: StatusNumber<K>; body: Type.Static<T>; raw?: undefined; headers?: Record<string, string> } | (S extends { prerendered: true } ? RawReply<K> : never)
  : S extends { media: readonly string[] }
    ? { status: StatusNumber<K>; raw: RawBody; body?: undefined; headers?: Record<string, string> }
    : { status: StatusNumber<K>; body?: undefined; raw?: undefined; headers?: Record<string, string> };

/** What a handler may answer: one of the route's documented success statuses, with a body of that status's schema. */
export type ReplyOf<R> = { [K in keyof R & SuccessStatus]: ReplyFor<K, R[K]> }[keyof R & SuccessStatus];

/** What any handler answers (the route table writes it). */
export interface Reply {
  status: number;
  body?: unknown;
  raw?: RawBody;
  headers?: Record<string, string>;
}

export const ok = <T>(body: T, headers?: Record<string, string>) => ({ status: 200 as const, body, ...(headers ? { headers } : {}) });
export const created = <T>(body: T, location?: string, headers?: Record<string, string>) => ({
  status: 201 as const,
  body,
  headers: { ...(location ? { Location: location } : {}), ...headers },
});
export const noContent = (headers?: Record<string, string>) => ({ status: 204 as const, ...(headers ? { headers } : {}) });

/** The context a handler gets: a tenant when its path has `:tenant`, an identity unless it is public. */
export type RouteCtx<P extends string, S extends RouteSecurity> = Ctx &
  (P extends `${string}/:tenant${'' | `/${string}`}` ? { readonly tenant: Tenant } : unknown) &
  (S extends { kind: 'public' } ? unknown : { readonly identity: Identity });

type Static<T> = T extends Type.TSchema ? Type.Static<T> : Record<string, never>;

export interface RouteInput<TP, TQ, TB> {
  params: Static<TP>;
  query: Static<TQ>;
  body: Static<TB>;
  /** If-Match / If-None-Match as sent (routes with `concurrency`). */
  preconditions: Preconditions;
  /** For what a schema cannot carry: a raw upload stream, a header. */
  req: Request;
}

/** A route that is on its way out: answered with `Deprecation` and `Sunset` headers (docs/api-stability.md). */
export interface Deprecation {
  /** When it was deprecated (YYYY-MM-DD). */
  since: string;
  /** When it stops answering (YYYY-MM-DD): at least 180 days after `since` for /api/v1. */
  sunset: string;
  /** The route to use instead. */
  successor?: string;
  reason: string;
}

export interface RouteSpec<P extends string = string, S extends RouteSecurity = RouteSecurity, TP = unknown, TQ = unknown, TB = unknown, R extends SuccessResponses = SuccessResponses> {
  method: Method;
  /** Express path, e.g. `/api/v1/tenants/:tenant`. */
  path: P;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: S;
  params?: TP;
  query?: TQ;
  body?: TB;
  /** An example request body, in Indonesian where it has words. */
  bodyExample?: unknown;
  /** The body is not JSON: the handler streams the request itself (uploads). */
  rawBody?: { description: string; media?: readonly string[] };
  /** Header names the route reads besides the ones its flags add (documented in OpenAPI). */
  headers?: { name: string; description: string; required?: boolean }[];
  /** The success statuses and their bodies. Problems are not listed here: see `errors`. */
  responses: R;
  /**
   * The domain problems the handler may throw (its module's `defineProblem` factories). The ones
   * the platform answers for every route (validation, authentication, tenant, budgets, outages)
   * are added from the route's shape; contract tests fail on a code a route answers undocumented.
   */
  errors?: readonly { readonly spec: ProblemSpec }[];
  /** A retried write with the same `Idempotency-Key` gets the first answer (http/idempotency.ts). */
  idempotent?: boolean;
  /** A list answered in pages: `limit` and `cursor` in the query, `{items, next}` and a `Link` header. */
  paginated?: boolean;
  /**
   * Optimistic concurrency. `read`: the 200 carries an `ETag` (and `If-None-Match` gets a 304).
   * `update`: the route reads `If-Match` (412 when stale; 428 when missing on an existing
   * resource) and answers the new `ETag`.
   */
  concurrency?: 'read' | 'update';
  deprecated?: Deprecation;
  handler: (ctx: RouteCtx<P, S>, input: RouteInput<TP, TQ, TB>) => Promise<ReplyOf<R>>;
}

/** What the table installs in front of a guarded route (provided by the identity module). */
export type GuardFactory = (security: RouteSecurity) => RequestHandler[];

export interface RouteTableDeps {
  router: Router;
  guards: GuardFactory;
  /** Tenant directory lookup (cached): TENANT_NOT_FOUND when the slug names no tenant. */
  tenant: (slug: string) => Promise<Tenant>;
  clock?: Clock;
  /** Where a request without the request logger (a bare router in a test) logs. */
  logger?: Logger;
  /** Request budgets (ratelimit.ts): a spent tenant budget is refused before the guard; budgets are spent after it. */
  limits?: { beforeAuth: RequestHandler[]; afterAuth: RequestHandler[] };
}

const ajv = createAjv({ coerceTypes: false, useDefaults: true });
// Path and query strings arrive as text; they are coerced to the declared types.
const ajvCoerce = createAjv({ coerceTypes: true, useDefaults: true });

function compile(schema: object | undefined, coerce: boolean): ValidateFunction | undefined {
  return schema ? (coerce ? ajvCoerce : ajv).compile(schema) : undefined;
}

function check(v: ValidateFunction | undefined, value: unknown, base: string, problem: typeof pathInvalid) {
  if (!v || v(value)) return;
  throw problem(ajvErrorsToFieldErrors(v.errors, base));
}

/** The RFC 9745 / RFC 8594 headers of a deprecated route. */
function deprecationHeaders(d: Deprecation): Record<string, string> {
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  return {
    Deprecation: `@${Math.floor(at(d.since).getTime() / 1000)}`,
    Sunset: at(d.sunset).toUTCString(),
    ...(d.successor ? { Link: `<${d.successor}>; rel="successor-version"` } : {}),
  };
}

/**
 * The route table. Modules declare routes as data; for each, the table labels metrics and logs
 * with the route template, applies budgets and the declared guard, resolves the request context
 * once (tenant from the URL, caller from the token, one clock reading, a logger carrying request
 * id, tenant and route), validates path, query and body against the route's schemas (which give
 * the handler its types and the OpenAPI document its content), runs the handler, writes its reply
 * with the headers its flags promise (Link, ETag, Deprecation).
 */
export class RouteTable {
  readonly routes: RouteSpec[] = [];
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: RouteTableDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? pino({ level: 'silent' });
  }

  add<
    P extends string,
    S extends RouteSecurity,
    R extends SuccessResponses,
    TP extends Type.TSchema | undefined = undefined,
    TQ extends Type.TSchema | undefined = undefined,
    TB extends Type.TSchema | undefined = undefined,
  >(spec: RouteSpec<P, S, TP, TQ, TB, R>): void {
    if (this.routes.some((r) => r.operationId === spec.operationId)) throw new Error(`operationId ${spec.operationId} declared twice`);
    const vp = compile(spec.params, true);
    const vq = compile(spec.query, true);
    const vb = compile(spec.body, false);
    const hasTenant = /\/:tenant(\/|$)/.test(spec.path);
    const label: RequestHandler = (_req, res, next) => {
      res.locals.route = spec.path;
      res.locals.operationId = spec.operationId;
      next();
    };
    const run = (req: Request, res: Response, next: NextFunction) => {
      this.handle(spec, hasTenant, { vp, vq, vb }, req, res).catch(next);
    };
    const limits = this.deps.limits ?? { beforeAuth: [], afterAuth: [] };
    // Guards run before validation: an unauthenticated caller learns nothing about the schema.
    // The gate in front of the guard spares token checks; a public route has none to spare.
    const gate = spec.security.kind === 'public' ? [] : limits.beforeAuth;
    let guards = spec.security.kind === 'public' ? (limits.afterAuth.length ? [this.budgetCaller()] : []) : this.deps.guards(spec.security);
    // On a sandbox tenant's path the caller's memberships of its source tenant count (ADR 0031):
    // added right after the token is verified, before the route's role check and every module's own.
    if (hasTenant && spec.security.kind !== 'public' && guards.length) guards = [guards[0]!, this.sandboxMembers(), ...guards.slice(1)];
    this.deps.router[spec.method](spec.path, label, ...gate, ...guards, ...limits.afterAuth, ...(spec.body ? [parseJsonBody] : []), run);
    this.routes.push(spec as unknown as RouteSpec);
  }


  /**
   * On a public route a bearer token decides only which budget the request spends (ratelimit.ts):
   * verified, its subject spends the tenant's signed-in budget and its own; missing or not valid,
   * the anonymous one (a made-up token buys nothing). It never becomes the handler's caller (a
   * public route answers everyone alike) and never turns into a 401.
   */
  private budgetCaller(): RequestHandler {
    const verify = this.deps.guards({ kind: 'authenticated' });
    return (req, res, next) => {
      if (!/^bearer\s/i.test(req.headers.authorization ?? '')) return next();
      let i = 0;
      const step = (err?: unknown): void => {
        if (err !== undefined || i === verify.length) {
          const identity = res.locals.identity;
          delete res.locals.identity;
          if (err === undefined && identity) res.locals.budgetSubject = identity.subject;
          return next();
        }
        void verify[i++]!(req, res, step);
      };
      step();
    };
  }
  /** Extends a verified caller's memberships with those of a sandbox's source tenant (sandbox-access.ts). */
  private sandboxMembers(): RequestHandler {
    return (req, res, next) => {
      const slug = req.params.tenant;
      const identity = res.locals.identity as Identity | undefined;
      if (typeof slug !== 'string' || !identity) return next();
      this.deps
        .tenant(slug)
        .then((t) => {
          if (t.sandbox) res.locals.identity = withSandboxMemberships(identity, t.slug, t.sandbox.of);
        }, () => undefined) // an unknown slug is answered after the guard, as before
        .then(() => next(), next);
    };
  }

  private async handle<P extends string, S extends RouteSecurity, TP, TQ, TB, R extends SuccessResponses>(
    spec: RouteSpec<P, S, TP, TQ, TB, R>,
    hasTenant: boolean,
    v: { vp?: ValidateFunction; vq?: ValidateFunction; vb?: ValidateFunction },
    req: Request,
    res: Response,
  ): Promise<void> {
    check(v.vp, req.params, '/path', pathInvalid);
    // Express 5 exposes req.query through a getter; validate a copy and keep the coerced values.
    const query: Record<string, unknown> = { ...req.query };
    check(v.vq, query, '/query', queryInvalid);
    if (spec.body) {
      if (!req.is('application/json')) throw unsupportedMediaType();
      check(v.vb, req.body, '', bodyInvalid);
    }
    const slug = req.params.tenant;
    const tenant = hasTenant && typeof slug === 'string' ? await this.deps.tenant(slug) : undefined;
    // Only a tenant that exists labels metrics, and only here, after the route's guard let the
    // request through (a public route, or a verified caller with the route's role): made-up
    // slugs and refused callers add no series.
    if (tenant) res.locals.tenant = tenant.slug;
    const identity = res.locals.identity;
    let log: Logger | undefined;
    const fallback = this.logger;
    // A sandbox tenant's requests read its own clock (ADR 0031); every other request the platform's.
    const clock = tenantClock(this.clock, tenant);
    const ctx: Ctx = {
      requestId: String(req.id ?? ''),
      route: spec.path,
      now: clock.now(),
      clock,
      // Made on first use: most requests never log, and a child logger serializes its bindings.
      get log() {
        return (log ??= (req.log ?? fallback).child(tenant ? { tenant: tenant.slug, route: spec.path } : { route: spec.path }));
      },
      lang: preferredLanguage(req),
      stats: { statements: 0, transactions: 0 },
      ...(tenant ? { tenant } : {}),
      ...(identity ? { identity } : {}),
    };
    const input = { params: req.params, query, body: req.body, preconditions: preconditionsOf(req), req } as RouteInput<TP, TQ, TB>;
    const reply: Reply = await spec.handler(ctx as RouteCtx<P, S>, input);
    if (ctx.stats.transactions > 1) ctx.log.debug({ transactions: ctx.stats.transactions, statements: ctx.stats.statements }, 'more than one transaction');
    res.locals.sql = ctx.stats;
    const headers: Record<string, string> = { ...(spec.deprecated ? deprecationHeaders(spec.deprecated) : {}), ...reply.headers };
    if (spec.paginated && reply.status === 200) {
      const next = (reply.body as { next?: string | null } | undefined)?.next;
      if (next) headers.Link = linkToNext(req.originalUrl, next);
    }
    for (const [k, val] of Object.entries(headers)) res.setHeader(k, val);
    // A conditional GET of an unchanged resource: 304, no body.
    const etag = headers.ETag;
    if (req.method === 'GET' && reply.status === 200 && etag && etagMatches(req.headers['if-none-match'], etag, 'weak')) {
      res.status(304).end();
      return;
    }
    res.status(reply.status);
    if (reply.raw) res.type(reply.raw.type).send(reply.raw.content);
    else if (reply.body === undefined) res.end();
    else res.json(reply.body);
  }
}
