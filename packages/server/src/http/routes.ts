import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { pino, type Logger } from 'pino';
import type { ValidateFunction } from 'ajv';
import type Type from 'typebox';
import { InputError, ajvErrorsToFieldErrors, createAjv, systemClock, type Clock, type Tenant } from '@satupintu/core';
import type { Identity, RouteSecurity } from '@satupintu/auth';
import type { Ctx } from '../context.js';
import { preferredLanguage } from './problem.js';
import './locals.js';

export type { RouteSecurity };
export type JsonSchema = Record<string, unknown>;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler answers; the route table writes it (JSON unless `raw` is given). */
export interface Reply {
  status?: number;
  body?: unknown;
  /** A non-JSON body (CSV, JSON lines) with its media type. */
  raw?: { content: string | Buffer; type: string };
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown, location?: string, headers?: Record<string, string>): Reply => ({ status: 201, body, headers: { ...(location ? { Location: location } : {}), ...headers } });
export const noContent = (): Reply => ({ status: 204 });

/** The context a handler gets: a tenant when its path has `:tenant`, an identity unless it is public. */
export type RouteCtx<P extends string, S extends RouteSecurity> = Ctx &
  (P extends `${string}/:tenant${'' | `/${string}`}` ? { readonly tenant: Tenant } : unknown) &
  (S extends { kind: 'public' } ? unknown : { readonly identity: Identity });

type Static<T> = T extends Type.TSchema ? Type.Static<T> : Record<string, never>;

export interface RouteInput<TP, TQ, TB> {
  params: Static<TP>;
  query: Static<TQ>;
  body: Static<TB>;
  /** For what a schema cannot carry: a raw upload stream, a header. */
  req: Request;
}

export interface RouteSpec<P extends string = string, S extends RouteSecurity = RouteSecurity, TP = unknown, TQ = unknown, TB = unknown> {
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
  /** The body is not JSON: the handler streams the request itself (uploads). */
  rawBody?: { description: string };
  /** Header names the route reads (documented in OpenAPI), e.g. Idempotency-Key. */
  headers?: { name: string; description: string; required?: boolean }[];
  responses: Record<string, { description: string; schema?: JsonSchema | Type.TSchema }>;
  handler: (ctx: RouteCtx<P, S>, input: RouteInput<TP, TQ, TB>) => Promise<Reply>;
}

/** What the table installs in front of a guarded route (provided by the identity module). */
export type GuardFactory = (security: RouteSecurity) => RequestHandler[];

export interface RouteTableDeps {
  router: Router;
  guards: GuardFactory;
  /** Tenant directory lookup (cached): TENANT_NOT_FOUND when the slug names no tenant. */
  tenant: (slug: string) => Promise<Tenant>;
  clock?: Clock;
  /** Where a request without pino-http's logger (a bare router in a test) logs. */
  logger?: Logger;
  /** Request budgets (ratelimit.ts): a spent tenant budget is refused before the guard; budgets are spent after it. */
  limits?: { beforeAuth: RequestHandler[]; afterAuth: RequestHandler[] };
}

/** JSON bodies are parsed only for routes that take one, and only once the caller passed the guard. */
const jsonBody = express.json({ limit: '1mb', strict: true });

const ajv = createAjv({ coerceTypes: false, useDefaults: true });
// Path and query strings arrive as text; they are coerced to the declared types.
const ajvCoerce = createAjv({ coerceTypes: true, useDefaults: true });

function compile(schema: object | undefined, coerce: boolean): ValidateFunction | undefined {
  return schema ? (coerce ? ajvCoerce : ajv).compile(schema) : undefined;
}

function check(v: ValidateFunction | undefined, value: unknown, base: string, code: 'PATH_INVALID' | 'QUERY_INVALID' | 'BODY_INVALID') {
  if (!v || v(value)) return;
  throw new InputError({
    status: code === 'BODY_INVALID' ? 422 : 400,
    code,
    title: { id: 'Data permintaan tidak valid', en: 'The request data is invalid' },
    errors: ajvErrorsToFieldErrors(v.errors, base),
  });
}


