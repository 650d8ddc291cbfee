import pg from 'pg';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { newId, type Clock, type Tenant } from '@satupintu/core';
import { TENANT_FENCE_LOCK, recordAudit, sqlOn, type Databases, type Sql, type UnitOfWork } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { Ctx } from '../../context.js';
import { moveInProgress, moveSameRegion, moveVerifyFailed, regionUnknown, tenantNotFound } from './errors.js';
import { tenantQueries } from './queries.js';
import type { TenantDirectory } from './directory.js';

/**
 * Moving a tenant (a regency) to another region cell (`satupintu tenant move`, issue 20):
 *
 * 1. fence: the source refuses the tenant's writes (`tenant_fences`, taken under the exclusive
 *    fence lock, so every write in flight has committed first and none begins after); reads go on;
 * 2. copy: every tenant-scoped row, in foreign-key order, in one transaction on the target (which
 *    first clears whatever a failed run left), and every object under the tenant's prefixes;
 * 3. verify: per table the row count and a checksum of the rows, per object its sha256, on both
 *    sides; any difference aborts (target cleared, source unfenced: it stays the home);
 * 4. switch: `tenants.home_region` in the control plane, with the change notice, then the target
 *    stops fencing;
 * 5. remove: the source's rows and objects; its fence stays (`departed`), so a process that has not
 *    heard the switch cannot write there again.
 *
 * Rows are moved as the app role under the tenant's row-level security (set per transaction, as
 * every request does): only the tenant's rows can be read, written or deleted, and no superuser is
 * needed. Progress lives in the fences of both regions, so a rerun after a crash resumes.
 */

/** Tables of a region that hold no tenant's rows (the move leaves them alone). */
const NOT_TENANT_DATA = new Set(['typeorm_migrations']);
/** The fence is the move's own bookkeeping, not the tenant's data. */
const FENCES = 'tenant_fences';
/** Session-level lock (control plane) that keeps two movers of one tenant apart. */
const MOVER_LOCK = TENANT_FENCE_LOCK + 1;
const BATCH = 500;
const OBJECT_CONCURRENCY = 4;

/** The tenant's object prefixes in a region's bucket: documents and outputs, complaint attachments. */
export function tenantPrefixes(tenantId: string): string[] {
  return [`t/${tenantId}/`, `pengaduan/t/${tenantId}/`];
}

/** Text formats fixed for row checksums and row text, the same on both sides. */
const FORMATS = `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`;

export interface TenantTable {
  name: string;
  /** Columns copied (identity-always and generated columns are made by the target). */
  columns: string[];
  /** Tables it references (copied before it). */
  parents: string[];
  selfReference: boolean;
}

export interface FenceRow {
  state: 'departing' | 'departed' | 'arriving';
  move_id: string;
  from_region: string;
  to_region: string;
  actor: string;
  since: Date;
}

export type MoveMode = 'move' | 'finish' | 'cancel';

export interface MovePlan {
  tenant: { id: string; slug: string; code: string; name: string };
  from: string;
  to: string;
  /**
   * `move`: fence, copy, verify, switch, remove (also a rerun after a failure before the switch:
   * it starts the copy over); `finish`: the switch was made, the source still holds rows (a run that
   * stopped after the switch): unfence the target and remove the source; `cancel`: the tenant's
   * own region was asked for while a move out of it was unfinished: clear the target, unfence.
   */
  mode: MoveMode;
  tables: { table: string; rows: number }[];
  rows: number;
  objects: number;
  bytes: number;
  fences: Record<string, FenceRow['state'] | null>;
}

export interface MoveReport extends MovePlan {
  moveId: string;
  /** Milliseconds of each phase, and in all. */
  ms: { fence: number; copyObjects: number; copyRows: number; verify: number; switch: number; remove: number; total: number };
  /** Objects that appeared in the source after the copy's listing (uploads of refused writes): removed with the source. */
  lateObjects: number;
}

export type MovePhase = 'fenced' | 'copied' | 'verified' | 'switched' | 'removed' | 'aborted';

