import assert from 'node:assert/strict';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Issue 23, Ministry Monev: "The analyst role holds no citizen role and gets 403 — not 404 — on
// anything personal." Every operation of docs/openapi.json is enumerated, so a personal route
// added later is covered without editing this file; opening one to the analyst fails here. The
// document is the one the server under test serves (docs/openapi.json is regenerated later).

type Op = { method: string; path: string; operationId: string; tags: string[]; roles?: string[]; secured: boolean };
type Doc = {
  security?: unknown[];
  paths: Record<string, Record<string, { operationId: string; tags?: string[]; security?: unknown[]; 'x-satupintu-roles'?: string[] }>>;
};
/** Every operation of an OpenAPI document: the one the running server serves, so an operation added since docs/openapi.json was regenerated is covered too. */
const opsOf = (doc: Doc): Op[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['get', 'put', 'post', 'patch', 'delete'].includes(m))
      .map(([method, o]) => ({ method: method.toUpperCase(), path, operationId: o.operationId, tags: o.tags ?? [], roles: o['x-satupintu-roles'], secured: (o.security ?? doc.security ?? []).length > 0 })),
  );
/** Read from the running server in `before`. */
let OPS: Op[] = [];

const key = (o: Op) => `${o.method} ${o.path}`;
/** Signed-in operations open to any role that hold nobody else's data: the caller's own account, the retention policy. */
const ANY_SIGNED_IN = ['GET /api/v1/me', 'GET /api/v1/tenants/{tenant}/retention'].sort();
/** Tags whose operations hold a person's records (applications, documents, bookings, complaints, contacts, notifications, personal data, officer queues). */
const PERSONAL_TAGS = ['applications', 'appointments', 'complaints', 'notifications', 'privacy', 'workflow', 'skm'];
const isPersonal = (o: Op) => o.secured && !ANY_SIGNED_IN.includes(key(o)) && (o.tags.some((t) => PERSONAL_TAGS.includes(t)) || /\/me(\/|$)/.test(o.path.replace(/^\/api\/v1\/me$/, '')));

/** The operations the analyst may call: aggregates only, no person in them. Adding one is a decision, made here. */
const ANALYST_AGGREGATES = [
  'GET /api/v1/tenants/{tenant}/sessions/utilization',
  'GET /api/v1/tenants/{tenant}/skm/ikm',
  'GET /api/v1/agencies/{agency}/skm/ikm',
  'GET /api/v1/skm/ikm',
  'GET /api/v1/tenants/{tenant}/skm/follow-ups',
  'GET /api/v1/national/cockpit',
  'GET /api/v1/national/alerts',
  'GET /api/v1/national/weekly',
  'GET /api/v1/national/tenants.csv',
  'GET /api/v1/national/weekly.csv',
  'GET /api/v1/tenants/{tenant}/indicators',
  'GET /api/v1/tenants/{tenant}/complaints/stats',
  'GET /api/v1/complaints/stats',
  // Ministry Monev (issue 23): alerts over history, evidence packs, SKM publication log and report, follow-up counts — aggregates only.
  'POST /api/v1/national/monev/alerts/evaluate',
  'GET /api/v1/national/monev/alerts',
  'GET /api/v1/tenants/{tenant}/monev/alerts',
  'GET /api/v1/tenants/{tenant}/monev/evidence',
  'GET /api/v1/tenants/{tenant}/monev/evidence.pdf',
  'GET /api/v1/national/skm/follow-ups',
  'GET /api/v1/tenants/{tenant}/skm/publications',
  'GET /api/v1/tenants/{tenant}/skm/report.pdf',
  // History (ADR 0032): visits are counts per period and agency or tenant, no person.
  'GET /api/v1/tenants/{tenant}/visits',
  'GET /api/v1/national/visits',
  // Plugin versions (ADR 0036): versions per tenant and an agency's counts per tenant (work, SLA, complaints, IKM), no person.
  'GET /api/v1/agencies/{agency}/regions',
  'GET /api/v1/plugins/{plugin}/distribution',
].sort();

const T = 'kab-kapuas';
const SKTLK = {
  nik: '6203054507850002',
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};
const COMPLAINT = { kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean terlalu lama sekali', body: 'Saya menunggu tiga jam di loket tanpa kejelasan sama sekali.' };
const UNKNOWN = '0190a0b0-0000-7000-8000-000000000000';

/** A concrete URL for an operation: the tenant, a real record's id where one is given, else an id no row has. */
function urlOf(o: Op, ids: Record<string, string>): string {
  return o.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'tenant') return T;
    if (name === 'agency') return 'polri';
    if (name === 'channel') return 'email';
    if (name === 'date') return '2026-12-31';
    return ids[name] ?? UNKNOWN;
  });
}
/** What a problem answer says, without the per-request parts. */
function shape(r: { status: number; body: any }) {
  const { instance: _i, requestId: _r, ...rest } = (r.body ?? {}) as Record<string, unknown>;
  return { status: r.status, ...rest };
}

