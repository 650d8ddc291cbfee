import { createHash } from 'node:crypto';
import { problemCatalog, problemTypeOf, type ProblemSpec } from '@satupintu/core';
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from './json-body.js';
import { PAGE_MAX } from '../pagination.js';
import { routeProblems } from './route-problems.js';
import type { JsonSchema, RouteSpec, SuccessResponse } from './routes.js';

/**
 * The OpenAPI 3.1 document, built from the route table: the same TypeBox schemas validate requests,
 * type the handlers and describe the operations. Every success status with its body schema and
 * headers, every problem code per status, the security the issuer really offers.
 */
export interface OpenApiInfo {
  version: string;
  /** Where the API is served (the first is the default). */
  servers: { url: string; description: string }[];
  /** The realm's URL: `${KEYCLOAK_URL}/realms/mpp`. */
  issuer: string;
}

const HEADERS: Record<string, { description: string; schema: JsonSchema }> = {
  'Retry-After': { description: 'Seconds to wait before retrying / detik sebelum mencoba lagi', schema: { type: 'integer', minimum: 0 } },
  ETag: { description: 'The version of the resource (strong entity tag); quote it in If-Match to change it', schema: { type: 'string' } },
  Location: { description: 'The created resource', schema: { type: 'string', format: 'uri-reference' } },
  Link: { description: 'RFC 8288 link to the next page (`rel="next"`), present unless this is the last page', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
  Deprecation: { description: 'RFC 9745: when this operation was deprecated (`@` epoch seconds)', schema: { type: 'string' } },
  Sunset: { description: 'RFC 8594: when this operation stops answering (HTTP-date)', schema: { type: 'string' } },
  'X-Request-Id': { description: 'The request id (quote it when asking for support)', schema: { type: 'string' } },
  'WWW-Authenticate': { description: 'RFC 6750 bearer challenge', schema: { type: 'string' } },
};

/** A header by reference to components.headers (`<Name>` or `<Name>Required`): the document stays small. */
const header = (name: string, required = false) => ({ $ref: `#/components/headers/${name}${required ? '.required' : ''}` });

function headerComponents(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(HEADERS)) {
    out[name] = h;
    out[`${name}.required`] = { ...h, required: true };
  }
  return out;
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `title`/`detail` follow Accept-Language (Bahasa Indonesia by default); `i18n` carries both languages.',
  required: ['type', 'title', 'status', 'code', 'instance', 'i18n'],
  properties: {
    type: { type: 'string', format: 'uri-reference', description: 'The problem type: its page in GET /api/v1/problems/{code}' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The request path' },
    code: { type: 'string', description: 'Stable error code (never renamed)' },
    requestId: { type: 'string' },
    i18n: {
      type: 'object',
      required: ['id', 'en'],
      properties: {
        id: { $ref: '#/components/schemas/ProblemText' },
        en: { $ref: '#/components/schemas/ProblemText' },
      },
    },
    errors: {
      type: 'array',
      description: 'The fields at fault',
      items: {
        type: 'object',
        required: ['pointer', 'message'],
        properties: {
          pointer: { type: 'string', description: 'RFC 6901 JSON pointer into the request (`/path/…`, `/query/…`, `/headers/…`, or the body)' },
          message: { $ref: '#/components/schemas/LocalizedText' },
        },
      },
    },
  },
  additionalProperties: true,
};

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Schemas marked `x-component` become named components (shared by the generated client); the rest stay inline. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {
    Problem: problemSchema,
    ProblemText: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, detail: { type: 'string' } } },
    LocalizedText: { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } },
  };
  readonly responses: Record<string, unknown> = {};
  private readonly json = new Map<string, string>();

  hoist(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.hoist(s));
    if (!schema || typeof schema !== 'object') return schema;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) if (k !== 'x-component') out[k] = this.hoist(v);
    const name = (schema as Record<string, unknown>)['x-component'];
    if (typeof name !== 'string') return out;
    const text = JSON.stringify(out);
    const known = this.json.get(name);
    if (known !== undefined && known !== text) throw new Error(`two different schemas are named ${name}`);
    this.json.set(name, text);
    this.schemas[name] = out;
    return { $ref: `#/components/schemas/${name}` };
  }
}

/** The members of an object schema (TypeBox builds plain JSON Schema objects). */
function objectSchema(schema: unknown): { properties: Record<string, JsonSchema>; required: string[] } {
  const s = (schema ?? {}) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return { properties: s.properties ?? {}, required: s.required ?? [] };
}