export interface MoveOptions {
  actor: string;
  /** Called after each phase (the CLI prints progress; tests act between phases). */
  onPhase?: (phase: MovePhase, plan: MovePlan) => unknown;
}

interface ObjectEntry {
  key: string;
  size: number;
  sha256: string;
}

export interface TenantMoverDeps {
  dbs: Databases;
  store: ObjectStore;
  uow: UnitOfWork;
  control: Sql;
  directory: TenantDirectory;
  clock: Clock;
  regionIds: readonly string[];
}

const ident = (name: string) => pg.escapeIdentifier(name);
type DataSource = ReturnType<Databases['region']>;
type QueryRunner = ReturnType<DataSource['createQueryRunner']>;

/**
 * One transaction in a region under the tenant's row-level security, outside the unit of work:
 * the mover's own statements pass no write fence (it is the one that sets them).
 */
async function inTenant<T>(ds: DataSource, tenantId: string, mode: 'read' | 'write', fn: (sql: Sql, runner: QueryRunner) => Promise<T>): Promise<T> {
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  const runner = ds.createQueryRunner();
  await runner.connect();
  let open = true;
  try {
    await runner.query(`BEGIN ISOLATION LEVEL ${mode === 'read' ? 'REPEATABLE READ READ ONLY' : 'READ COMMITTED'}; SELECT set_config('app.tenant_id', '${tenantId}', true); ${FORMATS}`);
    const out = await fn(sqlOn(runner), runner);
    await runner.query('COMMIT');
    open = false;
    return out;
  } catch (e) {
    if (open) await runner.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await runner.release();
  }
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * Every table of a region's schema that holds tenant rows, parents before children (the order
 * rows are inserted in; deletes go the other way). A table without `tenant_id` (other than the
 * migrations' bookkeeping) cannot be moved by tenant: the move refuses to start rather than leave
 * its rows behind (citus-readiness.test.ts keeps the schema free of them).
 */
export async function tenantTables(sql: Sql): Promise<TenantTable[]> {
  const rows = await sql.rows<{ name: string; tenant: boolean; columns: string[]; parents: string[]; self_ref: boolean }>(
    `select c.relname::text as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant,
            array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     and a.attidentity <> 'a' and a.attgenerated = '' order by a.attnum) as columns,
            array(select distinct r.relname::text from pg_constraint co join pg_class r on r.oid = co.confrelid
                   where co.conrelid = c.oid and co.contype = 'f' and co.confrelid <> c.oid order by 1) as parents,
            exists (select 1 from pg_constraint co where co.conrelid = c.oid and co.contype = 'f' and co.confrelid = c.oid) as self_ref
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
  );
  const untenanted = rows.filter((r) => !r.tenant && !NOT_TENANT_DATA.has(r.name)).map((r) => r.name);
  if (untenanted.length) throw new Error(`region tables without tenant_id cannot be moved by tenant: ${untenanted.join(', ')}`);
  const tables = new Map(rows.filter((r) => r.tenant && r.name !== FENCES).map((r) => [r.name, { name: r.name, columns: r.columns, parents: r.parents, selfReference: r.self_ref }]));
  // Kahn's order; ties broken by name so every run copies in the same order.
  const done = new Set<string>();
  const order: TenantTable[] = [];
  while (order.length < tables.size) {
    const ready = [...tables.values()].filter((t) => !done.has(t.name) && t.parents.every((p) => done.has(p) || !tables.has(p)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...tables.keys()].filter((t) => !done.has(t)).join(', ')}`);
    for (const t of ready) {
      done.add(t.name);
      order.push(t);
    }
  }
  return order;
}

/** Row count and checksum of the tenant's rows of one table (md5 of the sorted md5s of each row's text). */
async function checksum(sql: Sql, t: TenantTable, tenantId: string): Promise<{ n: number; sum: string }> {
  const cols = t.columns.map(ident).join(', ');
  const r = await sql.one<{ n: number; sum: string }>(
    `select count(*)::int as n, md5(coalesce(string_agg(h, '' order by h), '')) as sum
       from (select md5(row(${cols})::text) as h from ${ident(t.name)} where tenant_id = $1) x`,
    [tenantId],
  );
  return r;
}

