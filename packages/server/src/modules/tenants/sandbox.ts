import cronParser from 'cron-parser';
import pg from 'pg';
import { fixedClock, type Clock, type Tenant } from '@satupintu/core';
import { recordAudit, type UnitOfWork, type Sql, type TenantTx } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import { actorOf, workContext, type TenantCtx, type TenantUserCtx, type UserCtx } from '../../context.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import { advanceInvalid, clockMoved, clockOutOfRange, notASandbox, sandboxOfSandbox, slugTaken, tenantNotFound } from './errors.js';
import { tenantPrefixes, tenantTables } from './move.js';
import { tenantQueries } from './queries.js';
import type { TenantDirectory } from './directory.js';
import type { TenantService } from './service.js';

/**
 * The configuration a rehearsal needs, copied from the source tenant into a new sandbox (ADR 0031):
 * plugin installations with their pinned versions, service overlays (schedules, quotas, counters,
 * hours), published service standards, the agencies that joined with their MoUs, the maklumat and
 * decrees (the onboarding checklist), the tenant's own closures and the agencies' calendars.
 * Nothing else: no application, booking, session instance, complaint, survey answer, contact,
 * consent or notification (personal data), and no sender, webhook or event endpoint (real
 * channels). A part that adds a configuration table adds it here.
 */
export const SANDBOX_CONFIG_TABLES: readonly string[] = [
  'plugin_installations',
  'service_overlays',
  'service_standards',
  'tenant_agencies',
  'tenant_maklumat',
  'tenant_decrees',
  'tenant_closures',
  'agency_calendars',
];

/** The longest step of one advance (a quarter and a day): longer rehearsals advance again. */
export const MAX_ADVANCE_DAYS = 92;
/** The step at which an advance runs the due jobs: one day (of the platform's UTC crons). */
const STEP_MS = 24 * 3600_000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');

/** A job's pass over one tenant (JobSpec.forTenant), as an advance runs it. */
export interface TenantPass {
  readonly name: string;
  readonly cron?: string;
  readonly forTenant: (ctx: TenantUserCtx) => Promise<unknown>;
}

export interface SandboxClockView {
  tenant: string;
  sandbox: boolean;
  now: string;
  clockOffsetMs: number;
}

export interface AdvanceReport extends SandboxClockView {
  from: string;
  steps: number;
  /** How many times each job ran for the sandbox, in the order they ran. */
  ran: Record<string, number>;
}

const ident = (name: string) => pg.escapeIdentifier(name);

/** Whether a cron schedule (UTC) has an occurrence in (from, to]: every job without one is due at every step. */
export function cronDueBetween(cron: string | undefined, from: Date, to: Date): boolean {
  if (!cron) return false;
  const next = cronParser.parseExpression(cron, { currentDate: from, tz: 'UTC' }).next().toDate();
  return next.getTime() <= to.getTime();
}

/**
 * Sandbox tenants (issue 23, ADR 0031): a rehearsal copy of a tenant with its own clock.
 * The clock is an offset from the platform clock, stored on the tenant row; the directory carries it
 * to every request (http/routes.ts) and every job's pass (`workContext`). Setting it jumps; advancing
 * it walks day by day and runs, for the sandbox alone, each time-based job that falls due.
 */
export class SandboxService {
  constructor(
    private readonly d: {
      uow: UnitOfWork;
      control: Sql;
      directory: TenantDirectory;
      tenants: TenantService;
      store: ObjectStore;
      /** The platform clock (a sandbox's runs ahead of or behind it by its offset). */
      clock: Clock;
      /** The time-based jobs' passes over one tenant (wired in the composition root). */
      passes: () => readonly TenantPass[];
    },
  ) {}

  /** The sandboxes of a production tenant. */
  list(source: Tenant): Promise<Tenant[]> {
    return tenantQueries.sandboxesOf(this.d.control, source.id);
  }

