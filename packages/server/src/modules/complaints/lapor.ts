import { LAPOR_DEFAULT_PROTOCOL, LaporClient, LaporError, type LaporProtocol, type LaporRecord, type LaporReport } from '@satupintu/connectors';
import { recordAudit, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { actorOf, workContext, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender, JobSpec } from '../../jobs/spec.js';
import { DataKeyring } from '../../secrets.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import { resolveTarget, TARGET_FAILURE, urlRefusal, type TargetPolicy } from '../events/index.js';
import type { TenantService } from '../tenants/index.js';
import { complaintActionNotAllowed } from './errors.js';
import { laporBaseUrlInvalid, laporConflict, laporNotConfigured, laporNotFound, laporSandbox, laporSecretRequired } from './lapor-errors.js';
import { laporQueries, type LaporConnectionRow, type LaporOutcome } from './lapor-queries.js';
import type { LaporConfigInput, LaporConfigOut, LaporConnectionOut } from './lapor-schemas.js';
import { complaintQueries, type ComplaintRow } from './queries.js';
import { post, viewIn } from './records.js';
import { visibleTo } from './access.js';
import type { ComplaintView } from './schemas.js';

/** One push or pull of one complaint (sent after the commit that asked for it, and on retries). */
export const LAPOR_PUSH_JOB = 'lapor.push';
/** Every minute, per region: each tenant's due pushes and pulls (lost jobs, retries, periodic pulls). */
export const LAPOR_SYNC_JOB = 'lapor.sync';

export interface LaporDeps {
  uow: UnitOfWork;
  jobs: JobSender;
  keyring: () => DataKeyring;
  env: 'development' | 'production';
  tenants: TenantService;
}

export interface LaporTuning {
  /** First retry after this; doubled each attempt, capped at one hour. Default 30 s. */
  backoffBaseMs: number;
  /** Pushes before a complaint's sync is `failed`. Default 8. */
  maxAttempts: number;
  /** How long a claimed attempt keeps others away (a crashed worker's claim expires). Default 2 min. */
  leaseMs: number;
  /** Per LAPOR! request. Default 10 s. */
  timeoutMs: number;
}

const sealContext = (tenantId: string) => `lapor-connection:${tenantId}`;
const TERMINAL = new Set(['closed', 'rejected']);
const MAX_ERROR = 500;

/** The protocol in force: the defaults (to confirm with KemenPAN-RB) under the regency's overrides. */
export function protocolOf(override: Record<string, unknown> | undefined): LaporProtocol {
  const o = (override ?? {}) as Partial<LaporProtocol>;
  const d = LAPOR_DEFAULT_PROTOCOL;
  return {
    paths: { ...d.paths, ...o.paths },
    referenceQuery: o.referenceQuery ?? d.referenceQuery,
    fields: { ...d.fields, ...o.fields },
    statuses: o.statuses ?? d.statuses,
    categories: { ...d.categories, ...o.categories },
  };
}

/** Why a LAPOR! base URL is refused, or null: the shared target policy, and no query string (paths are appended to it). */
function baseUrlRefusal(raw: string, policy: TargetPolicy): { id: string; en: string } | null {
  const refusal = urlRefusal(raw, policy);
  if (refusal) return refusal;
  if (new URL(raw).search) return { id: 'Alamat dasar tidak boleh memuat query string.', en: 'The base URL cannot carry a query string.' };
  return null;
}

/** The stable reference a complaint is pushed under: the same on every retry, so LAPOR! can be asked for it. */
export const laporReference = (tenantSlug: string, trackingCode: string) => `${tenantSlug}/${trackingCode}`;

/**
 * SP4N-LAPOR! in API mode (docs/complaints.md#sp4n-lapor, ADR 0038): the regency's developer
 * account (sealed), the push of a complaint under a stable reference, the pull of its status,
 * disposition and follow-ups onto the thread, the sync state with retries and back-off. Every call
 * to LAPOR! is made by a job, outside any transaction; a sandbox tenant never calls it.
 */
export class LaporConnector {
  private tuning: LaporTuning = { backoffBaseMs: 30_000, maxAttempts: 8, leaseMs: 120_000, timeoutMs: 10_000 };
  /**
   * Where LAPOR! may be (SSRF defence, the policy signed events, OSS and payments follow,
   * docs/security.md): a public address, https in production; checked when configured and again
   * before every call, on what the name resolves to then.
   */
  private readonly policy: TargetPolicy;

  constructor(private readonly d: LaporDeps) {
    this.policy = { env: d.env, allowLoopback: false };
  }

  /** Tests shorten the waits, and allow a loopback base URL (a local stand-in; never in production). */
  tune(t: Partial<LaporTuning> & { allowLoopback?: boolean }): void {
    const { allowLoopback, ...rest } = t;
    this.tuning = { ...this.tuning, ...rest };
    if (allowLoopback !== undefined) this.policy.allowLoopback = allowLoopback;
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration and health (tenant admin)

  /** Creates (no If-Match) or replaces (If-Match: the ETag last read) the connection; answers it with its new ETag. */
  async configure(ctx: TenantUserCtx, input: LaporConfigInput, pre: Preconditions): Promise<{ config: LaporConfigOut; etag: string }> {
    const refusal = baseUrlRefusal(input.baseUrl, this.policy);
    if (refusal) throw laporBaseUrlInvalid(refusal);
    return this.d.uow.write(ctx, async (tx) => {
      const cur = await laporQueries.connection(tx.sql, true);
      checkPreconditions(pre, cur ? etagOf(cur.version) : undefined);
      if (!cur && !input.clientSecret) throw laporSecretRequired();
      const ring = this.d.keyring();
      const sealed = input.clientSecret ? ring.seal(input.clientSecret, sealContext(ctx.tenant.id)) : cur!.client_secret;
      await laporQueries.saveConnection(tx.sql, {
        tenantId: ctx.tenant.id, enabled: input.enabled, baseUrl: input.baseUrl.replace(/\/+$/, ''), clientId: input.clientId, clientSecret: sealed,
        secretKeyId: DataKeyring.keyIdOf(sealed) ?? ring.current.id, secretHint: input.clientSecret ? input.clientSecret.slice(-4) : cur!.secret_hint,
        protocol: input.protocol ?? (cur?.protocol as object | undefined) ?? {}, pullMinutes: input.pullMinutes ?? cur?.pull_minutes ?? 60, autoPush: input.autoPush ?? cur?.auto_push ?? false,
        now: ctx.now, by: ctx.identity.username,
      });
      // Never the secret in the audit trail: only that it changed.
      await recordAudit(tx, { actor: actorOf(ctx), action: 'lapor.configured', subject: `tenant:${ctx.tenant.slug}`, data: { enabled: input.enabled, baseUrl: input.baseUrl, clientId: input.clientId, secretChanged: Boolean(input.clientSecret) } });
      const saved = (await laporQueries.connection(tx.sql))!;
      return { config: configView(saved), etag: etagOf(saved.version) };
    });
  }

  async config(ctx: TenantCtx): Promise<{ config: LaporConfigOut; etag: string }> {
    const row = await this.d.uow.read(ctx, (tx) => laporQueries.connection(tx.sql));
    if (!row) throw laporNotFound();
    return { config: configView(row), etag: etagOf(row.version) };
  }

  async health(ctx: TenantCtx): Promise<LaporConnectionOut> {
    const [row, counts] = await this.d.uow.read(ctx, async (tx) => [await laporQueries.connection(tx.sql), await laporQueries.counts(tx.sql)] as const);
    const sandbox = Boolean(ctx.tenant.sandbox);
    return {
      configured: Boolean(row),
      enabled: Boolean(row?.enabled),
      mode: row?.enabled && !sandbox ? 'api' : 'manual',
      sandbox,
      lastSuccessAt: row?.last_success_at?.toISOString() ?? null,
      lastError: row?.last_error && row.last_error_at ? { at: row.last_error_at.toISOString(), message: row.last_error } : null,
      counts,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Push request (coordinator)

  /**
   * The coordinator asks for the complaint to be pushed: it becomes `pending` under its stable
   * reference and a job pushes it after the commit. Asking again while it is pending or linked
   * changes nothing (never a second report); after `failed` it starts again, looking the reference
   * up first.
   */
  async requestPush(ctx: TenantUserCtx, id: string): Promise<ComplaintView> {
    if (ctx.tenant.sandbox) throw laporSandbox();
    return this.d.uow.write(ctx, async (tx) => {
      const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id, true));
      if (!roles.includes('coordinator')) throw complaintActionNotAllowed();
      const conn = await laporQueries.connection(tx.sql);
      if (!conn?.enabled) throw laporNotConfigured();
      if (c.lapor_sync_status === 'conflict') throw laporConflict();
      const linked = c.lapor_mode === 'api' && (c.lapor_sync_status === 'pending' || c.lapor_sync_status === 'synced');
      const manual = c.lapor_mode === 'manual' && c.lapor_tracking_id !== null;
      if (!linked && !manual) {
        await laporQueries.queuePush(tx.sql, id, laporReference(ctx.tenant.slug, c.tracking_code), ctx.now);
        await post(tx, ctx, c, { role: 'coordinator', kind: 'lapor', body: 'SP4N-LAPOR! pending: dikirim / push requested', internal: true });
        await recordAudit(tx, { actor: actorOf(ctx), action: 'complaint.lapor-push', subject: `complaint:${c.tracking_code}`, data: {} });
        this.enqueueAfter(tx, ctx, id, null);
      }
      return viewIn(tx, ctx, id);
    });
  }

  /**
   * Inside the verification's unit of work (ComplaintService.verify): with `autoPush` on, a verified
   * complaint not yet linked is queued like a coordinator's push. Never for a sandbox.
   */
  async onVerified(tx: TenantTx, ctx: TenantUserCtx, c: Pick<ComplaintRow, 'id' | 'tenant_id' | 'tracking_code' | 'lapor_mode'>): Promise<void> {
    if (ctx.tenant.sandbox || c.lapor_mode !== null) return;
    const conn = await laporQueries.connection(tx.sql);
    if (!conn?.enabled || !conn.auto_push) return;
    await laporQueries.queuePush(tx.sql, c.id, laporReference(ctx.tenant.slug, c.tracking_code), ctx.now);
    await post(tx, ctx, c, { role: 'system', kind: 'lapor', body: 'SP4N-LAPOR! pending: dikirim otomatis / pushed automatically', internal: true });
    this.enqueueAfter(tx, ctx, c.id, null);
  }

  private enqueueAfter(tx: Pick<TenantTx, 'afterCommit'>, ctx: TenantCtx, complaintId: string, at: Date | null): void {
    tx.afterCommit(() =>
      this.d.jobs.send(ctx.tenant.homeRegion, LAPOR_PUSH_JOB, { tenantId: ctx.tenant.id, complaintId }, { singletonKey: `${complaintId}:${at?.getTime() ?? 0}`, ...(at ? { startAfter: at } : {}) }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Sync (jobs)

  /** One attempt on one complaint: push it (pending) or pull its status (synced), when due. */
  async syncOne(ctx: TenantCtx, id: string): Promise<'skipped' | LaporOutcome['status']> {
    type Claim = { kind: 'skip' } | { kind: 'go'; c: ComplaintRow; conn: LaporConnectionRow; attempt: number };
    const claim = await this.d.uow.write(ctx, async (tx): Promise<Claim> => {
      const c = await complaintQueries.load(tx.sql, id, true);
      if (!c || c.lapor_mode !== 'api' || (c.lapor_sync_status !== 'pending' && c.lapor_sync_status !== 'synced')) return { kind: 'skip' };
      if (!c.lapor_next_attempt_at || c.lapor_next_attempt_at > ctx.now) return { kind: 'skip' };
      // A sandbox never calls out (ADR 0031), whatever was queued or copied.
      if (ctx.tenant.sandbox) {
        await this.settle(tx, ctx, c, { status: 'failed', error: 'Tenant sandbox: tanpa panggilan ke LAPOR! / sandbox tenant: no call to LAPOR!', next: null });
        return { kind: 'skip' };
      }
      const conn = await laporQueries.connection(tx.sql);
      if (!conn?.enabled) return { kind: 'skip' }; // stays pending: shown on the health endpoint, resumes when enabled
      const ring = this.d.keyring();
      if (DataKeyring.keyIdOf(conn.client_secret) !== ring.current.id) {
        // Sealed under a previous data key: sealed again under the current one on its next use.
        try {
          conn.client_secret = ring.seal(ring.open(conn.client_secret, sealContext(ctx.tenant.id)), sealContext(ctx.tenant.id));
          await laporQueries.reseal(tx.sql, conn.client_secret, ring.current.id);
        } catch {
          // Unknown key: the call below fails with a reason the admin can act on.
        }
      }
      const attempt = c.lapor_sync_status === 'pending' ? c.lapor_attempts + 1 : c.lapor_attempts;
      await laporQueries.claim(tx.sql, id, attempt, ctx.now, new Date(ctx.now.getTime() + this.tuning.leaseMs));
      return { kind: 'go', c, conn, attempt };
    });
    if (claim.kind === 'skip') return 'skipped';
    const { c, conn, attempt } = claim;
    const protocol = protocolOf(conn.protocol);
    let outcome: LaporOutcome;
    let notes: string[] = [];
    // What the health endpoint shows: whether LAPOR! answered, whatever the answer meant for this complaint.
    let callError: string | null = null;
    try {
      // The name is resolved now and every address checked: a base URL that has come to point inside the network is never called.
      if (!(await resolveTarget(conn.base_url, this.policy))) throw new LaporError('temporary', TARGET_FAILURE, 'TARGET');
      const client = new LaporClient({ baseUrl: conn.base_url, clientId: conn.client_id, clientSecret: this.d.keyring().open(conn.client_secret, sealContext(ctx.tenant.id)), protocol, timeoutMs: this.tuning.timeoutMs });
      if (c.lapor_sync_status === 'pending') ({ outcome, notes } = await this.push(ctx, client, c, attempt, conn));
      else ({ outcome, notes } = await this.pull(ctx, client, c, conn));
    } catch (e) {
      if (!(e instanceof LaporError)) {
        // A secret that no longer opens (key rotated away, row copied) is the admin's to fix.
        ctx.log.warn({ err: e, complaint: id }, 'LAPOR! sync failed');
        outcome = { status: 'failed', error: 'Kredensial LAPOR! tidak dapat dibuka; atur ulang / the LAPOR! credentials cannot be opened; configure them again', next: null };
      } else outcome = this.afterError(ctx, c, e, attempt, conn);
      callError = outcome.error;
    }
    await this.d.uow.write(ctx, async (tx) => {
      const cur = await complaintQueries.load(tx.sql, id, true);
      // Our claim no longer stands (its lease ran out and another attempt took it, or the coordinator settled a conflict): theirs does.
      if (!cur || cur.lapor_mode !== 'api' || cur.lapor_attempted_at?.getTime() !== ctx.now.getTime()) return;
      await this.settle(tx, ctx, cur, outcome, notes);
      await laporQueries.connectionOutcome(tx.sql, callError === null, ctx.now, callError);
      if (outcome.status === 'pending' && outcome.next) this.enqueueAfter(tx, ctx, id, outcome.next);
    });
    ctx.log.info({ complaint: id, status: outcome.status, attempt }, 'LAPOR! sync');
    return outcome.status;
  }

  /** Push: after a first attempt, LAPOR! is asked for our reference before anything is created. */
  private async push(ctx: TenantCtx, client: LaporClient, c: ComplaintRow, attempt: number, conn: LaporConnectionRow): Promise<{ outcome: LaporOutcome; notes: string[] }> {
    const reference = c.lapor_reference ?? laporReference(ctx.tenant.slug, c.tracking_code);
    const found = attempt > 1 || c.lapor_attempted_at !== null ? await client.findByReference(reference) : [];
    if (found.length > 1) return this.conflict(found);
    let rec: { trackingId: string; transactionId: string | null };
    let note: string;
    if (found[0]) {
      rec = found[0];
      note = `SP4N-LAPOR! synced #${rec.trackingId} (ditemukan dengan referensi / found by reference)`;
    } else {
      const who = c.complainant;
      // Anonim: no identity at all; rahasia: not published, and (our rule) no identity either.
      const report: LaporReport = {
        reference, title: c.title, body: c.body, category: c.category, location: c.location, incidentDate: c.incident_date,
        anonymous: c.anonymous, confidential: c.confidential,
        ...(!c.anonymous && !c.confidential && who.name ? { reporter: { name: who.name, ...(who.email ? { email: who.email } : {}), ...(who.phone ? { phone: who.phone } : {}) } } : {}),
      };
      rec = await client.create(report);
      note = `SP4N-LAPOR! synced #${rec.trackingId}`;
    }
    return { outcome: { status: 'synced', error: null, trackingId: rec.trackingId, transactionId: rec.transactionId?.slice(0, 100) ?? null, syncedAt: ctx.now, next: this.nextPull(ctx, conn) }, notes: [note] };
  }

  /** Pull: LAPOR!'s status, disposition and new follow-ups, as internal notes on the thread. */
  private async pull(ctx: TenantCtx, client: LaporClient, c: ComplaintRow, conn: LaporConnectionRow): Promise<{ outcome: LaporOutcome; notes: string[] }> {
    const rec = await client.get(c.lapor_tracking_id!);
    if (rec.reference !== null && c.lapor_reference !== null && rec.reference !== c.lapor_reference) return this.conflict([rec], c.lapor_tracking_id!);
    // LAPOR!'s answer is outside input: its words are bounded before they reach the thread.
    const disposition = rec.disposition?.slice(0, 200) ?? null;
    const notes: string[] = [];
    if (rec.status !== c.lapor_remote_status) notes.push(`SP4N-LAPOR! status: ${rec.rawStatus?.slice(0, 100) ?? '?'} (${rec.status})`);
    if (disposition && disposition !== c.lapor_disposition) notes.push(`SP4N-LAPOR! disposisi ke / dispositioned to: ${disposition}`);
    // At most 20 new follow-ups a pull; the rest come with the next one.
    const fresh = rec.answers.slice(c.lapor_answers, c.lapor_answers + 20);
    for (const a of fresh) notes.push(`SP4N-LAPOR! tindak lanjut / follow-up${a.at ? ` (${a.at.slice(0, 40)})` : ''}: ${a.text.slice(0, 4000)}`);
    return {
      outcome: {
        status: 'synced', error: null, transactionId: rec.transactionId?.slice(0, 100) ?? null, remoteStatus: rec.status, disposition, answers: c.lapor_answers + fresh.length, syncedAt: ctx.now,
        next: TERMINAL.has(rec.status) ? null : this.nextPull(ctx, conn),
      },
      notes,
    };
  }

  private conflict(found: LaporRecord[], ours?: string): { outcome: LaporOutcome; notes: string[] } {
    const ids = found.map((r) => `#${r.trackingId}`).join(', ');
    const error = ours
      ? `LAPOR! #${ours} menyebut referensi lain / names another reference`
      : `LAPOR! menunjukkan ${found.length} laporan untuk referensi ini / shows ${found.length} reports for this reference: ${ids}`;
    return { outcome: { status: 'conflict', error, next: null }, notes: [`SP4N-LAPOR! conflict: ${error}`] };
  }

  private nextPull(ctx: TenantCtx, conn: LaporConnectionRow): Date {
    return new Date(ctx.now.getTime() + conn.pull_minutes * 60_000);
  }

  private afterError(ctx: TenantCtx, c: ComplaintRow, e: LaporError, attempt: number, conn: LaporConnectionRow): LaporOutcome {
    const error = e.message.slice(0, MAX_ERROR);
    if (c.lapor_sync_status === 'synced') {
      // A failed pull leaves the link as it is: retried at the next pull, refused credentials shown as failed.
      if (e.kind === 'auth') return { status: 'failed', error, next: null };
      return { status: 'synced', error, next: this.nextPull(ctx, conn) };
    }
    if (e.kind !== 'temporary') return { status: 'failed', error, next: null };
    if (attempt >= this.tuning.maxAttempts) return { status: 'failed', error: `${error} (${attempt}×)`, next: null };
    const wait = Math.min(this.tuning.backoffBaseMs * 2 ** (attempt - 1), 3_600_000);
    return { status: 'pending', error, next: new Date(ctx.now.getTime() + wait) };
  }

  private async settle(tx: TenantTx, ctx: TenantCtx, c: ComplaintRow, o: LaporOutcome, notes: string[] = []): Promise<void> {
    await laporQueries.outcome(tx.sql, c.id, o, ctx.now);
    const said = notes.length ? notes : o.status !== c.lapor_sync_status || (o.error && o.error !== c.lapor_sync_error) ? [`SP4N-LAPOR! ${o.status}${o.error ? `: ${o.error}` : ''}`] : [];
    for (const body of said) await post(tx, ctx, c, { role: 'system', kind: 'lapor', body, internal: true });
  }

  /** One tenant's due pushes and pulls (the minute job, and a sandbox's advance: nothing goes out). */
  async syncTenant(ctx: TenantCtx): Promise<{ attempted: number }> {
    const due = await this.d.uow.read(ctx, async (tx) => ((await laporQueries.connection(tx.sql))?.enabled || ctx.tenant.sandbox ? laporQueries.due(tx.sql, ctx.now, 50) : []));
    for (const id of due) await this.syncOne(ctx, id);
    return { attempted: due.length };
  }

  async jobContext(job: Pick<JobCtx, 'clock' | 'log'>, region: string, tenantId: string): Promise<TenantUserCtx | undefined> {
    const tenant = (await this.d.tenants.list({ region })).find((t) => t.id === tenantId);
    return tenant && workContext({ clock: job.clock, log: job.log, route: LAPOR_SYNC_JOB, tenant });
  }
}

function configView(r: LaporConnectionRow): LaporConfigOut {
  return {
    enabled: r.enabled,
    baseUrl: r.base_url,
    clientId: r.client_id,
    clientSecretSet: true,
    clientSecretHint: r.secret_hint,
    pullMinutes: r.pull_minutes,
    autoPush: r.auto_push,
    protocol: protocolOf(r.protocol) as unknown as Record<string, unknown>,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The jobs: `lapor.push` (one complaint, after the commit that asked and on each retry) and `lapor.sync` (every minute). */
export function laporJobs(l: LaporConnector, tenants: TenantService): JobSpec[] {
  return [
    {
      name: LAPOR_PUSH_JOB,
      run: async (job, data: { region: string; tenantId?: string; complaintId?: string }) => {
        const ctx = data.tenantId ? await l.jobContext(job, data.region, data.tenantId) : undefined;
        return ctx && data.complaintId ? l.syncOne(ctx, data.complaintId) : 'skipped';
      },
    },
    {
      name: LAPOR_SYNC_JOB,
      cron: '* * * * *',
      run: async (job, { region }) => {
        let attempted = 0;
        for (const tenant of await tenants.list({ region })) {
          const ctx = workContext({ clock: job.clock, log: job.log, route: LAPOR_SYNC_JOB, tenant });
          attempted += (await l.syncTenant(ctx).catch((err: unknown) => (ctx.log.warn({ err }, 'LAPOR! sync pass failed'), { attempted: 0 }))).attempted;
        }
        return { region, attempted };
      },
      forTenant: (ctx) => l.syncTenant(ctx),
    },
  ];
}
