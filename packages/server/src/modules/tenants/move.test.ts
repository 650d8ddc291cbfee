import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import pg from 'pg';
import { DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { isProblemError, type ProblemError } from '@satupintu/core';
import { TENANT_FENCE_LOCK, recordAudit } from '@satupintu/db';
import { api, tempDataDir, testConfig, tokenFor } from '@satupintu/testkit';
import { startPlatform, type Platform } from '../../platform.js';
import { ROLLUP_JOB } from '../monitoring/rollup.js';
import { tenantPrefixes, type MovePhase } from './move.js';

/**
 * `satupintu tenant move` (issue 20) on a platform of its own (moving a seeded tenant would pull
 * it from under the shared platform's other suites): Kab. Bandung Barat, with applications,
 * documents in S3, complaints with attachments and bookings, moves from id-jakarta to id-batam
 * and back (by the `satupintu` command in another process, whose switch this one hears on the
 * change feed); a write during the move is refused with 503 TENANT_MOVING; a damaged copy aborts.
 */

const T = 'kab-bandung-barat';
const FROM = 'id-jakarta';
const TO = 'id-batam';

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

const COMPLAINT = { kind: 'complaint', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'Antrean tidak sesuai jadwal', body: 'Dilayani jauh setelah jadwal sesi tanpa penjelasan.', location: 'MPP Kab. Bandung Barat', incidentDate: '2026-11-24' };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const CLI = path.resolve('packages/cli/bin/satupintu.js');

/**
 * The platform of its own must not share data with the shared platform. On the embedded stack a new
 * DATA_DIR is enough (its own PostgreSQL and store); against external servers (the conformance
 * tier: CONTROL_DATABASE_URL, DATABASE_URL_<REGION>, S3_ENDPOINT) it gets fresh databases on the
 * same server, its own app role and its own buckets, all removed afterwards.
 */
async function isolatedServers(): Promise<{ env: Record<string, string>; dropBuckets(p: Platform): Promise<void>; dropDatabases(): Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  const env: Record<string, string> = {};
  const dbs: string[] = [];
  const control = process.env.CONTROL_DATABASE_URL;
  const admin = () => {
    const u = new URL(control!);
    u.pathname = '/postgres';
    return new pg.Client({ connectionString: u.toString() });
  };
  if (control) {
    const c = admin();
    await c.connect();
    try {
      for (const [key, name] of [['CONTROL_DATABASE_URL', 'control'], ['DATABASE_URL_ID_JAKARTA', 'id_jakarta'], ['DATABASE_URL_ID_BATAM', 'id_batam']] as const) {
        const db = `move_${name}_${suffix}`;
        await c.query(`create database ${db}`);
        dbs.push(db);
        const u = new URL(control);
        u.pathname = `/${db}`;
        env[key] = u.toString();
      }
    } finally {
      await c.end();
    }
    env.APP_DB_ROLE = `move_app_${suffix}`;
  }
  const buckets = process.env.S3_ENDPOINT ? { S3_BUCKET_ID_JAKARTA: `move-id-jakarta-${suffix}`, S3_BUCKET_ID_BATAM: `move-id-batam-${suffix}` } : {};
  Object.assign(env, buckets);
  return {
    env,
    async dropBuckets(p: Platform) {
      for (const bucket of Object.values(buckets)) {
        const listed = await p.store.client.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => undefined);
        for (const o of listed?.Contents ?? []) await p.store.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key! })).catch(() => {});
        await p.store.client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => {});
      }
    },
    async dropDatabases() {
      if (!dbs.length) return;
      const c = admin();
      await c.connect();
      try {
        for (const db of dbs) await c.query(`drop database if exists ${db} with (force)`);
        await c.query(`drop role if exists ${env.APP_DB_ROLE}`).catch(() => {});
      } finally {
        await c.end();
      }
    },
  };
}

/** The command, killed (SIGKILL, as a crash) as soon as it reports `phase` on stderr. */
function cliKilledAfter(args: string[], env: NodeJS.ProcessEnv, phase: string): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes(`  ${phase}`)) child.kill('SIGKILL');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`never reported ${phase}:\n${stderr}`));
    }, 120_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stderr });
    });
  });
}