  /**
   * Makes a sandbox of `ctx.tenant`: a new tenant with the source's regency, home region and
   * lifecycle, its configuration (SANDBOX_CONFIG_TABLES) and a clock at `input.now` (default the
   * platform's now). Slug `<source>-sandbox-<n>` unless one is given.
   */
  async create(ctx: TenantUserCtx, input: { slug?: string; now?: string }): Promise<Tenant> {
    const source = ctx.tenant;
    if (source.sandbox) throw sandboxOfSandbox(source.slug, source.sandbox.of);
    const offset = input.now === undefined ? 0 : this.offsetFor(input.now);
    // The source's configuration, read under its row-level security.
    const rows = await this.d.uow.read(ctx, async (tx) => {
      const tables = (await tenantTables(tx.sql)).filter((t) => SANDBOX_CONFIG_TABLES.includes(t.name));
      const out: { table: string; columns: string[]; rows: Record<string, unknown>[] }[] = [];
      for (const t of tables) {
        const r = await tx.sql.one<{ rows: Record<string, unknown>[] }>(`select coalesce(jsonb_agg(to_jsonb(x)), '[]'::jsonb) as rows from ${ident(t.name)} x where tenant_id = $1`, [source.id]);
        out.push({ table: t.name, columns: t.columns, rows: r.rows });
      }
      return out;
    });
    const actor = actorOf(ctx);
    const populate = async (tx: TenantTx, tenant: { id: string; slug: string }) => {
      for (const t of rows) {
        if (!t.rows.length) continue;
        const cols = t.columns.map(ident).join(', ');
        await tx.sql.exec(`insert into ${ident(t.table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${ident(t.table)}, $1::jsonb)`, [
          JSON.stringify(t.rows.map((r) => ({ ...r, tenant_id: tenant.id }))),
        ]);
      }
      await recordAudit(tx, { actor, action: 'tenant.sandbox.created', subject: `tenant:${tenant.id}`, data: { source: source.slug, copied: Object.fromEntries(rows.map((t) => [t.table, t.rows.length])), clockOffsetMs: offset } });
    };
    const input0 = { code: source.code, homeRegion: source.homeRegion, mppStatus: source.mppStatus, ...(source.committedOn ? { committedOn: source.committedOn } : {}) };
    const opts = { populate, sandbox: { source, clockOffsetMs: offset } };
    if (input.slug) return this.d.tenants.create(ctx, { ...input0, slug: input.slug }, actor, opts);
    // `<source>-sandbox-<n>`: the next free number (two admins at once: the loser takes the next).
    let n = (await this.list(source)).length + 1;
    for (let attempt = 0; ; attempt++, n++) {
      try {
        return await this.d.tenants.create(ctx, { ...input0, slug: `${source.slug}-sandbox-${n}`.slice(0, 63) }, actor, opts);
      } catch (e) {
        if (attempt >= 4 || (e as { code?: string }).code !== slugTaken.spec.code) throw e;
      }
    }
  }

  /** The tenant's clock: a sandbox's own, else the platform's (read only). */
  async clock(tenant: Tenant): Promise<{ view: SandboxClockView; etag: string }> {
    const row = await tenantQueries.clock(this.d.control, tenant.id);
    if (!row) throw tenantNotFound(tenant.slug);
    const offset = row.clock_offset_ms === null ? 0 : Number(row.clock_offset_ms);
    return { view: this.view(tenant, offset), etag: etagOf(`clock-${row.clock_version}`) };
  }

  /** Sets a sandbox's clock to any instant (a jump: no job runs for the time skipped; see `advance`). */
  async set(ctx: UserCtx & TenantCtx, at: string, pre: Preconditions): Promise<{ view: SandboxClockView; etag: string }> {
    const tenant = this.sandboxOf(ctx);
    const offset = this.offsetFor(at);
    const version = await this.d.uow.control(ctx, async (tx) => {
      const row = await tenantQueries.clock(tx.sql, tenant.id, true);
      if (!row) throw tenantNotFound(tenant.slug);
      checkPreconditions(pre, etagOf(`clock-${row.clock_version}`));
      const v = await tenantQueries.setClock(tx.sql, tenant.id, { offsetMs: offset, version: row.clock_version, now: this.d.clock.now() });
      if (v === undefined) throw clockMoved(new Date(this.d.clock.now().getTime() + Number(row.clock_offset_ms)).toISOString());
      await this.announce(tx, tenant);
      return v;
    });
    const moved = { ...tenant, sandbox: { ...tenant.sandbox, clockOffsetMs: offset } };
    await this.d.uow.write({ ...ctx, tenant: moved, now: new Date(this.d.clock.now().getTime() + offset) }, (tx) =>
      recordAudit(tx, { actor: actorOf(ctx), action: 'tenant.sandbox.clock.set', subject: `tenant:${tenant.id}`, data: { from: ctx.now.toISOString(), to: at } }),
    );
    return { view: this.view(moved, offset), etag: etagOf(`clock-${version}`) };
  }

