/**
 * Authenticated, validated, persisted submissions per second and p99, against a baseline that does
 * the same work with nothing but node:http, jose (JWT against the same JWKS), ajv and pg: verify the
 * token, validate the form with the same compiled schema, insert a row in a tenant transaction.
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
import { benchPlatform, BENCH_FORM, load } from './fixtures.js';

const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);
const { platform, tenant, dataDir } = await benchPlatform();
const token = await tokenFor(platform, 'warga.kbb');
const t = await platform.services.tenants.get(tenant);
const service = (await platform.services.catalog.detail(await platform.context({ tenant: t }), 'bench.formulir')).form.schema;

// --- baseline: raw node:http + jose + ajv + pg, same database, same role, same RLS -----------------
const jwks = createRemoteJWKSet(new URL(`${platform.authServerUrl}/realms/mpp/protocol/openid-connect/certs`));
const validate = createFormAjv().compile(service);
const pool = new pg.Pool({ connectionString: appUrlFrom(platform.infra.regionDatabaseUrls['id-jakarta']!, platform.config.appDbRole, platform.config.appDbPassword), max: 20 });
await pool.query('create table if not exists bench_baseline (id bigserial primary key, tenant_id uuid, data jsonb)').catch(() => {});
const baseline = http.createServer((req, res) => {
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
      try {
        await c.query('begin');
        await c.query(`select set_config('app.tenant_id', $1, true)`, [t.id]);
        await c.query('insert into audit_events (tenant_id, id, actor, action, data) values ($1, gen_random_uuid(), $2, $3, $4)', [t.id, String(payload.sub), 'bench.baseline', JSON.stringify(data)]);
        await c.query('commit');
      } finally {
        c.release();
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    } catch {
      res.writeHead(401).end();
    }
  });
});
await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
const baseUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;

const post = (url: string) => async () => {
  const r = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ service: 'bench.formulir', data: BENCH_FORM, submit: true }) });
  if (r.status !== 201) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
};
// Warm up both (JIT, JWKS fetch, validator compile, pool).
await load(100, concurrency, post(`${platform.url}/api/v1/tenants/${tenant}/applications`));
await load(100, concurrency, post(baseUrl));

// Queries and transactions per submit: every statement any pg client of this process sends, and
// the commits of the region's and the control plane's databases, over 200 sequential submits.
const sent = { n: 0 };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  sent.n++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const owner = new pg.Client({ connectionString: platform.infra.regionDatabaseUrls['id-jakarta']! });
await owner.connect();
const commits = async () =>
  Number((await owner.query(`select sum(xact_commit + xact_rollback)::bigint as n from pg_stat_database where datname in (current_database(), $1)`, [new URL(platform.infra.controlDatabaseUrl).pathname.slice(1)])).rows[0].n);
const sample = 200;
await owner.query('select pg_stat_clear_snapshot()');
const tx0 = await commits();
const q0 = sent.n;
await load(sample, 1, post(`${platform.url}/api/v1/tenants/${tenant}/applications`));
await new Promise((r) => setTimeout(r, 600)); // pg_stat counters reach the view within 500 ms
await owner.query('select pg_stat_clear_snapshot()');
const perSubmit = { queries: (sent.n - q0 - 2) / sample, transactions: (await commits()) - tx0 };
perSubmit.transactions /= sample;
pg.Client.prototype.query = query;
await owner.end();

const rows = [
  { target: 'satupintu POST /applications (submit)', ...(await load(total, concurrency, post(`${platform.url}/api/v1/tenants/${tenant}/applications`))) },
  { target: 'baseline node:http + jose + ajv + pg', ...(await load(total, concurrency, post(baseUrl))) },
];
console.log(`submissions: ${total} requests, ${concurrency} concurrent, same run`);
console.table(rows);
console.log(`per submit: ${perSubmit.queries.toFixed(1)} statements sent, ${perSubmit.transactions.toFixed(1)} transactions committed (includes background jobs of the same seconds)`);
console.log(`satupintu reaches ${((rows[0]!.rps / rows[1]!.rps) * 100).toFixed(0)}% of the baseline's throughput; p99 ${rows[0]!.p99} ms vs ${rows[1]!.p99} ms`);
baseline.close();
await pool.end();
await platform.stop();
rmSync(dataDir, { recursive: true, force: true });