function parameters(spec: RouteSpec, c: Components) {
  const out: Record<string, unknown>[] = [];
  const params = objectSchema(spec.params);
  for (const [name, schema] of Object.entries(params.properties))
    out.push({ name, in: 'path', required: true, schema: c.hoist(schema), ...(schema.description ? { description: schema.description } : {}) });
  const query = objectSchema(spec.query);
  for (const [name, schema] of Object.entries(query.properties))
    out.push({ name, in: 'query', required: query.required.includes(name), schema: c.hoist(schema), ...(schema.description ? { description: schema.description } : {}) });
  const headers = [...(spec.headers ?? [])];
  if (spec.idempotent)
    headers.push({
      name: 'Idempotency-Key',
      description: 'Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`.',
    });
  if (spec.concurrency === 'update')
    headers.push(
      { name: 'If-Match', description: 'The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile).' },
      { name: 'If-None-Match', description: '`*`: create only, never replace (412 if it exists).' },
    );
  if (spec.concurrency === 'read') headers.push({ name: 'If-None-Match', description: 'The ETag you hold: 304 when unchanged.' });
  for (const h of headers) out.push({ name: h.name, in: 'header', required: h.required ?? false, schema: { type: 'string' }, description: h.description });
  return out;
}

function successResponse(spec: RouteSpec, status: string, r: SuccessResponse, c: Components) {
  const headers: Record<string, unknown> = { 'X-Request-Id': header('X-Request-Id', true) };
  if (status === '201' && spec.method !== 'put') headers.Location = header('Location');
  if (spec.paginated && status === '200') headers.Link = header('Link');
  if (spec.concurrency && (status === '200' || status === '201')) headers.ETag = header('ETag', true);
  if (spec.idempotent) headers['Idempotent-Replayed'] = header('Idempotent-Replayed');
  if (spec.deprecated) Object.assign(headers, { Deprecation: header('Deprecation', true), Sunset: header('Sunset', true) });
  for (const [name, h] of Object.entries(r.headers ?? {})) headers[name] = { description: h.description, schema: h.schema ?? { type: 'string' }, ...(h.required ? { required: true } : {}) };
  let content: Record<string, unknown> | undefined;
  if (r.schema) content = { 'application/json': { schema: c.hoist(r.schema), ...(r.example !== undefined ? { example: r.example } : {}) } };
  else if (r.media) content = Object.fromEntries(r.media.map((m) => [m, { schema: { type: 'string' }, ...(r.example !== undefined ? { example: r.example } : {}) }]));
  return { description: r.description, headers, ...(content ? { content } : {}) };
}

/** A problem response is shared by every operation that can answer the same codes with one status (components.responses). */
function problemResponses(problems: ProblemSpec[], c: Components) {
  const byStatus = new Map<number, ProblemSpec[]>();
  for (const p of problems) byStatus.set(p.status, [...(byStatus.get(p.status) ?? []), p]);
  const out: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
    const codes = list.map((p) => p.code);
    const headers: Record<string, unknown> = { 'X-Request-Id': header('X-Request-Id', true) };
    if (status === 429 || list.some((p) => p.code === 'DATABASE_UNAVAILABLE' || p.code === 'AUTH_UNAVAILABLE' || p.code === 'STORAGE_UNAVAILABLE' || p.code === 'TENANT_MOVING')) headers['Retry-After'] = header('Retry-After', status === 429);
    if (status === 401) headers['WWW-Authenticate'] = header('WWW-Authenticate', true);
    const kebab = codes.map((code) => code.toLowerCase().replace(/_/g, '-')).join('.');
    const name = kebab.length <= 100 ? `${status}.${kebab}` : `${status}.${createHash('sha256').update(codes.join(',')).digest('hex').slice(0, 12)}`;
    out[String(status)] = { $ref: `#/components/responses/${name}` };
    c.responses[name] = {
      description: list.map((p) => `\`${p.code}\` — ${p.title.id} / ${p.title.en}`).join('\n\n'),
      headers,
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              { type: 'object', properties: { code: { enum: codes }, status: { const: status } } },
            ],
          },
        },
      },
    };
  }
  return out;
}