export class TenantMover {
  constructor(private readonly d: TenantMoverDeps) {}

  /** What a move would do, with the counts; changes nothing (`--dry-run`). */
  async plan(slug: string, to: string): Promise<MovePlan> {
    const { plan } = await this.prepare(slug, to);
    return plan;
  }

  private async prepare(slug: string, to: string): Promise<{ plan: MovePlan; tenant: Tenant; tables: TenantTable[]; fences: Record<string, FenceRow | undefined> }> {
    // The directory itself, not a cached entry: a move decides on the truth.
    const tenant = await tenantQueries.bySlug(this.d.control, slug);
    if (!tenant) throw tenantNotFound(slug);
    if (!this.d.regionIds.includes(to)) throw regionUnknown(to, [...this.d.regionIds]);
    const fences: Record<string, FenceRow | undefined> = {};
    for (const r of this.d.regionIds) fences[r] = await inTenant(this.d.dbs.region(r), tenant.id, 'read', (sql) => sql.maybe<FenceRow>(`select state, move_id, from_region, to_region, actor, since from ${FENCES}`));
    const home = tenant.homeRegion;
    let mode: MoveMode = 'move';
    let from = home;
    let target = to;
    if (to === home) {
      const left = this.d.regionIds.find((r) => r !== home && fences[r]?.state === 'departing' && fences[r]?.to_region === home);
      if (left) {
        mode = 'finish';
        from = left;
      } else if (fences[home]?.state === 'departing') {
        mode = 'cancel';
        target = fences[home]!.to_region;
      } else throw moveSameRegion(slug, to);
    } else if (fences[home]?.state === 'departing' && fences[home]!.to_region !== to) {
      const other = fences[home]!.to_region;
      throw moveInProgress(slug, {
        id: `pemindahan ke ${other} belum selesai; jalankan lagi dengan ${other} untuk melanjutkan, atau dengan ${home} untuk membatalkannya.`,
        en: `a move to ${other} is unfinished; run it again with ${other} to resume, or with ${home} to cancel it.`,
      });
    }
    const tables = await inTenant(this.d.dbs.region(from), tenant.id, 'read', (sql) => tenantTables(sql));
    const counts = await inTenant(this.d.dbs.region(from), tenant.id, 'read', async (sql) => {
      const out: { table: string; rows: number }[] = [];
      for (const t of tables) out.push({ table: t.name, rows: (await sql.one<{ n: number }>(`select count(*)::int as n from ${ident(t.name)} where tenant_id = $1`, [tenant.id])).n });
      return out;
    });
    const objects = await this.listObjects(from, tenant.id);
    const plan: MovePlan = {
      tenant: { id: tenant.id, slug: tenant.slug, code: tenant.code, name: tenant.name },
      from,
      to: target,
      mode,
      tables: counts,
      rows: counts.reduce((a, b) => a + b.rows, 0),
      objects: objects.length,
      bytes: objects.reduce((a, b) => a + b.size, 0),
      fences: Object.fromEntries(Object.entries(fences).map(([r, f]) => [r, f?.state ?? null])),
    };
    return { plan, tenant, tables, fences };
  }

  /**
   * Moves the tenant `slug` to region `to` (or resumes or cancels an unfinished move; see
   * MovePlan.mode). Throws TENANT_MOVE_VERIFY_FAILED when the copy differs (nothing changed then:
   * the source is the home and takes writes again).
   */
  async move(ctx: Pick<Ctx, 'log' | 'stats'>, slug: string, to: string, opts: MoveOptions): Promise<MoveReport> {
    const started = performance.now();
    // One mover per tenant at a time: a session lock on the control plane, held to the end.
    const lock = this.d.dbs.control.createQueryRunner();
    await lock.connect();
    try {
      const [{ ok }] = (await lock.query(`select pg_try_advisory_lock($1, hashtext($2)) as ok`, [MOVER_LOCK, slug])) as [{ ok: boolean }];
      if (!ok) throw moveInProgress(slug, { id: 'proses pemindahan lain sedang berjalan.', en: 'another mover is running.' });
      try {
        return await this.run(ctx, slug, to, opts, started);
      } finally {
        await lock.query(`select pg_advisory_unlock($1, hashtext($2))`, [MOVER_LOCK, slug]).catch(() => {});
      }
    } finally {
      await lock.release();
    }
  }

