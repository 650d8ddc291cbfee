import Type from 'typebox';
import { defineProblem, problemCatalog, problemTypeOf, type ProblemSpec } from '@satupintu/core';
import { ok, type RouteTable } from './routes.js';

const Localized = Type.Object({ id: Type.String(), en: Type.String() });

export const ProblemKind = Type.Object(
  {
    code: Type.String({ description: 'The stable code' }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    type: Type.String({ description: 'The `type` member of problems of this kind' }),
    title: Localized,
    description: Localized,
  },
  { 'x-component': 'ProblemKind', additionalProperties: false },
);

const problemKindNotFound = defineProblem({ code: 'PROBLEM_TYPE_NOT_FOUND', status: 404, title: { id: 'Jenis masalah tidak dikenal', en: 'Unknown problem type' } });

const view = (p: ProblemSpec) => ({ code: p.code, status: p.status, type: problemTypeOf(p.code), title: p.title, description: p.description ?? p.title });

/** The problem catalog: what each `type` of a problem+json answer means (RFC 9457 §3.1.1 recommends a page per type). */
export function problemRoutes(api: RouteTable): void {
  api.add({
    method: 'get',
    path: '/api/v1/problems',
    operationId: 'listProblemTypes',
    summary: 'Katalog jenis masalah / The problem catalog',
    description: 'Every problem code the API answers, with its status and what a client can do. A fixed reference list, answered whole.',
    tags: ['meta'],
    security: { kind: 'public' },
    responses: { '200': { description: 'Every kind of problem', schema: Type.Object({ items: Type.Array(ProblemKind) }) } },
    handler: async () => ok({ items: problemCatalog().map(view) }, { 'Cache-Control': 'public, max-age=3600' }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/problems/:type',
    operationId: 'getProblemType',
    summary: 'Satu jenis masalah / One problem type',
    description: 'The page a problem’s `type` points at.',
    tags: ['meta'],
    security: { kind: 'public' },
    params: Type.Object({ type: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'The code in kebab case, e.g. `application-not-found`' }) }),
    responses: { '200': { description: 'The kind of problem', schema: ProblemKind, example: view({ code: 'APPLICATION_NOT_FOUND', status: 404, title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' } }) } },
    errors: [problemKindNotFound],
    handler: async (_ctx, { params }) => {
      const p = problemCatalog().find((k) => problemTypeOf(k.code).endsWith(`/${params.type}`));
      if (!p) throw problemKindNotFound();
      return ok(view(p), { 'Cache-Control': 'public, max-age=3600' });
    },
  });
}
