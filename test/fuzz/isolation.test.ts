import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { identityFromClaims, permits, type Identity, type RouteSecurity } from '@satupintu/auth';
import { SEED, pdf, size, sktlkForm, token, type ApiProcess } from '../fault/harness.js';
import { sharedApi } from '../fault/hooks.js';
import { measure } from '../fault/report.js';

const S = 'Isolation: randomized cross-tenant and cross-role requests over every route';

const USERS = [
  'warga.kbb', 'warga.kapuas', 'petugas.dukcapil.kbb', 'petugas.imigrasi.kbb', 'petugas.dpmptsp.kbb', 'petugas.dukcapil.kapuas', 'petugas.polri.kapuas',
  'operator.desa.kbb', 'admin.kbb', 'admin.kotim', 'admin.kapuas', 'admin.lebong', 'admin.kobar', 'admin.bogor', 'publisher.dukcapil', 'publisher.imigrasi',
  'publisher.polri', 'analis.kemenpanrb', 'admin.platform',
];
const TENANTS = ['kab-bandung-barat', 'kab-kapuas', 'kota-bogor', 'kab-lebong', 'kab-kotawaringin-timur', 'kab-kotawaringin-barat'];

/** A record that holds personal data: who may see it, and the strings that would betray it. */
interface Secret {
  tenant: string;
  applicant: string;
  agency: string;
  id: string;
  trackingCode: string;
  documentId: string;
  marker: string;
}

interface Operation {
  method: string;
  path: string;
  security: RouteSecurity;
  hasBody: boolean;
}

/** Routes from the served OpenAPI document, with the security each declares. */
function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const sec = op.security as { keycloak?: string[] }[] | undefined;
      const roles = op['x-satupintu-roles'] as string[] | undefined;
      const security: RouteSecurity = !sec?.length
        ? { kind: 'public' }
        : roles
          ? { kind: 'roles', roles: roles as never, tenantParam: op['x-satupintu-tenant-param'] as string | undefined, agencyParam: op['x-satupintu-agency-param'] as string | undefined }
          : { kind: 'authenticated' };
      out.push({ method: method.toUpperCase(), path, security, hasBody: op.requestBody !== undefined });
    }
  }
  return out;
}

/** Who may see a record: its applicant, officers of its agency in its tenant, its tenant's admin. */
function entitled(user: string | undefined, id: Identity | undefined, s: Secret): boolean {
  if (!user || !id) return false;
  if (user === s.applicant) return true;
  return id.memberships.some((m) => ('tenant' in m && m.tenant === s.tenant && (m.role === 'tenant-admin' || (m.role === 'officer' && m.agency === s.agency))));
}