function operation(spec: RouteSpec, c: Components) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) if (r) responses[status] = successResponse(spec, status, r, c);
  if (spec.concurrency === 'read' && !responses['304']) responses['304'] = { description: 'Not modified (If-None-Match names the current ETag)', headers: { ETag: header('ETag', true) } };
  Object.assign(responses, problemResponses(routeProblems(spec), c));
  const roles = spec.security.kind === 'roles' ? spec.security.roles : undefined;
  const who =
    spec.security.kind === 'public'
      ? 'Public: no token.'
      : roles
        ? `Roles: ${roles.map((r) => `\`${r}\``).join(', ')}${spec.security.kind === 'roles' && spec.security.tenantParam ? ' (member of the tenant)' : ''}${spec.security.kind === 'roles' && spec.security.agencyParam ? ' (serving the agency)' : ''}.`
        : 'Any signed-in caller.';
  const description = [spec.description, who, spec.deprecated ? `**Deprecated** since ${spec.deprecated.since}, answers until ${spec.deprecated.sunset}: ${spec.deprecated.reason}${spec.deprecated.successor ? ` Use ${spec.deprecated.successor}.` : ''}` : undefined]
    .filter(Boolean)
    .join('\n\n');
  let requestBody: unknown;
  if (spec.body)
    requestBody = {
      required: true,
      content: {
        'application/json': { schema: c.hoist(spec.body), ...(spec.bodyExample !== undefined ? { example: spec.bodyExample } : {}) },
      },
    };
  if (spec.rawBody)
    requestBody = {
      required: true,
      description: spec.rawBody.description,
      content: Object.fromEntries((spec.rawBody.media ?? ['application/octet-stream']).map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
    };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description,
    tags: spec.tags,
    parameters: parameters(spec, c),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: spec.security.kind === 'public' ? [] : [{ keycloak: [] }],
    ...(spec.deprecated ? { deprecated: true } : {}),
    ...(roles ? { 'x-satupintu-roles': roles } : {}),
    ...(spec.security.kind === 'roles' && spec.security.tenantParam ? { 'x-satupintu-tenant-param': spec.security.tenantParam } : {}),
    ...(spec.security.kind === 'roles' && spec.security.agencyParam ? { 'x-satupintu-agency-param': spec.security.agencyParam } : {}),
  };
}

/** The OpenAPI 3.1 document of every route in the table. */
export function buildOpenApi(routes: readonly RouteSpec[], info: OpenApiInfo) {
  const c = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) (paths[toOpenApiPath(spec.path)] ??= {})[spec.method] = operation(spec, c);
  const tags = [...new Set(routes.flatMap((r) => r.tags))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Satupintu API',
      version: info.version,
      summary: 'Mal Pelayanan Publik (MPP) multi-tenant: layanan, permohonan, jadwal, pengaduan, SKM, pemantauan nasional.',
      description: [
        'Platform Mal Pelayanan Publik (MPP) multi-tenant. Bahasa Indonesia first, English second (`Accept-Language`).',
        `Errors are RFC 9457 problem+json with a stable \`code\` and a \`type\` whose page is in GET /api/v1/problems. Lists are paged by cursor (\`limit\` ≤ ${PAGE_MAX}, \`next\`, \`Link\`). Editable resources carry an \`ETag\`; updates quote it in \`If-Match\`. Writes that create take an \`Idempotency-Key\`. JSON bodies: at most ${MAX_JSON_BYTES / 1024} KiB, ${MAX_JSON_DEPTH} levels deep.`,
        'Stability: /api/v1 changes only by addition; a route that must go is deprecated first (`Deprecation`, `Sunset`, at least 180 days) — docs/api-stability.md.',
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: info.servers,
    tags,
    paths,
    components: {
      schemas: c.schemas,
      responses: Object.fromEntries(Object.entries(c.responses).sort(([a], [b]) => a.localeCompare(b))),
      headers: headerComponents(),
      securitySchemes: {
        keycloak: {
          type: 'oauth2',
          description:
            'Keycloak realm `mpp` (the embedded issuer in development). People sign in with the authorization code flow and PKCE (S256; public client `satupintu-web`). Machine clients (an agency’s system) use client credentials with a confidential client whose service account holds the roles. Access tokens are RS256 JWTs for the audience `satupintu-api`; no implicit or password grant is offered to API clients.',
          flows: {
            authorizationCode: {
              authorizationUrl: `${info.issuer}/protocol/openid-connect/auth`,
              tokenUrl: `${info.issuer}/protocol/openid-connect/token`,
              refreshUrl: `${info.issuer}/protocol/openid-connect/token`,
              scopes: { openid: 'OpenID Connect sign-in', profile: 'Name and memberships', email: 'E-mail address' },
            },
            clientCredentials: {
              tokenUrl: `${info.issuer}/protocol/openid-connect/token`,
              scopes: {},
            },
          },
        },
      },
    },
    'x-problems': problemCatalog().map((p) => ({ code: p.code, status: p.status, type: problemTypeOf(p.code), title: p.title })),
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
