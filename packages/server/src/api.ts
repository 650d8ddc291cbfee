import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { ValidateFunction } from 'ajv';
import { InputError, ajvErrorsToFieldErrors, createAjv } from '@satupintu/core';

export type JsonSchema = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

import type { RouteSecurity } from '@satupintu/auth';
export type { RouteSecurity };

export interface RouteSpec {
  method: Method;
  /** Express path, e.g. `/api/v1/tenants/:tenant`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: RouteSecurity;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /** Header names the route reads (documented in OpenAPI), e.g. Idempotency-Key. */
  headers?: { name: string; description: string; required?: boolean }[];
  responses: Record<string, { description: string; schema?: JsonSchema }>;
  handler: (req: Request, res: Response) => Promise<void>;
}

/** What the server installs in front of a guarded route (provided by the identity module). */
export type GuardFactory = (security: RouteSecurity) => RequestHandler[];

const ajv = createAjv({ coerceTypes: false, useDefaults: true });
// Path and query strings arrive as text; they are coerced to the declared types.
const ajvCoerce = createAjv({ coerceTypes: true, useDefaults: true });

function compile(schema: JsonSchema | undefined, coerce: boolean): ValidateFunction | undefined {
  return schema ? (coerce ? ajvCoerce : ajv).compile(schema) : undefined;
}

function check(v: ValidateFunction | undefined, value: unknown, base: string, code: string) {
  if (!v || v(value)) return;
  throw new InputError({
    status: code === 'BODY_INVALID' ? 422 : 400,
    code,
    title: { id: 'Data permintaan tidak valid', en: 'The request data is invalid' },
    errors: ajvErrorsToFieldErrors(v.errors, base),
  });
}

/**
 * The route table. Modules declare routes as data; the table validates path, query and body
 * with ajv before the handler runs, installs the declared guard, records the route and tenant
 * for metrics, and renders every route into the OpenAPI document, so code and contract agree.
 */
export class ApiRegistry {
  readonly routes: RouteSpec[] = [];
  constructor(
    private readonly router: Router,
    private readonly guards: GuardFactory,
    /** Request budgets (ratelimit.ts): spent after the guard, by verified callers; a spent tenant budget is refused before it. */
    private readonly limits: { beforeAuth: RequestHandler[]; afterAuth: RequestHandler[] } = { beforeAuth: [], afterAuth: [] },
  ) {}

  add(spec: RouteSpec): void {
    const vp = compile(spec.params, true);
    const vq = compile(spec.query, true);
    const vb = compile(spec.body, false);
    const label: RequestHandler = (req, res, next) => {
      res.locals.route = spec.path;
      if (typeof req.params.tenant === 'string') res.locals.tenant = req.params.tenant;
      next();
    };
    const validate: RequestHandler = (req, res, next) => {
      check(vp, req.params, '/path', 'PATH_INVALID');
      // Express 5 exposes req.query through a getter; validate a copy and keep the coerced values.
      const query = { ...(req.query as Record<string, unknown>) };
      check(vq, query, '/query', 'QUERY_INVALID');
      res.locals.query = query;
      if (spec.body) {
        if (!req.is('application/json'))
          throw new InputError({
            status: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            title: { id: 'Kirim badan permintaan sebagai application/json', en: 'Send the request body as application/json' },
          });
        check(vb, req.body, '', 'BODY_INVALID');
      }
      next();
    };
    const run = (req: Request, res: Response, next: NextFunction) => {
      spec.handler(req, res).catch(next);
    };
    // Guards run before validation: an unauthenticated caller learns nothing about the schema.
    this.router[spec.method](spec.path, label, ...this.limits.beforeAuth, ...this.guards(spec.security), ...this.limits.afterAuth, validate, run);
    this.routes.push(spec);
  }
}
