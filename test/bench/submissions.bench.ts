/**
 * Authenticated, validated, persisted submissions per second and p99, against a baseline that does
 * the same work with nothing but node:http, jose (JWT against the same JWKS), ajv and pg: verify the
 * token, validate the form with the same compiled schema, and persist the same submitted
 * application — the same row in `applications` (its indexes, its rollup trigger) and its two
 * timeline events, in one tenant transaction — answering the stored row. A second reference row,
 * "floor", is the older baseline that only inserted one audit row (less work than a submission).
 * The targets run in alternating blocks (fixtures.ts `alternate`).
 *   node --import tsx test/bench/submissions.bench.ts [requests] [concurrency]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createFormAjv } from '@satupintu/forms';
import { appUrlFrom } from '@satupintu/db';
import { tokenFor } from '@satupintu/testkit';
import { alternate, benchPlatform, BENCH_FORM, load } from './fixtures.js';

const total = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 16);
const { platform, tenant, dataDir } = await benchPlatform();
const token = await tokenFor(platform, 'warga.kbb');
const t = await platform.services.tenants.get(tenant);
const service = (await platform.services.catalog.detail(await platform.context({ tenant: t }), 'bench.formulir')).form.schema;

// --- baseline: raw node:http + jose + ajv + pg, same database, same role, same RLS -----------------
const jwks = createRemoteJWKSet(new URL(`${platform.authServerUrl}/realms/mpp/protocol/openid-connect/certs`));
const validate = createFormAjv().compile(service);
const pool = new pg.Pool({ connectionString: appUrlFrom(platform.infra.regionDatabaseUrls['id-jakarta']!, platform.config.appDbRole, platform.config.appDbPassword), max: 20 });
const installed = (await platform.services.installations.list(await platform.context({ tenant: t }))).find((i) => i.plugin === 'bench')!;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const trackingCode = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b, i) => (i === 4 ? '-' : '') + ALPHABET[b % 32]).join('');
/** The same statement shape the platform uses: the application and its first two events in one round trip. */
const persist = `with a as (
    insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant_sub, applicant,
      filed_by_sub, filed_by_role, channel, status, state, data, created_at, updated_at, submitted_at, due_at, due_date, step_due_at, step_due_date)
    values ($1, gen_random_uuid(), $2, 'bench', $3, $4, 'formulir', 'bench', $5, $6, $5, 'citizen', 'online', 'submitted', 'diajukan', $7, now(), now(), now(),
      now() + interval '14 days', (now() + interval '14 days')::date, now() + interval '15 minutes', now()::date)
    returning *),
  e as (insert into application_events (tenant_id, application_id, id, at, actor_sub, actor_name, actor_role, action, from_state, to_state)
    select a.tenant_id, a.id, gen_random_uuid(), now(), a.filed_by_sub, $8, 'citizen', v.action, v.f, v.t from a,
      (values ('created', null, 'draft'), ('submitted', 'draft', 'diajukan')) as v (action, f, t))
  select * from a`;
const rawServer = (work: (c: pg.PoolClient, sub: string, data: unknown) => Promise<unknown>) =>
  http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const { payload } = await jwtVerify((req.headers.authorization ?? '').slice(7), jwks, { issuer: `${platform.authServerUrl}/realms/mpp`, audience: 'satupintu-api' });
        const data = JSON.parse(body).data;
        if (!validate(data)) {
          res.writeHead(422).end();
          return;
        }
        const c = await pool.connect();
        let answer: unknown;
        try {
          await c.query('begin');
          await c.query(`select set_config('app.tenant_id', $1, true)`, [t.id]);
          answer = await work(c, String(payload.sub), data);
          await c.query('commit');
        } finally {
          c.release();
        }
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      } catch {
        res.writeHead(401).end();
      }
    });
  });
const baseline = rawServer(async (c, sub, data) => (await c.query(persist, [t.id, trackingCode(), installed.version, installed.contentHash, sub, JSON.stringify({ name: 'Siti' }), JSON.stringify(data), 'Siti'])).rows[0]);
const floor = rawServer(async (c, sub, data) => {
  await c.query('insert into audit_events (tenant_id, id, actor, action, data) values ($1, gen_random_uuid(), $2, $3, $4)', [t.id, sub, 'bench.baseline', JSON.stringify(data)]);
  return {};
});
const listen = async (server: http.Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const baseUrl = await listen(baseline);
const floorUrl = await listen(floor);

const post = (url: string) => async () => {
  const r = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ service: 'bench.formulir', data: BENCH_FORM, submit: true }) });
  if (r.status !== 201) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
};
// Warm up both (JIT, JWKS fetch, validator compile, pool).
await load(100, concurrency, post(`${platform.url}/api/v1/tenants/${tenant}/applications`));
await load(100, concurrency, post(baseUrl));
await load(100, concurrency, post(floorUrl));

// Statements and transactions per submit: every message any pg client of this process sends to
// PostgreSQL over 200 sequential submits (the platform's background jobs of the same seconds
// included, so these are upper bounds); a transaction is a BEGIN (or START TRANSACTION) sent.
const sent = { statements: 0, transactions: 0 };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? '';
  if (/^\s*(begin|start transaction)\b/i.test(text)) sent.transactions++;
  if (!/^\s*(commit|rollback)\b/i.test(text)) sent.statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const sample = 200;
const at0 = { ...sent };
await load(sample, 1, post(`${platform.url}/api/v1/tenants/${tenant}/applications`));
const perSubmit = { statements: (sent.statements - at0.statements) / sample, transactions: (sent.transactions - at0.transactions) / sample };
pg.Client.prototype.query = query;

const rows = await alternate(
  [
    { name: 'satupintu POST /applications (submit)', one: post(`${platform.url}/api/v1/tenants/${tenant}/applications`) },
    { name: 'baseline node:http + jose + ajv + pg (same rows)', one: post(baseUrl) },
    { name: 'floor: the same, inserting one audit row', one: post(floorUrl) },
  ],
  total,
  concurrency,
);
console.log(`submissions: ${total} requests, ${concurrency} concurrent, same run`);
console.table(rows);
console.log(`per submit: ${perSubmit.statements.toFixed(1)} statements (BEGIN with the tenant setting counts as one, COMMIT not counted) in ${perSubmit.transactions.toFixed(2)} transactions (background jobs of the same seconds included)`);
console.log(`satupintu reaches ${((rows[0]!.rps / rows[1]!.rps) * 100).toFixed(0)}% of the baseline's throughput; p99 ${rows[0]!.p99} ms vs ${rows[1]!.p99} ms`);
console.log(`against the floor: ${((rows[0]!.rps / rows[2]!.rps) * 100).toFixed(0)}%`);
baseline.close();
floor.close();
await pool.end();
await platform.stop();
rmSync(dataDir, { recursive: true, force: true });
