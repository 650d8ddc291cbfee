import assert from 'node:assert/strict';
import pg from 'pg';
import { sharedPlatform } from '@satupintu/testkit';

/**
 * Citus readiness (docs/operations.md#past-one-postgresql-per-region): a region database can be
 * distributed with `create_distributed_table(<table>, 'tenant_id')` only if, for every
 * tenant-owned table, the primary key, every unique constraint or index and every exclusion
 * constraint include tenant_id, and every foreign key between tenant tables carries tenant_id on
 * both sides (co-located joins). Tables without tenant_id become reference tables (copied to every
 * node): each is listed below with the reason. A new table that fits neither fails this test.
 */

/** Region tables without tenant_id: Citus reference tables (small, shared, read-mostly). */
const REGION_REFERENCE_TABLES: Record<string, string> = {
  typeorm_migrations: 'migration bookkeeping; stays on the coordinator, written only by migrations',
};

/**
 * Schemas of a region database besides public, which stay local tables on the Citus coordinator.
 */
const REGION_LOCAL_SCHEMAS: Record<string, string> = {
  pgboss: "pg-boss job queue: jobs are keyed by region, not tenant, and are claimed with SKIP LOCKED on one node",
};

/**
 * The control plane is not distributed: it stays one PostgreSQL (a small directory for 514
 * tenants, written rarely). Each of its tables, with why it is central.
 */
const CONTROL_TABLES: Record<string, string> = {
  regions: 'the list of region cells; every tenant row points at one',
  tenants: 'the tenant directory (514 rows): routing of every request to its home region',
  tenant_lifecycle_events: "history of the directory's changes (onboarding, status, moves)",
  holidays: 'national holidays: the same for every tenant (SLA calendars)',
  plugins: 'the plugin registry: agencies publish once for all tenants',
  plugin_versions: 'published plugin versions, immutable, shared by all tenants',
  idempotency_records: 'idempotency of control-plane writes (tenant directory, registry)',
  rate_limit_budgets: 'request budgets shared by every API process (issue 20); small, hot, per tenant and client',
  national_tenant_stats: 'national dashboard: one row per tenant, copied up from the regions',
  national_weekly: 'national dashboard: weekly figures per tenant, copied up from the regions',
  national_visits_daily: 'national visits: counts per tenant, day and agency, copied up from the regions (ADR 0032)',
  national_plugin_stats: 'per tenant and plugin: the version it runs and its counts, copied up from the regions for publishers and the ministry (ADR 0036)',
  national_plugin_weekly: 'per tenant, plugin and week: completions and SLA figures, copied up from the regions (ADR 0036)',
  monev_alerts: 'Monev alerts evaluated from the national rollups: aggregates per tenant and period, no personal data (ADR 0037)',
  typeorm_migrations: 'migration bookkeeping',
};

/**
 * Known violations of tenant tables, to be fixed by a migration before distribution. Each entry
 * is `table: what` exactly as the test reports it; an entry that no longer occurs fails too, so the
 * list only shrinks.
 */
const KNOWN_VIOLATIONS: string[] = [];

interface Catalog {
  tables: string[];
  tenantTables: Set<string>;
  constraints: { table: string; name: string; type: 'p' | 'u' | 'f' | 'x'; columns: string[]; refTable?: string; refColumns?: string[] }[];
  uniqueIndexes: { table: string; name: string; columns: string[] }[];
}

async function readCatalog(url: string): Promise<Catalog> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ table: string; tenant: boolean }>(
      `select c.relname as "table",
              exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by 1`,
    );
    const { rows: constraints } = await c.query<{ table: string; name: string; type: 'p' | 'u' | 'f' | 'x'; columns: string[]; ref_table: string | null; ref_columns: string[] | null }>(
      `select cl.relname as "table", co.conname as name, co.contype as type,
              array(select a.attname::text from unnest(co.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.i) as columns,
              rc.relname as ref_table,
              case when co.confrelid <> 0 then array(select a.attname::text from unnest(co.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n order by k.i) end as ref_columns
         from pg_constraint co
         join pg_class cl on cl.oid = co.conrelid
         join pg_namespace n on n.oid = cl.relnamespace
         left join pg_class rc on rc.oid = co.confrelid
        where n.nspname = 'public' and co.contype in ('p', 'u', 'f', 'x')
        order by 1, 2`,
    );
    // Unique indexes that back no constraint (create unique index …), expressions shown as '<expr>'.
    const { rows: uniqueIndexes } = await c.query<{ table: string; name: string; columns: string[] }>(
      `select t.relname as "table", i.relname as name,
              array(select coalesce(a.attname::text, '<expr>') from unnest(x.indkey::int2[]) with ordinality k(n, o)
                      left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n and k.n > 0 order by k.o) as columns
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class t on t.oid = x.indrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and x.indisunique
          and not exists (select 1 from pg_constraint co where co.conindid = x.indexrelid)
        order by 1, 2`,
    );
    return {
      tables: tables.map((t) => t.table),
      tenantTables: new Set(tables.filter((t) => t.tenant).map((t) => t.table)),
      constraints: constraints.map((r) => ({ table: r.table, name: r.name, type: r.type, columns: r.columns, refTable: r.ref_table ?? undefined, refColumns: r.ref_columns ?? undefined })),
      uniqueIndexes,
    };
  } finally {
    await c.end();
  }
}