/**
 * The route table. Modules declare routes as data; for each, the table labels metrics and logs
 * with the route template, applies budgets and the declared guard, resolves the request context
 * once (tenant from the URL, caller from the token, one clock reading, a logger carrying request
 * id, tenant and route), validates path, query and body against the route's schemas (which give
 * the handler its types and the OpenAPI document its content), runs the handler, writes its reply.
 */
export class RouteTable {
  readonly routes: RouteSpec[] = [];
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: RouteTableDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? pino({ level: 'silent' });
  }

  add<P extends string, S extends RouteSecurity, TP extends Type.TSchema | undefined = undefined, TQ extends Type.TSchema | undefined = undefined, TB extends Type.TSchema | undefined = undefined>(
    spec: RouteSpec<P, S, TP, TQ, TB>,
  ): void {
    const vp = compile(spec.params, true);
    const vq = compile(spec.query, true);
    const vb = compile(spec.body, false);
    const hasTenant = /\/:tenant(\/|$)/.test(spec.path);
    const label: RequestHandler = (_req, res, next) => {
      res.locals.route = spec.path;
      next();
    };
    const run = (req: Request, res: Response, next: NextFunction) => {
      this.handle(spec, hasTenant, { vp, vq, vb }, req, res).catch(next);
    };
    const limits = this.deps.limits ?? { beforeAuth: [], afterAuth: [] };
    // Guards run before validation: an unauthenticated caller learns nothing about the schema.
    this.deps.router[spec.method](spec.path, label, ...limits.beforeAuth, ...this.deps.guards(spec.security), ...limits.afterAuth, ...(spec.body ? [jsonBody] : []), run);
    this.routes.push(spec as unknown as RouteSpec);
  }

  private async handle<P extends string, S extends RouteSecurity, TP, TQ, TB>(
    spec: RouteSpec<P, S, TP, TQ, TB>,
    hasTenant: boolean,
    v: { vp?: ValidateFunction; vq?: ValidateFunction; vb?: ValidateFunction },
    req: Request,
    res: Response,
  ): Promise<void> {
    check(v.vp, req.params, '/path', 'PATH_INVALID');
    // Express 5 exposes req.query through a getter; validate a copy and keep the coerced values.
    const query: Record<string, unknown> = { ...req.query };
    check(v.vq, query, '/query', 'QUERY_INVALID');
    if (spec.body) {
      if (!req.is('application/json'))
        throw new InputError({
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          title: { id: 'Kirim badan permintaan sebagai application/json', en: 'Send the request body as application/json' },
        });
      check(v.vb, req.body, '', 'BODY_INVALID');
    }
    const slug = req.params.tenant;
    const tenant = hasTenant && typeof slug === 'string' ? await this.deps.tenant(slug) : undefined;
    // Only a tenant that exists labels metrics: made-up slugs add no series.
    if (tenant) res.locals.tenant = tenant.slug;
    const identity = res.locals.identity;
    let log: Logger | undefined;
    const fallback = this.logger;
    const ctx: Ctx = {
      requestId: String(req.id ?? ''),
      route: spec.path,
      now: this.clock.now(),
      clock: this.clock,
      // Made on first use: most requests never log, and a child logger serializes its bindings.
      get log() {
        return (log ??= (req.log ?? fallback).child(tenant ? { tenant: tenant.slug, route: spec.path } : { route: spec.path }));
      },
      lang: preferredLanguage(req),
      stats: { statements: 0, transactions: 0 },
      ...(tenant ? { tenant } : {}),
      ...(identity ? { identity } : {}),
    };
    const input = { params: req.params, query, body: req.body, req } as RouteInput<TP, TQ, TB>;
    const reply = await spec.handler(ctx as RouteCtx<P, S>, input);
    if (ctx.stats.transactions > 1) ctx.log.debug({ transactions: ctx.stats.transactions, statements: ctx.stats.statements }, 'more than one transaction');
    res.locals.sql = ctx.stats;
    for (const [k, val] of Object.entries(reply.headers ?? {})) res.setHeader(k, val);
    res.status(reply.status ?? 200);
    if (reply.raw) res.type(reply.raw.type).send(reply.raw.content);
    else if (reply.body === undefined) res.end();
    else res.json(reply.body);
  }
}
