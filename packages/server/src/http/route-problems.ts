import type { ProblemSpec } from '@satupintu/core';
import { agencyNotAllowed, authRequired, authUnavailable, roleRequired, tenantNotAllowed, tokenInvalid } from '@satupintu/auth';
import { idempotencyKeyReused, tenantMoving } from '@satupintu/db';
import {
  badRequest,
  bodyInvalid,
  bodyTooDeep,
  bodyTooLarge,
  cursorInvalid,
  databaseUnavailable,
  idempotencyKeyInvalid,
  internal,
  malformedJson,
  pathInvalid,
  preconditionFailed,
  preconditionRequired,
  queryInvalid,
  tenantNotFound,
  unsupportedEncoding,
  unsupportedMediaType,
} from './problems.js';
import { rateLimited } from './ratelimit.js';
import type { RouteSpec } from './routes.js';

/**
 * Every problem a route can answer: the ones its shape brings (a body can be malformed, a guard
 * can refuse, a tenant slug can name nobody, a budget can run out, the database can restart)
 * and the ones its handler declares. The OpenAPI document lists them per status; the contract
 * tests refuse any other code.
 */
export function routeProblems(spec: RouteSpec): ProblemSpec[] {
  const out: ProblemSpec[] = [];
  const add = (...f: { spec: ProblemSpec }[]) => out.push(...f.map((x) => x.spec));
  if (spec.params) add(pathInvalid);
  if (spec.query) add(queryInvalid);
  if (spec.paginated) add(cursorInvalid);
  if (spec.body) add(malformedJson, bodyTooDeep, badRequest, bodyTooLarge, unsupportedMediaType, unsupportedEncoding, bodyInvalid);
  if (/\/:tenant(\/|$)/.test(spec.path)) {
    add(tenantNotFound);
    // A tenant's writes are refused while its data moves to another region (tenant move).
    if (spec.method !== 'get') add(tenantMoving);
  }
  if (spec.security.kind !== 'public') add(authRequired, tokenInvalid, authUnavailable);
  if (spec.security.kind === 'roles') {
    add(roleRequired);
    if (spec.security.tenantParam) add(tenantNotAllowed);
    if (spec.security.agencyParam) add(agencyNotAllowed);
  }
  if (spec.idempotent) add(idempotencyKeyInvalid, idempotencyKeyReused);
  if (spec.concurrency === 'update') add(preconditionFailed, preconditionRequired);
  add(rateLimited, databaseUnavailable, internal);
  for (const e of spec.errors ?? []) out.push(e.spec);
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
}