describe('security: the ministry analyst holds no citizen role and gets 403 on anything personal', () => {
  let p: Platform;
  let analyst: string;
  let real: Record<string, string>;

  before(async function () {
    this.timeout(120_000);
    p = sharedPlatform();
    OPS = opsOf((await (await fetch(`${p.url}/api/v1/openapi.json`)).json()) as Doc);
    analyst = await tokenFor(p, 'analis.kemenpanrb');
    const citizen = await tokenFor(p, 'warga.kapuas');
    const app = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    const complaint = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: COMPLAINT });
    assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
    // Real records' ids: the analyst's answer must be the same as for ids no row has.
    real = { id: app.body.id, application: app.body.id };
    real.complaintId = complaint.body.id;
  });

  it('the token carries no citizen role (the realm gives the analyst no default roles), and /me says so', async () => {
    const roles = (claimsOf(analyst).realm_access as { roles: string[] }).roles;
    assert.ok(roles.includes('ministry-analyst'));
    assert.ok(!roles.includes('citizen'), roles.join(','));
    const me = await api(p, 'GET', '/api/v1/me', { token: analyst });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.roles, ['ministry-analyst']);
  });

  it('only aggregate operations list the analyst, and no personal operation is open to any signed-in caller', () => {
    const listed = OPS.filter((o) => o.roles?.includes('ministry-analyst')).map(key).sort();
    assert.deepEqual(listed, ANALYST_AGGREGATES, 'an operation opened to the analyst must hold aggregates only: review it and list it here');
    const open = OPS.filter((o) => o.secured && !o.roles).map(key).sort();
    assert.deepEqual(open, ANY_SIGNED_IN, 'a signed-in operation without roles is open to the analyst: give it roles');
    assert.ok(OPS.filter(isPersonal).length >= 60, `only ${OPS.filter(isPersonal).length} personal operations found: has the document changed shape?`);
  });

  it('every personal operation (and every other one not listing the analyst) answers 403 ROLE_REQUIRED problem+json, in Indonesian and English', async function () {
    this.timeout(120_000);
    const refused = OPS.filter((o) => o.secured && !o.roles?.includes('ministry-analyst') && !ANY_SIGNED_IN.includes(key(o)));
    assert.deepEqual(OPS.filter((o) => isPersonal(o) && !refused.includes(o) && !ANALYST_AGGREGATES.includes(key(o))).map(key), []);
    const wrong: string[] = [];
    for (const o of refused) {
      const r = await api(p, o.method, urlOf(o, real), { token: analyst, ...(o.method === 'GET' || o.method === 'DELETE' ? {} : { body: {} }) });
      const ok =
        r.status === 403 &&
        /^application\/problem\+json/.test(r.headers.get('content-type') ?? '') &&
        r.body.code === 'ROLE_REQUIRED' &&
        typeof r.body.i18n?.id?.title === 'string' &&
        typeof r.body.i18n?.en?.title === 'string' &&
        r.body.i18n.id.title !== r.body.i18n.en.title;
      if (!ok) wrong.push(`${key(o)} → ${r.status} ${r.body?.code ?? ''}`);
    }
    assert.deepEqual(wrong, [], `the analyst was not refused with 403:\n${wrong.join('\n')}`);
  });

  it('the refusal does not tell whether the record exists: a real id and an unknown one answer alike', async () => {
    const withIds = OPS.filter((o) => isPersonal(o) && !o.roles?.includes('ministry-analyst') && /\{(id|application)\}/.test(o.path));
    assert.ok(withIds.length >= 10);
    for (const o of withIds) {
      const body = o.method === 'GET' || o.method === 'DELETE' ? {} : { body: {} };
      const existing = await api(p, o.method, urlOf(o, real), { token: analyst, ...body });
      const unknown = await api(p, o.method, urlOf(o, {}), { token: analyst, ...body });
      assert.deepEqual(shape(existing), shape(unknown), key(o));
      assert.equal(existing.status, 403, key(o));
    }
    for (const path of [`/api/v1/tenants/${T}/complaints/${real.complaintId}`, `/api/v1/tenants/${T}/complaints/${UNKNOWN}`]) {
      const r = await api(p, 'GET', path, { token: analyst });
      assert.deepEqual([r.status, r.body.code], [403, 'ROLE_REQUIRED'], path);
    }
  });

  it('the aggregates stay open to the analyst', async () => {
    for (const path of [
      '/api/v1/national/cockpit',
      `/api/v1/tenants/${T}/complaints/stats?from=2026-01-01&to=2026-12-31`,
      `/api/v1/tenants/${T}/skm/ikm`,
      '/api/v1/national/monev/alerts',
      `/api/v1/tenants/${T}/monev/alerts`,
      `/api/v1/tenants/${T}/monev/evidence`,
      `/api/v1/tenants/${T}/monev/evidence.pdf`,
      '/api/v1/national/skm/follow-ups',
      `/api/v1/tenants/${T}/skm/publications`,
      `/api/v1/tenants/${T}/skm/report.pdf`,
    ]) {
      const r = await api(p, 'GET', path, { token: analyst });
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
    }
  });
});