  /**
   * Moves a sandbox's clock forward by `ms`, a day at a time: at each step every time-based job
   * whose schedule falls due in the step runs its pass over this sandbox alone, at the step's time
   * (SLA escalations, complaint deadlines, SKM follow-ups, the outbox into the in-app inbox, the
   * rollups); then the clock is stored at the step. A concurrent move stops it (409) at the last
   * step stored; a retry with the old ETag is refused (412), so a lost answer is never advanced twice.
   */
  async advance(ctx: UserCtx & TenantCtx, ms: number, pre: Preconditions): Promise<{ report: AdvanceReport; etag: string }> {
    const tenant = this.sandboxOf(ctx);
    if (!(ms > 0) || ms > MAX_ADVANCE_DAYS * STEP_MS) throw advanceInvalid(MAX_ADVANCE_DAYS);
    const row = await tenantQueries.clock(this.d.control, tenant.id);
    if (!row || row.clock_offset_ms === null) throw tenantNotFound(tenant.slug);
    checkPreconditions(pre, etagOf(`clock-${row.clock_version}`));
    let version = row.clock_version;
    const start = this.d.clock.now().getTime() + Number(row.clock_offset_ms);
    const end = start + ms;
    const passes = [...this.d.passes()].sort((a, b) => order(a.name) - order(b.name));
    const ran: Record<string, number> = {};
    let at = start;
    let steps = 0;
    let offset = Number(row.clock_offset_ms);
    while (at < end) {
      const next = Math.min(end, at + STEP_MS);
      // The passes see the sandbox at the step's instant (offset 0 over a clock pinned there).
      const stepCtx = workContext({ clock: fixedClock(new Date(next)), log: ctx.log, route: 'sandbox.advance', tenant: { ...tenant, sandbox: { ...tenant.sandbox, clockOffsetMs: 0 } } });
      for (const p of passes) {
        if (!cronDueBetween(p.cron, new Date(at), new Date(next))) continue;
        await p.forTenant(stepCtx);
        ran[p.name] = (ran[p.name] ?? 0) + 1;
      }
      offset = next - this.d.clock.now().getTime();
      const v = await this.d.uow.control(ctx, async (tx) => {
        const moved = await tenantQueries.setClock(tx.sql, tenant.id, { offsetMs: offset, version, now: this.d.clock.now() });
        if (moved !== undefined) await this.announce(tx, tenant);
        return moved;
      });
      if (v === undefined) throw clockMoved(new Date(at).toISOString());
      version = v;
      at = next;
      steps++;
    }
    const moved = { ...tenant, sandbox: { ...tenant.sandbox, clockOffsetMs: offset } };
    await this.d.uow.write({ ...ctx, tenant: moved, now: new Date(end) }, (tx) =>
      recordAudit(tx, { actor: actorOf(ctx), action: 'tenant.sandbox.clock.advanced', subject: `tenant:${tenant.id}`, data: { from: new Date(start).toISOString(), to: new Date(end).toISOString(), steps, ran } }),
    );
    const view = this.view(moved, offset);
    return { report: { ...view, now: new Date(end).toISOString(), from: new Date(start).toISOString(), steps, ran }, etag: etagOf(`clock-${version}`) };
  }

  /**
   * Deletes a sandbox: its rows in its home region (every tenant table, children first), its
   * objects, then its directory row (its national figures and lifecycle go with it). The deletion
   * is recorded in the source tenant's audit trail. A production tenant is refused.
   */
  async delete(ctx: UserCtx & TenantCtx): Promise<void> {
    const tenant = this.sandboxOf(ctx);
    await this.d.uow.write(ctx, async (tx) => {
      for (const t of [...(await tenantTables(tx.sql))].reverse()) await tx.sql.exec(`delete from ${ident(t.name)} where tenant_id = $1`, [tenant.id]);
    });
    for (const prefix of tenantPrefixes(tenant.id)) for await (const o of this.d.store.list(tenant.homeRegion, prefix)) await this.d.store.delete(tenant.homeRegion, o.key);
    await this.d.uow.control(ctx, async (tx) => {
      await tenantQueries.deleteSandbox(tx.sql, tenant.id);
      await this.announce(tx, tenant);
    });
    const source = await this.d.directory.find(tenant.sandbox.of);
    if (source)
      await this.d.uow.write({ ...ctx, tenant: source, now: this.d.clock.now() }, (tx) =>
        recordAudit(tx, { actor: actorOf(ctx), action: 'tenant.sandbox.deleted', subject: `tenant:${tenant.id}`, data: { slug: tenant.slug } }),
      );
  }

  private sandboxOf(ctx: TenantCtx): Tenant & { sandbox: NonNullable<Tenant['sandbox']> } {
    const t = ctx.tenant;
    if (!t.sandbox) throw notASandbox(t.slug);
    return t as Tenant & { sandbox: NonNullable<Tenant['sandbox']> };
  }

  private offsetFor(at: string): number {
    const t = Date.parse(at);
    if (!Number.isFinite(t) || t < EARLIEST || t >= LATEST) throw clockOutOfRange(new Date(EARLIEST).toISOString(), new Date(LATEST).toISOString());
    return t - this.d.clock.now().getTime();
  }

  private view(tenant: Tenant, offset: number): SandboxClockView {
    return { tenant: tenant.slug, sandbox: Boolean(tenant.sandbox), now: new Date(this.d.clock.now().getTime() + offset).toISOString(), clockOffsetMs: offset };
  }

  /** Every process drops its cached copy of the tenant (its clock) at the commit. */
  private async announce(tx: { changed(c: { kind: 'tenant'; tenantId: string; slug: string }): Promise<void>; afterCommit(fn: () => void): void }, tenant: Tenant): Promise<void> {
    const change = { kind: 'tenant' as const, tenantId: tenant.id, slug: tenant.slug };
    await tx.changed(change);
    tx.afterCommit(() => this.d.directory.heard(change));
  }
}

/** Escalations and deadlines first, then the outbox they filled, then the rollups that count it all. */
function order(name: string): number {
  if (name.startsWith('notifications.')) return 1;
  if (name.startsWith('monitoring.')) return 2;
  return 0;
}