/** Every reason a table of this catalog could not be distributed on tenant_id (or be a reference table). */
function violations(cat: Catalog, reference: Record<string, string>): string[] {
  const out: string[] = [];
  for (const t of cat.tables) if (!cat.tenantTables.has(t) && !(t in reference)) out.push(`${t}: no tenant_id and not a declared reference table`);
  for (const t of Object.keys(reference)) if (cat.tenantTables.has(t)) out.push(`${t}: declared a reference table but has tenant_id`);
  for (const t of cat.tenantTables) if (!cat.constraints.some((c) => c.table === t && c.type === 'p')) out.push(`${t}: no primary key`);
  for (const c of cat.constraints) {
    if (!cat.tenantTables.has(c.table)) {
      // A reference table may point only at reference tables (Citus refuses reference → distributed keys).
      if (c.type === 'f' && c.refTable && cat.tenantTables.has(c.refTable)) out.push(`${c.table}: foreign key ${c.name} from a reference table to tenant table ${c.refTable}`);
      continue;
    }
    const kind = { p: 'primary key', u: 'unique constraint', x: 'exclusion constraint', f: 'foreign key' }[c.type];
    if (c.type !== 'f') {
      if (!c.columns.includes('tenant_id')) out.push(`${c.table}: ${kind} ${c.name} (${c.columns.join(', ')}) lacks tenant_id`);
      continue;
    }
    if (!c.refTable || !cat.tenantTables.has(c.refTable)) continue; // tenant → reference table: allowed
    const i = c.columns.indexOf('tenant_id');
    if (i < 0 || c.refColumns?.[i] !== 'tenant_id') out.push(`${c.table}: ${kind} ${c.name} (${c.columns.join(', ')}) → ${c.refTable} (${c.refColumns?.join(', ')}) does not match tenant_id to tenant_id`);
  }
  for (const x of cat.uniqueIndexes)
    if (cat.tenantTables.has(x.table) && !x.columns.includes('tenant_id')) out.push(`${x.table}: unique index ${x.name} (${x.columns.join(', ')}) lacks tenant_id`);
  return out.sort();
}

describe('Citus readiness of the region schema (distribution on tenant_id)', () => {
  let cat: Catalog;

  before(async () => {
    cat = await readCatalog(sharedPlatform().infra.regionDatabaseUrls['id-jakarta']!);
  });

  it('every table is tenant-keyed or a declared reference table, and every key fits distribution on tenant_id', () => {
    const found = violations(cat, REGION_REFERENCE_TABLES);
    const known = new Set(KNOWN_VIOLATIONS);
    assert.deepEqual(
      found.filter((v) => !known.has(v)),
      [],
      'new violations: add tenant_id to the key (or declare a reference table with its reason)',
    );
    assert.deepEqual(
      KNOWN_VIOLATIONS.filter((v) => !found.includes(v)),
      [],
      'fixed violations still listed as known: remove them from KNOWN_VIOLATIONS',
    );
    assert.ok(cat.tenantTables.size > 20, `the region has its tenant tables (${cat.tenantTables.size})`);
  });

  it('keeps no table outside public except the job queue', async () => {
    const c = new pg.Client({ connectionString: sharedPlatform().infra.regionDatabaseUrls['id-jakarta']! });
    await c.connect();
    try {
      const { rows } = await c.query<{ schema: string }>(
        `select distinct n.nspname as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p') and n.nspname not in ('public', 'pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
      );
      assert.deepEqual(rows.map((r) => r.schema).filter((x) => !(x in REGION_LOCAL_SCHEMAS)), [], 'a new schema in the region database: declare it (and why it stays local)');
    } finally {
      await c.end();
    }
  });

  it('lists every control-plane table with why it stays central (the control plane is not distributed)', async () => {
    const control = await readCatalog(sharedPlatform().infra.controlDatabaseUrl);
    assert.deepEqual(control.tables.filter((t) => !(t in CONTROL_TABLES)), [], 'a new control-plane table: add it to CONTROL_TABLES with its reason, or put tenant data in the regions');
  });

  it('catches a violation (the check itself works)', () => {
    const broken: Catalog = {
      tables: ['a', 'b', 'c'],
      tenantTables: new Set(['a', 'b']),
      constraints: [
        { table: 'a', name: 'a_pkey', type: 'p', columns: ['tenant_id', 'id'] },
        { table: 'b', name: 'b_pkey', type: 'p', columns: ['id'] },
        { table: 'b', name: 'b_a_fk', type: 'f', columns: ['a_id'], refTable: 'a', refColumns: ['id'] },
      ],
      uniqueIndexes: [{ table: 'a', name: 'a_email', columns: ['email'] }],
    };
    assert.deepEqual(violations(broken, {}), [
      'a: unique index a_email (email) lacks tenant_id',
      'b: foreign key b_a_fk (a_id) → a (id) does not match tenant_id to tenant_id',
      'b: primary key b_pkey (id) lacks tenant_id',
      'c: no tenant_id and not a declared reference table',
    ]);
  });
});