describe(S, function () {
  let api: ApiProcess;
  const secrets: Secret[] = [];
  const tokens = new Map<string, string>();
  const identities = new Map<string, Identity>();

  before(async function () {
    this.timeout(300_000);
    api = await sharedApi();
    for (const u of USERS) {
      const t = await token(api.base, u);
      tokens.set(u, t);
      identities.set(u, identityFromClaims(JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>));
    }
    // One submitted application with a document per (tenant, citizen), each carrying a unique marker.
    for (const [tenant, applicant] of [['kab-bandung-barat', 'warga.kbb'], ['kab-kapuas', 'warga.kapuas'], ['kota-bogor', 'warga.kapuas'], ['kab-lebong', 'warga.kbb']] as const) {
      const marker = `SECRET-${randomUUID()}`;
      const h = { authorization: `Bearer ${tokens.get(applicant)}` };
      const base = `${api.base}/api/v1/tenants/${tenant}/applications`;
      const created = await fetch(base, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(marker) }) });
      assert.equal(created.status, 201, `${tenant}: ${await created.clone().text()}${created.status >= 500 ? `\nAPI output:\n${api.output().slice(-3000)}` : ""}`);
      const app = (await created.json()) as { id: string; trackingCode: string };
      const doc = await fetch(`${base}/${app.id}/documents/identitas?filename=${marker}.pdf`, { method: 'PUT', headers: h, body: pdf(marker) });
      assert.equal(doc.status, 201);
      const { id: documentId } = (await doc.json()) as { id: string };
      assert.equal((await fetch(`${base}/${app.id}/submit`, { method: 'POST', headers: h })).status, 200);
      secrets.push({ tenant, applicant, agency: 'polri', id: app.id, trackingCode: app.trackingCode, documentId, marker });
    }
  });

  it('no response gives a caller data of another tenant or data its role may not see', async function () {
    const total = size('ISOLATION_REQUESTS', 10_000, 1_500);
    const concurrency = size('ISOLATION_CONCURRENCY', 8, 6);
    const doc = (await (await fetch(`${api.base}/api/v1/openapi.json`)).json()) as Parameters<typeof operations>[0];
    const ops = operations(doc);
    const ids = [...secrets.flatMap((s) => [s.id, s.documentId]), randomUUID()];
    const codes = ['identitas', 'pengantar-bank', 'verify', 'issue', 'reject', 'sktlk', 'polri', 'dukcapil', 'imigrasi', 'ktpel-penggantian', '1.0.0', 'x'];
    const requestArb = fc.record({
      op: fc.constantFrom(...ops),
      user: fc.option(fc.constantFrom(...USERS), { nil: undefined, freq: 8 }),
      tenant: fc.constantFrom(...TENANTS),
      id: fc.constantFrom(...ids),
      code: fc.constantFrom(...codes),
      agency: fc.constantFrom('polri', 'dukcapil', 'imigrasi', 'bpn'),
      service: fc.constantFrom('polri.sktlk', 'sktlk', 'dukcapil.ktpel-penggantian', 'imigrasi.paspor-baru'),
      body: fc.oneof(
        fc.constant({}),
        fc.constant({ service: 'polri.sktlk', data: sktlkForm('isolation-probe') }),
        fc.constant({ data: {} }),
        fc.constant({ comment: 'isolation probe' }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      ),
    });
    const samples = fc.sample(requestArb, { seed: SEED, numRuns: total });
    const byStatus = new Map<number, number>();
    const leaks: string[] = [];
    const fiveXX: string[] = [];
    const routesHit = new Set<string>();
    let denied = 0;
    let cross = 0;
    let crossRequests = 0;
    let cursor = 0;
    const started = performance.now();

    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (cursor < samples.length) {
          const r = samples[cursor++]!;
          const params: Record<string, string> = {};
          const path = r.op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
            const v =
              name === 'tenant' ? r.tenant
              : /^(id|document|application|session|booking|delivery|attachment|counter)$/.test(name) ? r.id
              : name === 'agency' || name === 'plugin' ? r.agency
              : name === 'service' ? r.service
              : name === 'date' ? '2026-12-03'
              : name === 'version' ? '1.0.0'
              : r.code;
            params[name] = v;
            return encodeURIComponent(v);
          });
          const headers: Record<string, string> = {};
          if (r.user) headers.authorization = `Bearer ${tokens.get(r.user)}`;
          let body: string | Buffer | undefined;
          if (r.op.method === 'PUT' && /documents/.test(r.op.path)) body = pdf('isolation-probe');
          else if (r.op.method !== 'GET' && r.op.method !== 'DELETE') {
            body = JSON.stringify(r.body);
            headers['content-type'] = 'application/json';
          }
          const res = await fetch(api.base + path, { method: r.op.method, headers, body, signal: AbortSignal.timeout(30_000) });
          const text = await res.text();
          routesHit.add(`${r.op.method} ${r.op.path}`);
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          if (res.status >= 500) fiveXX.push(`${r.op.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          const identity = r.user ? identities.get(r.user) : undefined;
          const ok = res.status >= 200 && res.status < 300;
          // 1. A data-bearing answer to a caller the route's own rule refuses.
          const sec = r.op.security;
          const allowed = sec.kind === 'public' || (identity !== undefined && (sec.kind === 'authenticated' || permits(identity, sec, params) === 'ok'));
          if (!allowed) denied++;
          if (secrets.some((x) => x.tenant !== r.tenant && path.includes(x.id))) crossRequests++;
          if (ok && !allowed) leaks.push(`unauthorized ${res.status}: ${r.user ?? 'anonymous'} ${r.op.method} ${path}`);
          // 2. Another tenant's record, or a record the caller may not see, in any answer.
          for (const s of secrets) {
            // The marker is personal data (never in a URL); ids count only in a 2xx (a problem's `instance` echoes the URL).
            const mentions = text.includes(s.marker) || (ok && [s.id, s.documentId, s.trackingCode].some((v) => text.includes(v)));
            if (!mentions) continue;
            if ('tenant' in params && params.tenant !== s.tenant) {
              cross++;
              leaks.push(`cross-tenant ${res.status}: ${r.user ?? 'anonymous'} ${r.op.method} ${path} shows ${s.tenant}'s record`);
            } else if (!entitled(r.user, identity, s)) leaks.push(`not entitled ${res.status}: ${r.user ?? 'anonymous'} ${r.op.method} ${path} shows ${s.tenant}/${s.applicant}'s record`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    measure(S, 'fast-check seed (RELIABILITY_SEED)', SEED);
    measure(S, 'requests', samples.length);
    measure(S, 'routes in the OpenAPI document / routes exercised', `${ops.length} / ${routesHit.size}`);
    measure(S, 'callers (demo users of 6 tenants, 7 roles, 4 agencies) + anonymous', USERS.length);
    measure(S, 'requests the route rule refuses for the caller (role, tenant or agency)', denied);
    measure(S, 'requests naming another tenant’s application id under a tenant URL', crossRequests);
    measure(S, 'answers that showed another tenant’s record', cross);
    measure(S, 'answers by status', [...byStatus].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(', '));
    measure(S, 'throughput', `${(samples.length / seconds).toFixed(0)} req/s`);
    measure(S, 'leaks (2xx for a refused caller; another tenant’s or a non-entitled record in an answer)', leaks.length);
    measure(S, '5xx answers', fiveXX.length);
    assert.deepEqual(leaks.slice(0, 20), [], `${leaks.length} leaks`);
    assert.deepEqual(fiveXX.slice(0, 10), [], `${fiveXX.length} 5xx`);
    assert.equal(routesHit.size, ops.length, 'every route exercised');
  });
});