/** The satupintu command in a process of its own. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`timed out:\n${stderr}`));
    }, 120_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('tenant move between regions', function () {
  this.timeout(240_000);
  let p: Platform;
  let dir: string;
  let servers: Awaited<ReturnType<typeof isolatedServers>>;
  let tenantId: string;
  let citizen: string;
  const appIds: string[] = [];
  const docs: { appId: string; docId: string; sha256: string }[] = [];
  let complaintId: string;
  let bookingId: string;

  /** Rows of the tenant per table in a region, as the app role under the tenant's RLS (the fence table apart). */
  async function rowsIn(region: string): Promise<Record<string, number>> {
    const ds = p.dbs.region(region);
    return ds.transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      const tables = (await em.query(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('typeorm_migrations', 'tenant_fences') order by 1`,
      )) as { name: string }[];
      const out: Record<string, number> = {};
      for (const t of tables) {
        const [{ n }] = (await em.query(`select count(*)::int as n from "${t.name}" where tenant_id = $1`, [tenantId])) as [{ n: number }];
        if (n) out[t.name] = n;
      }
      return out;
    });
  }

  async function objectsIn(region: string): Promise<string[]> {
    const keys: string[] = [];
    for (const prefix of tenantPrefixes(tenantId)) for await (const o of p.store.list(region, prefix)) keys.push(o.key);
    return keys.sort();
  }

  async function fenceIn(region: string): Promise<string | null> {
    return p.dbs.region(region).transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      const rows = (await em.query(`select state from tenant_fences`)) as { state: string }[];
      return rows[0]?.state ?? null;
    });
  }

  const homeOf = async () => ((await p.dbs.control.query(`select home_region from tenants where id = $1`, [tenantId])) as [{ home_region: string }])[0].home_region;
  const move = (to: string, onPhase?: (ph: MovePhase) => unknown) => p.services.tenants.mover.move({ log: p.logger, stats: { statements: 0, transactions: 0 } }, T, to, { actor: 'test:move', onPhase });
  const refusal = (e: unknown) => (isProblemError(e) ? e : Promise.reject(e));

  before(async function () {
    dir = tempDataDir('satupintu-move-');
    servers = await isolatedServers();
    p = await startPlatform(testConfig(dir, servers.env), { role: 'api' });
    tenantId = (await p.services.tenants.get(T)).id;
    citizen = await tokenFor(p, 'warga.kbb');

    // Two applications, each with an uploaded document (objects in id-jakarta's bucket).
    for (const alasan of ['rusak', 'hilang']) {
      const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
        token: citizen,
        body: { service: 'polri.sktlk', data: { nik: '3217064101900001', namaLengkap: 'Siti Nurhaliza', noHp: '081234567890', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Siti Nurhaliza' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Padalarang', kronologi: `Dompet ${alasan} di pasar.` } },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const body = await pdf(`KTP ${alasan} ${randomUUID()}`);
      const res = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${draft.body.id}/documents/identitas?filename=ktp.pdf`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
        body,
      });
      const up = (await res.json()) as { id: string; sha256: string };
      assert.equal(res.status, 201, JSON.stringify(up));
      assert.equal(up.sha256, sha256(body));
      const submitted = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/submit`, { token: citizen });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      appIds.push(draft.body.id);
      docs.push({ appId: draft.body.id, docId: up.id, sha256: up.sha256 });
    }
    // A complaint with an attachment (an object under pengaduan/).
    const filed = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'Antrean paspor tidak sesuai jadwal', body: 'Dilayani empat jam setelah jadwal sesi tanpa penjelasan.', location: 'MPP Kab. Bandung Barat', incidentDate: '2026-11-24' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    complaintId = filed.body.id;
    const att = await fetch(`${p.url}/api/v1/tenants/${T}/complaints/${complaintId}/attachments?filename=bukti.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf('bukti'),
    });
    assert.equal(att.status, 201, await att.text());
    // A booking of an Imigrasi session.
    const sessions = (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?days=21`)).body.items.filter((s: { holiday: string | null }) => !s.holiday);
    const booked = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${sessions[0].id}/bookings`, { token: citizen, body: {} });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    bookingId = booked.body.id;
  });

  after(async function () {
    if (p) await servers?.dropBuckets(p).catch(() => {});
    await p?.stop();
    await servers?.dropDatabases().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown tenant, an unknown region and the same region; a dry run changes nothing', async () => {
    const mover = p.services.tenants.mover;
    assert.equal((await mover.plan('kab-tidak-ada', TO).then(() => undefined, refusal))?.code, 'TENANT_NOT_FOUND');
    assert.equal((await mover.plan(T, 'id-papua').then(() => undefined, refusal))?.code, 'REGION_UNKNOWN');
    assert.equal((await move(FROM).then(() => undefined, refusal))?.code, 'TENANT_MOVE_SAME_REGION');
    const before = { rows: await rowsIn(FROM), objects: await objectsIn(FROM) };
    const plan = await mover.plan(T, TO);
    assert.equal(plan.mode, 'move');
    assert.deepEqual([plan.from, plan.to], [FROM, TO]);
    assert.equal(plan.objects, 3, 'two documents and one attachment');
    for (const t of ['applications', 'application_documents', 'complaints', 'bookings', 'tenant_profiles']) assert.ok((plan.tables.find((x) => x.table === t)?.rows ?? 0) > 0, `${t} is counted`);
    assert.equal(plan.rows, Object.values(before.rows).reduce((a, b) => a + b, 0), 'the plan counts every row of the tenant');
    assert.deepEqual({ rows: await rowsIn(FROM), objects: await objectsIn(FROM) }, before);
    assert.deepEqual([await fenceIn(FROM), await fenceIn(TO), await homeOf()], [null, null, FROM]);
    assert.deepEqual(await rowsIn(TO), {});
  });

  it('a write that waits for the fence lock sees the fence committed meanwhile: none slips in', async () => {
    // Another tenant of id-jakarta; the "mover" here is a bare transaction doing what the mover does.
    const bogor = await p.services.tenants.get('kota-bogor');
    const runner = p.dbs.region(bogor.homeRegion).createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`BEGIN; SELECT set_config('app.tenant_id', '${bogor.id}', true)`);
      await runner.query(`select pg_advisory_xact_lock($1, hashtext($2::text))`, [TENANT_FENCE_LOCK, bogor.id]);
      await runner.query(`insert into tenant_fences (tenant_id, state, move_id, from_region, to_region, actor) values ($1, 'departing', $2, $3, $4, 'test')`, [bogor.id, randomUUID(), bogor.homeRegion, TO]);
      let settled = false;
      const write = p.kernel.uow.write({ tenant: bogor, now: new Date() }, (tx) => recordAudit(tx, { actor: 'test', action: 'test.slip' })).then(
        () => undefined,
        refusal,
      );
      void write.finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(settled, false, 'the write waits for the fence lock');
      await runner.query('COMMIT');
      const refused = await write;
      assert.equal(refused?.code, 'TENANT_MOVING');
    } finally {
      await runner.query('ROLLBACK').catch(() => {});
      await p.dbs.region(bogor.homeRegion).transaction(async (em) => {
        await em.query(`select set_config('app.tenant_id', $1, true)`, [bogor.id]);
        await em.query(`delete from tenant_fences where tenant_id = $1`, [bogor.id]);
      });
      await runner.release();
    }
    await p.kernel.uow.write({ tenant: bogor, now: new Date() }, (tx) => recordAudit(tx, { actor: 'test', action: 'test.unfenced' }));
  });

  it('aborts on a damaged copy: the source stays home, the target is cleared, writes are accepted again', async () => {
    const before = { rows: await rowsIn(FROM), objects: await objectsIn(FROM) };
    const err = (await move(TO, async (phase) => {
      if (phase !== 'copied') return;
      // The copy is complete and committed in id-batam: change one row of it and one object.
      await p.dbs.region(TO).transaction(async (em) => {
        await em.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
        await em.query(`update complaints set title = title || '.' where tenant_id = $1 and id = $2`, [tenantId, complaintId]);
      });
      const key = (await objectsIn(TO)).find((k) => k.startsWith('t/'))!;
      await p.store.putBuffer(TO, key, Buffer.from('rusak'), 'application/pdf');
    }).then(() => undefined, refusal)) as ProblemError | undefined;
    assert.equal(err?.code, 'TENANT_MOVE_VERIFY_FAILED');
    const differences = (err!.extensions as { differences: string[] }).differences;
    assert.equal(differences.length, 2, differences.join('\n'));
    assert.match(differences.join('\n'), /table complaints: checksum differs/);
    assert.match(differences.join('\n'), /object t\/.*: sha256 differs/);
    assert.deepEqual([await homeOf(), await fenceIn(FROM), await fenceIn(TO)], [FROM, null, null]);
    assert.deepEqual(await rowsIn(TO), {}, 'the target holds none of the tenant’s rows');
    assert.deepEqual(await objectsIn(TO), [], 'nor its objects');
    const after = await rowsIn(FROM);
    assert.equal(after.audit_events, (before.rows.audit_events ?? 0) + 1, 'the abort is in the audit trail');
    assert.deepEqual({ ...after, audit_events: 0 }, { ...before.rows, audit_events: 0 });
    assert.deepEqual(await objectsIn(FROM), before.objects);
    const write = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: { kind: 'complaint', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'Setelah batal pindah', body: 'Tulisan ini diterima lagi di region asal.', location: 'Ngamprah', incidentDate: '2026-11-25' } });
    assert.equal(write.status, 201, `writes are accepted again: ${JSON.stringify(write.body)}`);
  });

  it('moves the tenant: writes refused during the move, a write in flight at the fence is moved, the API serves the same data from id-batam', async () => {
    // The national figures before the move: the rollup folds the submissions and publishes them.
    await p.runJob(ROLLUP_JOB, { region: FROM });
    const national = async () =>
      ((await p.dbs.control.query(
        `select (select region from national_tenant_stats where tenant_id = $1) as region,
                (select coalesce(sum(online + assisted + counter), 0)::int from national_weekly where tenant_id = $1) as submitted`,
        [tenantId],
      )) as [{ region: string | null; submitted: number }])[0];
    assert.deepEqual(await national(), { region: FROM, submitted: appIds.length });

    const before = { rows: await rowsIn(FROM), objects: await objectsIn(FROM) };
    const sums = new Map<string, string>();
    for (const key of before.objects) {
      const { Body: body } = await p.store.client.send(new GetObjectCommand({ Bucket: p.store.bucketOf(FROM), Key: key }));
      sums.set(key, sha256(await body!.transformToByteArray()));
    }
    // A write transaction in flight when the move starts: the fence waits for it, and it is moved.
    const tenant = await p.services.tenants.get(T);
    let inFlightStarted!: () => void;
    const started = new Promise<void>((r) => (inFlightStarted = r));
    const inFlight = p.kernel.uow.write({ tenant, now: new Date() }, async (tx) => {
      await recordAudit(tx, { actor: 'test:in-flight', action: 'test.in-flight', subject: null });
      inFlightStarted();
      await new Promise((r) => setTimeout(r, 800));
    });
    await started;
    const phases: MovePhase[] = [];
    const during: { status: number; code?: string; retryAfter: string | null; read: number }[] = [];
    const t0 = performance.now();
    const report = await move(TO, async (phase) => {
      phases.push(phase);
      if (phase !== 'fenced' && phase !== 'copied') return;
      // A write through the API (this process still routes the tenant to id-jakarta): refused.
      const w = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: { kind: 'complaint', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'Saat pindah', body: 'Tulisan ini harus ditolak selama pemindahan.', location: 'Ngamprah', incidentDate: '2026-11-25' } });
      const r = await api(p, 'GET', `/api/v1/tenants/${T}/complaints/${complaintId}`, { token: citizen });
      during.push({ status: w.status, code: w.body?.code, retryAfter: w.headers.get('retry-after'), read: r.status });
    });
    const ms = performance.now() - t0;
    await inFlight;
    console.log(`      moved ${report.rows} rows in ${report.tables.filter((t) => t.rows).length} tables and ${report.objects} objects (${report.bytes} bytes) in ${Math.round(ms)} ms: ${JSON.stringify(report.ms)}`);
    assert.deepEqual(phases, ['fenced', 'copied', 'verified', 'switched', 'removed']);
    assert.deepEqual(during, [
      { status: 503, code: 'TENANT_MOVING', retryAfter: '15', read: 200 },
      { status: 503, code: 'TENANT_MOVING', retryAfter: '15', read: 200 },
    ]);
    assert.ok(report.ms.fence >= 300, `the fence waited for the write in flight (${report.ms.fence} ms)`);

    // Directory switched; source empty (its fence stays), target unfenced, every row and object there.
    assert.equal(await homeOf(), TO);
    assert.equal((await p.services.tenants.get(T)).homeRegion, TO, 'this process dropped its cached entry');
    assert.deepEqual(await rowsIn(FROM), {});
    assert.deepEqual(await objectsIn(FROM), []);
    assert.deepEqual([await fenceIn(FROM), await fenceIn(TO)], ['departed', null]);
    const moved = await rowsIn(TO);
    assert.equal(moved.audit_events, (before.rows.audit_events ?? 0) + 2, 'the write in flight at the fence and the move itself are in the audit trail');
    assert.deepEqual({ ...moved, audit_events: 0 }, { ...before.rows, audit_events: 0 }, 'every other table holds the same number of rows');
    assert.deepEqual(await objectsIn(TO), before.objects);

    // The national figures follow the tenant: its region at once, the same counts after the new home's rollup (no delta counted twice).
    assert.deepEqual(await national(), { region: TO, submitted: appIds.length });
    await p.runJob(ROLLUP_JOB, { region: FROM });
    await p.runJob(ROLLUP_JOB, { region: TO });
    assert.deepEqual(await national(), { region: TO, submitted: appIds.length });

    // The API serves the same data from id-batam: same ids, same object contents.
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${appIds[0]}`, { token: citizen });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.id, appIds[0]);
    for (const d of docs) {
      const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${d.appId}/documents/${d.docId}/download`, { token: citizen });
      assert.equal(link.status, 200, JSON.stringify(link.body));
      assert.ok(String(link.body.url).includes(p.store.bucketOf(TO)), 'the link points at id-batam’s bucket');
      assert.equal(sha256(Buffer.from(await (await fetch(link.body.url)).arrayBuffer())), d.sha256);
    }
    for (const key of await objectsIn(TO)) {
      const { Body: body } = await p.store.client.send(new GetObjectCommand({ Bucket: p.store.bucketOf(TO), Key: key }));
      assert.equal(sha256(await body!.transformToByteArray()), sums.get(key), key);
    }
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/complaints/${complaintId}`, { token: citizen })).status, 200);
    const bookings = await api(p, 'GET', `/api/v1/tenants/${T}/bookings`, { token: citizen });
    assert.ok(bookings.body.items.some((b: { id: string }) => b.id === bookingId));
    // Writes work in the new home; a straggler with a stale directory entry is refused in the old one.
    const after = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: { kind: 'complaint', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'Setelah pindah', body: 'Tulisan ini diterima di region baru.', location: 'Ngamprah', incidentDate: '2026-11-25' } });
    assert.equal(after.status, 201, JSON.stringify(after.body));
    const stale = await p.kernel.uow.write({ tenant: { id: tenantId, homeRegion: FROM }, now: new Date() }, () => Promise.resolve()).then(() => undefined, refusal);
    assert.equal(stale?.code, 'TENANT_MOVING');
    assert.equal(stale?.status, 503);
    const staleRead = await p.kernel.uow.read({ tenant: { id: tenantId, homeRegion: FROM }, now: new Date() }, (tx) => tx.sql.rows(`select id from applications`));
    assert.deepEqual(staleRead, [], 'a stale read of the old region finds nothing');
  });

  it('satupintu tenant move (another process): --dry-run changes nothing, refusals exit 1, a killed move is cancelled or started over, the move back is heard by this process', async function () {
    const env = { ...servers.env, DATA_DIR: dir, S3_ENDPOINT: p.infra.s3Endpoint, S3_ACCESS_KEY_ID: p.config.s3.accessKeyId, S3_SECRET_ACCESS_KEY: p.config.s3.secretAccessKey, LOG_LEVEL: 'warn' };
    const before = await rowsIn(TO);
    const dry = await cli(['tenant', 'move', T, FROM, '--dry-run', '--json'], env);
    assert.equal(dry.status, 0, dry.stderr);
    const plan = JSON.parse(dry.stdout) as { dryRun: boolean; from: string; to: string; mode: string; rows: number; objects: number };
    assert.deepEqual([plan.dryRun, plan.from, plan.to, plan.mode], [true, TO, FROM, 'move']);
    assert.equal(plan.rows, Object.values(before).reduce((a, b) => a + b, 0));
    assert.equal(plan.objects, (await objectsIn(TO)).length);
    const text = await cli(['tenant', 'move', T, FROM, '--dry-run'], env);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`move ${TO} → ${FROM} — dry run, nothing changed\\n  ${plan.rows} rows in \\d+ of \\d+ tables, ${plan.objects} objects`));
    assert.deepEqual(await rowsIn(TO), before, 'the dry runs changed nothing');
    assert.deepEqual([await homeOf(), await fenceIn(FROM), await fenceIn(TO)], [TO, 'departed', null]);

    const unknown = await cli(['tenant', 'move', 'kab-tidak-ada', FROM], env);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /TENANT_NOT_FOUND/);
    const same = await cli(['tenant', 'move', T, TO], env);
    assert.equal(same.status, 1);
    assert.match(same.stderr, /TENANT_MOVE_SAME_REGION/);

    // A mover killed while it copies leaves the tenant fenced in its home (reads go on, writes wait):
    // the home region as target cancels the move; the same target again starts the copy over.
    const killed = await cliKilledAfter(['tenant', 'move', T, FROM], env, 'fenced');
    assert.equal(killed.signal, 'SIGKILL');
    assert.deepEqual([await homeOf(), await fenceIn(TO)], [TO, 'departing'], 'killed before the switch');
    const refused = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: COMPLAINT });
    assert.deepEqual([refused.status, refused.body.code], [503, 'TENANT_MOVING']);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/complaints/${complaintId}`, { token: citizen })).status, 200, 'reads are served');
    const cancel = await cli(['tenant', 'move', T, TO], env);
    assert.equal(cancel.status, 0, cancel.stderr);
    assert.match(cancel.stdout, /cancelled/);
    assert.deepEqual([await homeOf(), await fenceIn(TO)], [TO, null]);
    assert.deepEqual(await rowsIn(FROM), {}, 'the cancelled copy is cleared');
    assert.deepEqual(await objectsIn(FROM), []);
    const accepted = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: COMPLAINT });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const again = await cliKilledAfter(['tenant', 'move', T, FROM], env, 'fenced');
    assert.equal(again.signal, 'SIGKILL');
    assert.deepEqual([await homeOf(), await fenceIn(TO)], [TO, 'departing']);
    const expected = await rowsIn(TO);
    const expectedObjects = await objectsIn(TO);
    // Whatever the killed run left in the target, and more: a stray row and a stray object there.
    await p.dbs.region(FROM).transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      await em.query(`insert into tenant_profiles (tenant_id, slug, name, time_zone) values ($1, 'stray', 'Stray', 'Asia/Jakarta') on conflict do nothing`, [tenantId]);
      await em.query(`insert into audit_events (tenant_id, id, actor, action) values ($1, $2, 'test', 'test.stray')`, [tenantId, randomUUID()]);
    });
    await p.store.putBuffer(FROM, `${tenantPrefixes(tenantId)[0]}stray`, Buffer.from('stray'), 'application/octet-stream');

    const moved = await cli(['tenant', 'move', T, FROM, '--json'], env);
    assert.equal(moved.status, 0, moved.stderr);
    const report = JSON.parse(moved.stdout) as { from: string; to: string; mode: string; rows: number; objects: number; ms: { total: number } };
    assert.equal(report.mode, 'move');
    console.log(`      moved back by the CLI: ${report.rows} rows, ${report.objects} objects in ${report.ms.total} ms`);
    assert.deepEqual([report.from, report.to], [TO, FROM]);
    assert.equal(await homeOf(), FROM);
    assert.deepEqual([await fenceIn(FROM), await fenceIn(TO)], [null, 'departed'], 'the departed fence of the first move was replaced');
    assert.deepEqual(await rowsIn(TO), {});
    const back = await rowsIn(FROM);
    assert.equal(back.audit_events, expected.audit_events! + 1, 'the move is in the audit trail');
    assert.deepEqual({ ...back, audit_events: 0 }, { ...expected, audit_events: 0 }, 'every row arrived once, whatever the killed run left');
    assert.deepEqual(await objectsIn(FROM), expectedObjects, 'the stray object is gone, every object arrived');
    // This process heard the switch on the change feed (pg_notify from the CLI's commit) and reads the new home.
    const deadline = Date.now() + 5_000;
    while ((await p.services.tenants.get(T)).homeRegion !== FROM && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal((await p.services.tenants.get(T)).homeRegion, FROM, 'the change notice reached this process');
    const d = docs[0]!;
    const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${d.appId}/documents/${d.docId}/download`, { token: citizen });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.ok(String(link.body.url).includes(p.store.bucketOf(FROM)));
    assert.equal(sha256(Buffer.from(await (await fetch(link.body.url)).arrayBuffer())), d.sha256);
  });
});