  private async run(ctx: Pick<Ctx, 'log' | 'stats'>, slug: string, to: string, opts: MoveOptions, started: number): Promise<MoveReport> {
    const { plan, tenant, tables, fences } = await this.prepare(slug, to);
    const { from } = plan;
    const target = plan.to;
    const id = tenant.id;
    const ms = { fence: 0, copyObjects: 0, copyRows: 0, verify: 0, switch: 0, remove: 0, total: 0 };
    const moveId = fences[from]?.state === 'departing' ? fences[from]!.move_id : newId();
    const report = (): MoveReport => ({ ...plan, moveId, ms: { ...ms, total: Math.round(performance.now() - started) }, lateObjects });
    let lateObjects = 0;
    const phase = async (p: MovePhase) => {
      await opts.onPhase?.(p, plan);
    };
    const timed = async <T>(key: keyof typeof ms, fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        ms[key] += Math.round(performance.now() - t0);
      }
    };

    if (plan.mode === 'cancel') {
      await this.abort(tenant, tables, from, target, fences[target], opts.actor, { reason: 'cancelled', moveId });
      await phase('aborted');
      return report();
    }
    if (plan.mode === 'finish') {
      await timed('switch', () => this.unfenceTarget(id, target));
      await timed('remove', () => this.removeSource(tenant, tables, from, target, moveId, opts.actor));
      await phase('removed');
      return report();
    }

    // 1. Fence the source: waits for the writes in flight, then no write of the tenant begins there.
    await timed('fence', () =>
      inTenant(this.d.dbs.region(from), id, 'write', async (sql) => {
        await sql.exec(`SET LOCAL lock_timeout = '30s'`);
        await sql.exec(`select pg_advisory_xact_lock($1, hashtext($2::text))`, [TENANT_FENCE_LOCK, id]);
        await sql.exec(
          `insert into ${FENCES} (tenant_id, state, move_id, from_region, to_region, actor, since) values ($1, 'departing', $2, $3, $4, $5, $6)
           on conflict (tenant_id) do update set state = 'departing', move_id = excluded.move_id, from_region = excluded.from_region, to_region = excluded.to_region, actor = excluded.actor, since = excluded.since`,
          [id, moveId, from, target, opts.actor, this.d.clock.now()],
        );
      }),
    );
    ctx.log.info({ tenantId: id, from, to: target, moveId }, 'tenant move: source fenced');
    await phase('fenced');

