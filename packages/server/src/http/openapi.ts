import type { JsonSchema, RouteSpec, RouteTable } from './routes.js';

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; title/detail follow Accept-Language (Indonesian by default).',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, see docs/api.md' },
    requestId: { type: 'string' },
    i18n: { type: 'object' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          pointer: { type: 'string', description: 'RFC 6901 JSON pointer' },
          message: { type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } } },
        },
      },
    },
  },
};

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The members of an object schema (TypeBox builds plain JSON Schema objects). */
function objectSchema(schema: unknown): { properties: Record<string, JsonSchema>; required: string[] } {
  const s = (schema ?? {}) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return { properties: s.properties ?? {}, required: s.required ?? [] };
}

function parameters(spec: RouteSpec) {
  const out: Record<string, unknown>[] = [];
  const params = objectSchema(spec.params);
  for (const [name, schema] of Object.entries(params.properties))
    out.push({ name, in: 'path', required: true, schema, description: schema.description });
  const query = objectSchema(spec.query);
  for (const [name, schema] of Object.entries(query.properties))
    out.push({ name, in: 'query', required: query.required.includes(name), schema, description: schema.description });
  for (const h of spec.headers ?? []) out.push({ name: h.name, in: 'header', required: h.required ?? false, schema: { type: 'string' }, description: h.description });
  return out;
}

/** OpenAPI 3.1 document of every registered route. */
export function buildOpenApi(registry: RouteTable, info: { version: string; serverUrl?: string; openIdConnectUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.routes) {
    const p = (paths[toOpenApiPath(spec.path)] ??= {});
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      const isProblem = Number(status) >= 400;
      responses[status] = {
        description: r.description,
        ...(r.schema || isProblem
          ? { content: { [isProblem ? 'application/problem+json' : 'application/json']: { schema: r.schema ?? { $ref: '#/components/schemas/Problem' } } } }
          : {}),
      };
    }
    p[spec.method] = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      ...(spec.rawBody ? { requestBody: { required: true, description: spec.rawBody.description, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses: spec.security.kind === 'public' ? responses : { ...responses, '401': { description: 'AUTH_REQUIRED, TOKEN_INVALID', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }, ...(spec.security.kind === 'roles' ? { '403': { description: 'ROLE_REQUIRED, TENANT_NOT_ALLOWED, AGENCY_NOT_ALLOWED', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } } : {}) },
      security: spec.security.kind === 'public' ? [] : [{ keycloak: spec.security.kind === 'roles' ? spec.security.roles : [] }],
      ...(spec.security.kind === 'roles'
        ? {
            'x-satupintu-roles': spec.security.roles,
            ...(spec.security.tenantParam ? { 'x-satupintu-tenant-param': spec.security.tenantParam } : {}),
            ...(spec.security.agencyParam ? { 'x-satupintu-agency-param': spec.security.agencyParam } : {}),
          }
        : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Satupintu API',
      version: info.version,
      description:
        'Platform Mal Pelayanan Publik (MPP) multi-tenant. Errors are RFC 9457 problem+json with a stable `code`; messages in Bahasa Indonesia and English.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        keycloak: {
          type: 'openIdConnect',
          openIdConnectUrl: info.openIdConnectUrl,
          description: 'Keycloak realm `mpp` bearer tokens (embedded issuer by default).',
        },
      },
    },
  };
}