    let manifest: ObjectEntry[];
    try {
      // 2. Copy: objects first (as every write does), then the rows in one target transaction.
      manifest = await timed('copyObjects', () => this.copyObjects(id, from, target));
      await timed('copyRows', () => this.copyRows(id, tables, from, target, { moveId, actor: opts.actor }));
      await phase('copied');
      // 3. Verify both sides.
      const check = await timed('verify', () => this.verify(id, tables, from, target, manifest));
      lateObjects = check.late;
      if (check.differences.length) throw moveVerifyFailed(check.differences);
      // The figures of the fenced source, as verified (the plan's were counted before the fence).
      Object.assign(plan, { tables: check.tables, rows: check.tables.reduce((n, t) => n + t.rows, 0), objects: check.objects.count, bytes: check.objects.bytes });
      await phase('verified');
      // 4. Switch the directory (and the national figures' region), with the change notice.
      await timed('switch', () => this.switchHome(tenant, from, target));
    } catch (e) {
      ctx.log.warn({ err: e, tenantId: id, from, to: target, moveId }, 'tenant move aborted');
      await this.abort(tenant, tables, from, target, fences[target], opts.actor, { reason: (e as { code?: string }).code === 'TENANT_MOVE_VERIFY_FAILED' ? 'verify' : 'error', moveId }).catch((err: unknown) =>
        ctx.log.error({ err, tenantId: id, moveId }, 'tenant move: abort failed; run the move again, or with the home region to cancel it'),
      );
      await phase('aborted');
      throw e;
    }
    await phase('switched');
    await timed('switch', () => this.unfenceTarget(id, target));
    await this.d.uow.write({ tenant: { id, homeRegion: target }, now: this.d.clock.now(), log: ctx.log }, (tx) =>
      recordAudit(tx, {
        actor: opts.actor,
        action: 'tenant.moved',
        subject: `tenant:${id}`,
        data: { moveId, from, to: target, tables: plan.tables.length, rows: plan.rows, objects: plan.objects, bytes: plan.bytes, ms: Math.round(performance.now() - started) },
      }),
    );
    // 5. Remove the source (its fence stays: `departed`).
    await timed('remove', () => this.removeSource(tenant, tables, from, target, moveId, opts.actor));
    ctx.log.info({ tenantId: id, from, to: target, moveId, rows: plan.rows, objects: plan.objects }, 'tenant moved');
    await phase('removed');
    return report();
  }

  private async listObjects(region: string, tenantId: string): Promise<{ key: string; size: number }[]> {
    const out: { key: string; size: number }[] = [];
    for (const prefix of tenantPrefixes(tenantId)) for await (const o of this.d.store.list(region, prefix)) out.push({ key: o.key, size: o.size });
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async deleteObjects(region: string, keys: string[]): Promise<void> {
    const bucket = this.d.store.bucketOf(region);
    await mapLimit(keys, OBJECT_CONCURRENCY * 2, async (key) => void (await this.d.store.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))));
  }

  /** Copies every object under the tenant's prefixes (the target's leftovers of a failed run go first); returns what was copied, with sha256. */
  private async copyObjects(tenantId: string, from: string, to: string): Promise<ObjectEntry[]> {
    await this.deleteObjects(to, (await this.listObjects(to, tenantId)).map((o) => o.key));
    const source = await this.listObjects(from, tenantId);
    const out: ObjectEntry[] = [];
    await mapLimit(source, OBJECT_CONCURRENCY, async ({ key }) => {
      // Streamed (multipart above 5 MB): memory stays bounded whatever the documents' size.
      const o = await this.d.store.copyToRegion(from, to, key);
      out.push({ key, size: o.size, sha256: o.sha256 });
    });
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * Copies the tenant's rows: one repeatable-read snapshot of the (fenced) source, one transaction
   * on the target that first deletes whatever rows of the tenant it holds (a failed run's), then
   * inserts each table's rows as their text (exact for every type), parents first. A trigger may
   * write rows while other tables are copied (inserted applications write rollup deltas): a table
   * that then holds more rows than were copied into it is emptied and copied again at the end.
   */
  private async copyRows(tenantId: string, tables: TenantTable[], from: string, to: string, fence: { moveId: string; actor: string }): Promise<void> {
    await inTenant(this.d.dbs.region(to), tenantId, 'write', (dst) =>
      inTenant(this.d.dbs.region(from), tenantId, 'read', async (_src, srcRunner) => {
        await dst.exec(
          `insert into ${FENCES} (tenant_id, state, move_id, from_region, to_region, actor, since) values ($1, 'arriving', $2, $3, $4, $5, $6)
           on conflict (tenant_id) do update set state = 'arriving', move_id = excluded.move_id, from_region = excluded.from_region, to_region = excluded.to_region, actor = excluded.actor, since = excluded.since`,
          [tenantId, fence.moveId, from, to, fence.actor, this.d.clock.now()],
        );
        for (const t of [...tables].reverse()) await dst.exec(`delete from ${ident(t.name)} where tenant_id = $1`, [tenantId]);
        const copied = new Map<string, number>();
        const copyTable = async (t: TenantTable) => {
          await dst.exec(`delete from ${ident(t.name)} where tenant_id = $1`, [tenantId]);
          const cols = t.columns.map(ident);
          const insert = `insert into ${ident(t.name)} (${cols.join(', ')}) select ${cols.map((c) => `(r).${c}`).join(', ')} from (select x::${ident(t.name)} as r from unnest($1::text[]) x) s`;
          await srcRunner.query(`DECLARE move_rows NO SCROLL CURSOR FOR SELECT t::text AS r FROM ${ident(t.name)} t WHERE tenant_id = '${tenantId}'`);
          // A table that references itself goes in one statement (its foreign key is checked at the statement's end).
          const batch = t.selfReference ? 'ALL' : String(BATCH);
          let n = 0;
          for (;;) {
            const rows = (await srcRunner.query(`FETCH ${batch} FROM move_rows`)) as { r: string }[];
            if (!rows.length) break;
            await dst.exec(insert, [rows.map((x) => x.r)]);
            n += rows.length;
            if (batch === 'ALL') break;
          }
          await srcRunner.query('CLOSE move_rows');
          copied.set(t.name, n);
        };
        for (const t of tables) await copyTable(t);
        const count = async (t: TenantTable) => (await dst.one<{ n: number }>(`select count(*)::int as n from ${ident(t.name)} where tenant_id = $1`, [tenantId])).n;
        for (const t of tables) {
          if ((await count(t)) === copied.get(t.name)) continue;
          if (tables.some((c) => c.parents.includes(t.name))) throw new Error(`table ${t.name}: rows written by a trigger during the copy, and other tables reference it`);
          await copyTable(t);
        }
      }),
    );
  }

  /** Every difference between the source and the copy: row counts and checksums per table, objects by sha256. */
  private async verify(tenantId: string, tables: TenantTable[], from: string, to: string, manifest: ObjectEntry[]): Promise<{ differences: string[]; late: number; tables: { table: string; rows: number }[]; objects: { count: number; bytes: number } }> {
    const sums = (region: string) =>
      inTenant(this.d.dbs.region(region), tenantId, 'read', async (sql) => {
        const out = new Map<string, { n: number; sum: string }>();
        for (const t of tables) out.set(t.name, await checksum(sql, t, tenantId));
        return out;
      });
    const [a, b] = await Promise.all([sums(from), sums(to)]);
    const differences: string[] = [];
    for (const t of tables) {
      const x = a.get(t.name)!;
      const y = b.get(t.name)!;
      if (x.n !== y.n) differences.push(`table ${t.name}: ${y.n} rows in ${to}, ${x.n} in ${from}`);
      else if (x.sum !== y.sum) differences.push(`table ${t.name}: checksum differs (${x.n} rows)`);
    }
    // Objects: the copy against the bytes read from the source. An object the source deleted since
    // (a superseded document, deleted after its write's commit) is deleted from the copy too; one
    // that appeared since (the upload of a write the fence refused) names no row: left to removal.
    const now = new Map((await this.listObjects(from, tenantId)).map((o) => [o.key, o.size]));
    const gone = manifest.filter((o) => !now.has(o.key)).map((o) => o.key);
    await this.deleteObjects(to, gone);
    const expected = manifest.filter((o) => now.has(o.key));
    const listed = new Set(manifest.map((o) => o.key));
    const late = [...now.keys()].filter((k) => !listed.has(k)).length;
    const copied = new Map((await this.listObjects(to, tenantId)).map((o) => [o.key, o.size]));
    const wanted = new Set(expected.map((o) => o.key));
    for (const key of copied.keys()) if (!wanted.has(key)) differences.push(`object ${key}: in ${to} only`);
    await mapLimit(expected, OBJECT_CONCURRENCY, async (o) => {
      if (!copied.has(o.key)) return void differences.push(`object ${o.key}: missing in ${to}`);
      const { sha256: sha } = await this.d.store.digest(to, o.key);
      if (sha !== o.sha256) differences.push(`object ${o.key}: sha256 differs`);
    });
    return {
      differences: differences.sort(),
      late,
      tables: tables.map((t) => ({ table: t.name, rows: a.get(t.name)!.n })),
      objects: { count: expected.length, bytes: expected.reduce((n, o) => n + o.size, 0) },
    };
  }

  /** The control plane's switch: the directory's home region and the national figures' region, one commit, every process told. */
  private async switchHome(tenant: Tenant, from: string, to: string): Promise<void> {
    await this.d.uow.control({ now: this.d.clock.now() }, async (tx) => {
      const n = await tx.sql.exec(`update tenants set home_region = $2, updated_at = $4 where id = $1 and home_region = $3`, [tenant.id, to, from, this.d.clock.now()]);
      if (n !== 1) throw new Error(`tenant ${tenant.slug}: its home region is no longer ${from}; nothing switched`);
      await tx.sql.exec(`update national_tenant_stats set region = $2 where tenant_id = $1`, [tenant.id, to]);
      const change = { kind: 'tenant' as const, tenantId: tenant.id, slug: tenant.slug };
      await tx.changed(change);
      tx.afterCommit(() => this.d.directory.heard(change));
    });
  }

  private async unfenceTarget(tenantId: string, to: string): Promise<void> {
    await inTenant(this.d.dbs.region(to), tenantId, 'write', (sql) => sql.exec(`delete from ${FENCES} where tenant_id = $1 and state = 'arriving'`, [tenantId]));
  }

  /** Deletes the tenant's rows (children first) and objects in the old region; its fence becomes `departed`. */
  private async removeSource(tenant: Tenant, tables: TenantTable[], from: string, to: string, moveId: string, actor: string): Promise<void> {
    await inTenant(this.d.dbs.region(from), tenant.id, 'write', async (sql) => {
      await sql.exec(`select pg_advisory_xact_lock($1, hashtext($2::text))`, [TENANT_FENCE_LOCK, tenant.id]);
      await sql.exec(
        `insert into ${FENCES} (tenant_id, state, move_id, from_region, to_region, actor, since) values ($1, 'departed', $2, $3, $4, $5, $6)
         on conflict (tenant_id) do update set state = 'departed', since = excluded.since`,
        [tenant.id, moveId, from, to, actor, this.d.clock.now()],
      );
      for (const t of [...tables].reverse()) await sql.exec(`delete from ${ident(t.name)} where tenant_id = $1`, [tenant.id]);
    });
    await this.deleteObjects(from, (await this.listObjects(from, tenant.id)).map((o) => o.key));
  }

  /**
   * Undoes a move before its switch: the target's rows and objects go, its fence returns to what it
   * was (a `departed` fence of an earlier move stays), the source is unfenced and takes writes again.
   */
  private async abort(tenant: Tenant, tables: TenantTable[], from: string, to: string, before: FenceRow | undefined, actor: string, why: { reason: string; moveId: string }): Promise<void> {
    await inTenant(this.d.dbs.region(to), tenant.id, 'write', async (sql) => {
      for (const t of [...tables].reverse()) await sql.exec(`delete from ${ident(t.name)} where tenant_id = $1`, [tenant.id]);
      if (before?.state === 'departed') await sql.exec(`update ${FENCES} set state = 'departed', move_id = $2, from_region = $3, to_region = $4 where tenant_id = $1`, [tenant.id, before.move_id, before.from_region, before.to_region]);
      else await sql.exec(`delete from ${FENCES} where tenant_id = $1`, [tenant.id]);
    });
    await this.deleteObjects(to, (await this.listObjects(to, tenant.id)).map((o) => o.key));
    await inTenant(this.d.dbs.region(from), tenant.id, 'write', (sql) => sql.exec(`delete from ${FENCES} where tenant_id = $1 and state = 'departing'`, [tenant.id]));
    await this.d.uow.write({ tenant: { id: tenant.id, homeRegion: from }, now: this.d.clock.now() }, (tx) =>
      recordAudit(tx, { actor, action: 'tenant.move.aborted', subject: `tenant:${tenant.id}`, data: { moveId: why.moveId, from, to, reason: why.reason } }),
    );
  }
}
