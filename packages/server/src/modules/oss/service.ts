import { createHash, timingSafeEqual } from 'node:crypto';
import { localDate, type Tenant } from '@satupintu/core';
import { OSS_PIA_VERSION, OssClient, OssError, type OssFinalLicense, type OssLicenseStatus, type OssNibData, type OssProject } from '@satupintu/connectors';
import { recordAudit, type TenantTx, type UnitOfWork } from '@satupintu/db';
import type { OssServiceMapping, ServiceDefinition } from '@satupintu/plugin-sdk';
import { newId } from '@satupintu/core';
import { workContext, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { ApplicationMoment } from '../../kernel.js';
import type { JobCtx, JobSender } from '../../jobs/spec.js';
import type { DataKeyring } from '../../secrets.js';
import { etagOf } from '../../preconditions.js';
import type { ApplicationService } from '../applications/index.js';
import { resolveTarget, TARGET_FAILURE, urlRefusal, type TargetPolicy } from '../events/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { endpointRefused, inboundInvalid, inboundNotConfigured, inboundUnauthorized, nibNotFound, ossNotConfigured, ossNotDraft, ossNotMapped, ossSandbox, ossUnavailable, ossUserKeyMissing, projectNotFound } from './errors.js';
import { ossQueries, type ConnectionRow, type LinkRow, type PushRow } from './queries.js';

export const OSS_PUSH_JOB = 'oss.push';
export const OSS_SWEEP_JOB = 'oss.sweep';

/** Attempts before a push that keeps failing is given up (then `failed`, shown to the admin). */
const MAX_ATTEMPTS = 12;
const LEASE_MS = 60_000;

export interface ConnectionInput {
  enabled: boolean;
  endpoint: string;
  userKey?: string;
  kdInstansi?: string | null;
  signer?: { name: string; nip: string; position: string } | null;
  inbound?: { username: string; password?: string } | null;
}

interface Deps {
  uow: UnitOfWork;
  jobs: JobSender;
  registry: PluginRegistry;
  apps: ApplicationService;
  tenants: TenantService;
  keyring: () => DataKeyring;
  publicUrl: string;
  env: 'development' | 'production';
}

const sealContext = (tenantId: string, name: string) => `oss:${tenantId}:${name}`;

/** The receiveNIB fields stored (business and permits; no person). */
const RECEIVED_NIB_FIELDS = new Set(['nib', 'oss_id', 'id_izin', 'kd_izin', 'tgl_pengajuan_nib', 'tgl_terbit_nib', 'tgl_perubahan_nib', 'tipe_dokumen', 'jenis_pelaku_usaha', 'nama_perseroan', 'npwp_perseroan', 'jenis_perseroan', 'status_penanaman_modal', 'skala_usaha', 'flag_umk', 'status_nib', 'kd_daerah', 'kewenangan', 'data_proyek', 'data_checklist']);

/** `YYYY-MM-DD HH:MM:SS` in the tenant's time zone (PIA tgl_status). */
function localStamp(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

/** The tenant's Kemendagri code as OSS's 10-character kd_daerah (`32.17` → `3217000000`, Permendagri 72/2019). */
export const kdDaerahOf = (code: string) => code.replace(/\D/g, '').padEnd(10, '0').slice(0, 10);

/** A `dataNIB` dot path (`penanggung_jwb.0.nama_penanggung_jwb`; `proyek.` the chosen project). */
function pick(data: OssNibData, project: OssProject | undefined, path: string): unknown {
  const [head, ...rest] = path.split('.');
  let v: unknown = head === 'proyek' ? project : (data as Record<string, unknown>)[head!];
  for (const k of rest) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(k)] : (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The form values an NIB lookup fills (only present, non-empty values; numbers as strings where the form wants text). */
export function prefill(mapping: OssServiceMapping, data: OssNibData, project: OssProject | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [fieldName, path] of Object.entries(mapping.prefill)) {
    const v = pick(data, project, path);
    if (typeof v === 'string' && v.trim() !== '') out[fieldName] = v.trim();
    else if (typeof v === 'number') out[fieldName] = String(v);
  }
  return out;
}

/**
 * OSS-RBA for a regency's DPMPTSP (docs/oss.md, ADR 0039): the connection (sealed user_key), the
 * NIB lookup that fills a draft and records its OSS identity as first-class fields, the status and
 * final-permit pushes queued in the moving transaction and sent in order with back-off, and the
 * receiveNIB inbox.
 */
export class OssService {
  private backoffScale = 1;
  private timeoutMs = 15_000;
  /** Where OSS may be (SSRF defence, as signed events: docs/security.md): public addresses; https in production. */
  private readonly policy: TargetPolicy;

  constructor(private readonly d: Deps) {
    this.policy = { env: d.env, allowLoopback: false };
  }

  /** Tests: shorter back-off and timeouts; loopback endpoints (a local stand-in; never in production). */
  tune(o: { backoffScale?: number; timeoutMs?: number; allowLoopback?: boolean }): void {
    if (o.backoffScale !== undefined) this.backoffScale = o.backoffScale;
    if (o.timeoutMs !== undefined) this.timeoutMs = o.timeoutMs;
    if (o.allowLoopback !== undefined) this.policy.allowLoopback = o.allowLoopback;
  }

  private inboundUrl(t: Tenant): string {
    return `${this.d.publicUrl.replace(/\/+$/, '')}/api/v1/tenants/${t.slug}/oss/receiveNIB`;
  }

  /** A client for the configured endpoint, once the endpoint's name resolves only to allowed addresses (checked at each use, not only when configured). */
  private async client(ctx: TenantCtx, c: ConnectionRow): Promise<OssClient> {
    if (!(await resolveTarget(c.endpoint, this.policy))) throw new OssError('temporary', TARGET_FAILURE, 'TARGET');
    return new OssClient({ endpoint: c.endpoint, userKey: this.d.keyring().open(c.user_key, sealContext(ctx.tenant.id, 'userKey')), timeoutMs: this.timeoutMs });
  }

  // ---- connection -------------------------------------------------------------------------------

  async connection(ctx: TenantCtx) {
    return this.d.uow.read(ctx, async (tx) => this.connectionView(ctx, await ossQueries.connection(tx.sql), await ossQueries.counts(tx.sql)));
  }

  private connectionView(ctx: TenantCtx, c: ConnectionRow | undefined, n: { pending: number; failed: number; sent: number; inbox: number }) {
    return {
      configured: Boolean(c),
      enabled: c?.enabled ?? false,
      sandbox: Boolean(ctx.tenant.sandbox),
      piaVersion: OSS_PIA_VERSION,
      endpoint: c?.endpoint ?? null,
      userKeySet: Boolean(c?.user_key),
      kdInstansi: c?.kd_instansi ?? null,
      signer: c?.signer ?? null,
      inbound: c?.inbound_username ? { url: this.inboundUrl(ctx.tenant), username: c.inbound_username, passwordSet: Boolean(c.inbound_password) } : null,
      lastSuccessAt: c?.last_success_at?.toISOString() ?? null,
      lastErrorAt: c?.last_error_at?.toISOString() ?? null,
      lastError: c?.last_error ?? null,
      pending: n.pending,
      failed: n.failed,
      sent: n.sent,
      inboxPending: n.inbox,
    };
  }

  /** Replaces the connection; secrets sealed, never answered; a secret left out keeps its sealed value. */
  async configure(ctx: TenantUserCtx, input: ConnectionInput) {
    const refusal = urlRefusal(input.endpoint, this.policy);
    if (refusal) throw endpointRefused(refusal);
    return this.d.uow.write(ctx, async (tx) => {
      const before = await ossQueries.connection(tx.sql);
      const ring = this.d.keyring();
      const userKey = input.userKey ? ring.seal(input.userKey, sealContext(ctx.tenant.id, 'userKey')) : before?.user_key;
      if (!userKey) throw ossUserKeyMissing();
      const inbound = input.inbound === undefined ? (before?.inbound_username ? { username: before.inbound_username, password: before.inbound_password } : null) : input.inbound;
      const password = inbound && input.inbound?.password ? ring.seal(input.inbound.password, sealContext(ctx.tenant.id, 'inboundPassword')) : (inbound?.password ?? null);
      await ossQueries.saveConnection(
        tx.sql,
        ctx.tenant.id,
        {
          enabled: input.enabled,
          endpoint: input.endpoint,
          user_key: userKey,
          kd_instansi: input.kdInstansi === undefined ? (before?.kd_instansi ?? null) : input.kdInstansi,
          signer: input.signer === undefined ? (before?.signer ?? null) : input.signer,
          inbound_username: inbound?.username ?? null,
          inbound_password: inbound ? password : null,
        },
        ctx.now,
      );
      await recordAudit(tx, { actor: ctx.identity.username || ctx.identity.subject, action: 'oss.connection.configured', subject: 'oss', data: { enabled: input.enabled, endpoint: input.endpoint, userKeyChanged: Boolean(input.userKey), inbound: Boolean(inbound) } });
      return this.connectionView(ctx, await ossQueries.connection(tx.sql), await ossQueries.counts(tx.sql));
    });
  }

  private async record(ctx: TenantCtx, ok: boolean, error?: string): Promise<void> {
    await this.d.uow.write(ctx, (tx) => ossQueries.outcome(tx.sql, ok, ctx.now, error));
  }

  // ---- NIB lookup -------------------------------------------------------------------------------

  /**
   * Looks the NIB up in OSS (inqueryNIB) and fills the draft's mapped form fields, storing the
   * application's OSS identity (NIB, OSS id, project, permit id, KBLI, scale, risk) in the same
   * transaction as the form. Only whoever may write the draft may; OSS is called outside any
   * transaction; a sandbox never calls it.
   */
  async lookup(ctx: TenantUserCtx, applicationId: string, nib: string, idProyek?: string) {
    const view = await this.d.apps.get(ctx, applicationId);
    if (view.status !== 'draft') throw ossNotDraft();
    const service = await this.serviceOf(view.service.plugin, view.service.version, view.service.id);
    const mapping = service.oss;
    if (!mapping) throw ossNotMapped();
    if (ctx.tenant.sandbox) throw ossSandbox();
    const conn = await this.d.uow.read(ctx, (tx) => ossQueries.connection(tx.sql));
    if (!conn?.enabled) throw ossNotConfigured();
    let data: OssNibData;
    try {
      data = await (await this.client(ctx, conn)).inqueryNib(nib);
    } catch (err) {
      if (!(err instanceof OssError)) throw err;
      if (err.kind === 'not-found') {
        await this.record(ctx, true);
        throw nibNotFound();
      }
      await this.record(ctx, false, `inqueryNIB ${err.code}: ${err.message}`);
      throw ossUnavailable(err.code);
    }
    const projects = data.data_proyek ?? [];
    const project = idProyek ? projects.find((p) => p.id_proyek === idProyek) : projects[0];
    if (idProyek && !project) throw projectNotFound();
    // The permit this application processes: the checklist item of the plugin's kode izin; without one declared, the one item under the regency's authority (kewenangan 02), if only one.
    const checklist = data.data_checklist ?? [];
    const regency = checklist.filter((c) => c.kewenangan === '02');
    const item = mapping.kdIzin ? checklist.find((c) => c.kd_izin === mapping.kdIzin) : regency.length === 1 ? regency[0] : undefined;
    const fills = prefill(mapping, data, project);
    const kbli = [...new Set([project?.kbli, ...projects.map((p) => p.kbli)].filter((k): k is string => typeof k === 'string' && /^\d{5}$/.test(k)))];
    const link: LinkRow = {
      application_id: applicationId,
      nib: data.nib,
      oss_id: data.oss_id || null,
      id_proyek: project?.id_proyek ?? null,
      id_izin: item?.id_izin ?? null,
      kd_izin: item?.kd_izin ?? mapping.kdIzin ?? null,
      kbli,
      skala_usaha: project?.skala_usaha ?? data.skala_usaha ?? null,
      skala_resiko: project?.skala_resiko ?? null,
      kd_daerah: kdDaerahOf(ctx.tenant.code),
      nama_perseroan: data.nama_perseroan ?? null,
      looked_up_at: ctx.now,
      permit_number: null,
    };
    const updated = await this.d.apps.updateDraft(ctx, applicationId, { ...view.data, ...fills }, { ifMatch: etagOf(view.version) }, async (tx) => {
      await ossQueries.saveLink(tx.sql, ctx.tenant.id, link);
      await ossQueries.outcome(tx.sql, true, ctx.now);
      await recordAudit(tx, { actor: ctx.identity.username || ctx.identity.subject, action: 'oss.nib.looked-up', subject: applicationId, data: { fields: Object.keys(fills) } });
    });
    return { filled: Object.keys(fills), version: updated.version, oss: await this.link(ctx, applicationId) };
  }

  private async serviceOf(plugin: string, version: string, id: string): Promise<ServiceDefinition> {
    const code = id.startsWith(`${plugin}.`) ? id.slice(plugin.length + 1) : id;
    return (await this.d.apps.definition({ plugin_id: plugin, plugin_version: version, service_code: code })).service;
  }

  /** The application's OSS identity and its pushes (to whoever may see the application). */
  async link(ctx: TenantUserCtx, applicationId: string) {
    await this.d.apps.recipientOf(ctx, applicationId); // 404 to whoever may not see it; a staff look is logged
    return this.d.uow.read(ctx, async (tx) => {
      const l = await ossQueries.link(tx.sql, applicationId);
      if (!l) throw ossNotMapped();
      const pushes = await ossQueries.pushesOf(tx.sql, applicationId);
      return {
        applicationId: l.application_id,
        nib: l.nib,
        ossId: l.oss_id,
        idProyek: l.id_proyek,
        idIzin: l.id_izin,
        kdIzin: l.kd_izin,
        kbli: l.kbli,
        skalaUsaha: l.skala_usaha,
        skalaResiko: l.skala_resiko,
        kdDaerah: l.kd_daerah,
        namaPerseroan: l.nama_perseroan,
        permitNumber: l.permit_number,
        lookedUpAt: l.looked_up_at.toISOString(),
        pushes: pushes.map((p: PushRow) => ({ seq: p.seq, method: p.method, kdStatus: p.kd_status, status: p.status, attempts: p.attempts, lastError: p.last_error, sentAt: p.sent_at?.toISOString() ?? null, createdAt: p.created_at.toISOString() })),
      };
    });
  }

  // ---- status pushes (queued in the moving transaction) -----------------------------------------

  /** application.submitted: the initial state's status. */
  async onSubmitted(tx: TenantTx, tenant: Tenant, e: ApplicationMoment): Promise<void> {
    const ctx = await this.prepare(tx, e);
    if (!ctx) return;
    const initial = ctx.service.sop.initial;
    const code = ctx.mapping.status[initial];
    if (code) await this.queueStatus(tx, tenant, ctx.link, e, code, ctx.service, initial, '');
  }

  /**
   * application.moved: entering a state where the SOP waits on the applicant pushes `pause` (the
   * SLA clock stops, as ours does: such a state has no step clock); leaving it pushes `resume`, then
   * the new state's status. Completion pushes the final permit (receiveLicense) after its status.
   */
  async onMoved(tx: TenantTx, tenant: Tenant, e: ApplicationMoment & { from: string; to: string; status: string; comment: string | null }): Promise<void> {
    if (e.from === e.to) return;
    const ctx = await this.prepare(tx, e);
    if (!ctx) return;
    const waits = (s: string) => ctx.service.sop.states[s]?.actor === 'citizen';
    const note = e.comment ?? '';
    if (waits(e.to) && !waits(e.from)) await this.queueStatus(tx, tenant, ctx.link, e, ctx.mapping.pause, ctx.service, e.to, note);
    else {
      // Resumed only when processing goes on (a withdrawal from the applicant's hands ends it: no resume).
      if (waits(e.from) && !waits(e.to) && !ctx.service.sop.states[e.to]?.terminal) await this.queueStatus(tx, tenant, ctx.link, e, ctx.mapping.resume, ctx.service, e.to, '');
      const code = ctx.mapping.status[e.to];
      if (code) await this.queueStatus(tx, tenant, ctx.link, e, code, ctx.service, e.to, note);
    }
    if (e.status === 'completed') {
      const local = localDate(tx.now, tenant.timeZone);
      const final = {
        nib: ctx.link.nib,
        id_proyek: ctx.link.id_proyek ?? '',
        oss_id: ctx.link.oss_id ?? '',
        id_izin: ctx.link.id_izin ?? '',
        kd_izin: ctx.link.kd_izin ?? '',
        kd_daerah: ctx.link.kd_daerah ?? kdDaerahOf(tenant.code),
        nomor_izin: e.trackingCode,
        tgl_terbit_izin: local,
        tgl_berlaku_izin: '',
        nama_ttd: '',
        nip_ttd: '',
        jabatan_ttd: '',
        status_izin: ctx.mapping.status[e.to] ?? '50',
        keterangan: '',
      };
      await ossQueries.queue(tx.sql, tx.tenantId, { id: newId(), applicationId: e.applicationId, method: 'receiveLicense', dedupeKey: `${e.applicationId}:receiveLicense`, kdStatus: final.status_izin, payload: final, at: tx.now });
    }
    tx.afterCommit(() => this.d.jobs.send(tenant.homeRegion, OSS_PUSH_JOB, { tenantId: tenant.id }));
  }

  private async prepare(tx: TenantTx, e: ApplicationMoment): Promise<{ link: LinkRow; mapping: OssServiceMapping; service: ServiceDefinition } | undefined> {
    const link = await ossQueries.link(tx.sql, e.applicationId);
    if (!link) return undefined;
    const def = await this.d.registry.service(e.pluginId, e.pluginVersion, e.serviceCode);
    const mapping = def?.service.oss;
    return def && mapping ? { link, mapping, service: def.service } : undefined;
  }

  private async queueStatus(tx: TenantTx, tenant: Tenant, link: LinkRow, e: ApplicationMoment, code: string, service: ServiceDefinition, state: string, note: string): Promise<void> {
    const payload = {
      nib: link.nib,
      id_produk: '',
      id_proyek: link.id_proyek ?? '',
      oss_id: link.oss_id ?? '',
      id_izin: link.id_izin ?? '',
      kd_izin: link.kd_izin ?? '',
      kd_instansi: '',
      kd_status: code,
      tgl_status: localStamp(tx.now, tenant.timeZone),
      nip_status: '',
      nama_status: service.sop.states[state]?.name.id ?? state,
      keterangan: note.slice(0, 1000),
    };
    const id = newId();
    await ossQueries.queue(tx.sql, tx.tenantId, { id, applicationId: e.applicationId, method: 'receiveLicenseStatus', dedupeKey: `${e.applicationId}:${id}`, kdStatus: code, payload, at: tx.now });
    tx.afterCommit(() => this.d.jobs.send(tenant.homeRegion, OSS_PUSH_JOB, { tenantId: tenant.id }));
  }

  // ---- sending ----------------------------------------------------------------------------------

  /**
   * Sends what is due for one tenant, in order per application: each push leased, sent outside any
   * transaction, then settled (sent; retried later with exponential back-off; failed after
   * MAX_ATTEMPTS or when OSS refuses our data). A sandbox never calls out: its pushes are skipped.
   */
  async push(ctx: TenantCtx): Promise<{ sent: number; retried: number; failed: number; skipped: number }> {
    const r = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    if (ctx.tenant.sandbox) {
      r.skipped = await this.d.uow.write(ctx, (tx) => ossQueries.skipAll(tx.sql, ctx.now));
      return r;
    }
    for (let round = 0; round < 50; round++) {
      const { conn, batch } = await this.d.uow.write(ctx, async (tx) => {
        const c = await ossQueries.connection(tx.sql);
        if (!c?.enabled) return { conn: c, batch: [] as PushRow[] };
        return { conn: c, batch: await ossQueries.claim(tx.sql, ctx.now, new Date(ctx.now.getTime() + LEASE_MS), 20) };
      });
      if (!conn || batch.length === 0) break;
      let retryAt: Date | undefined;
      for (const p of batch) {
        try {
          const client = await this.client(ctx, conn);
          let permit: string | null = null;
          if (p.method === 'receiveLicenseStatus') await client.receiveLicenseStatus({ ...(p.payload as unknown as OssLicenseStatus), kd_instansi: conn.kd_instansi ?? '' });
          else {
            const s = conn.signer;
            permit = (await client.receiveLicense({ ...(p.payload as unknown as OssFinalLicense), nama_ttd: s?.name ?? '', nip_ttd: s?.nip ?? '', jabatan_ttd: s?.position ?? '' })).nomorIzin;
          }
          await this.d.uow.write(ctx, async (tx) => {
            await ossQueries.settle(tx.sql, p.id, { status: 'sent', at: ctx.now });
            if (p.method === 'receiveLicense') await ossQueries.permitNumber(tx.sql, p.application_id, permit ?? String(p.payload['nomor_izin']));
            await ossQueries.outcome(tx.sql, true, ctx.now);
          });
          r.sent++;
        } catch (err) {
          if (!(err instanceof OssError)) throw err;
          const error = `${p.method} ${err.code}: ${err.message}`;
          const giveUp = err.kind !== 'temporary' || p.attempts >= MAX_ATTEMPTS;
          const at = new Date(ctx.now.getTime() + this.backoffMs(p.attempts));
          await this.d.uow.write(ctx, async (tx) => {
            await ossQueries.settle(tx.sql, p.id, giveUp ? { status: 'failed', at: ctx.now, error } : { status: 'pending', at: ctx.now, error, retryAt: at });
            await ossQueries.outcome(tx.sql, false, ctx.now, error);
          });
          if (giveUp) r.failed++;
          else {
            r.retried++;
            retryAt = retryAt && retryAt < at ? retryAt : at;
          }
          ctx.log.warn({ method: p.method, code: err.code, attempt: p.attempts }, 'oss push failed');
        }
      }
      if (retryAt) await this.d.jobs.send(ctx.tenant.homeRegion, OSS_PUSH_JOB, { tenantId: ctx.tenant.id }, { startAfter: retryAt });
    }
    return r;
  }

  /** 30 s, 1 min, 2 min … capped at 1 h (times the test scale). */
  private backoffMs(attempts: number): number {
    return Math.round(Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1)) * this.backoffScale);
  }

  async jobContext(job: JobCtx, region: string, tenantId: string): Promise<TenantUserCtx | undefined> {
    const tenant = (await this.d.tenants.list({ region })).find((t) => t.id === tenantId);
    return tenant && workContext({ clock: job.clock, log: job.log, route: OSS_PUSH_JOB, tenant });
  }

  async sweepRegion(job: JobCtx, region: string): Promise<number> {
    let sent = 0;
    for (const tenant of await this.d.tenants.list({ region })) sent += (await this.push(workContext({ clock: job.clock, log: job.log, route: OSS_SWEEP_JOB, tenant }))).sent;
    return sent;
  }

  // ---- receiveNIB (OSS → the regency) -----------------------------------------------------------

  /** OSS pushes an NIB and its permit checklist: authenticated by HTTP Basic (PIA), idempotent on NIB + OSS id + id_izin. */
  async receiveNib(ctx: TenantCtx, raw: Buffer, authorization: string | undefined) {
    const conn = await this.d.uow.read(ctx, (tx) => ossQueries.connection(tx.sql));
    if (!conn?.inbound_username || !conn.inbound_password) throw inboundNotConfigured();
    const expected = `${conn.inbound_username}:${this.d.keyring().open(conn.inbound_password, sealContext(ctx.tenant.id, 'inboundPassword'))}`;
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
    const given = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
    const digest = (s: string) => createHash('sha256').update(s).digest();
    if (!timingSafeEqual(digest(given), digest(expected))) throw inboundUnauthorized();
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw inboundInvalid('');
    }
    const d = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['dataNIB'] : undefined;
    if (typeof d !== 'object' || d === null) throw inboundInvalid('/dataNIB');
    const data = d as Record<string, unknown>;
    if (typeof data['nib'] !== 'string' || !/^\d{13}$/.test(data['nib'])) throw inboundInvalid('/dataNIB/nib');
    if (typeof data['oss_id'] !== 'string' || !data['oss_id'] || data['oss_id'].length > 40) throw inboundInvalid('/dataNIB/oss_id');
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 40) : '');
    // Kept: the business and its permits. Not kept: the people OSS sends along (penanggung jawab, shareholders, their NIKs) — the DPMPTSP needs the checklist, not them (UU 27/2022, data minimisation).
    const kept = Object.fromEntries(Object.entries(data).filter(([k]) => RECEIVED_NIB_FIELDS.has(k)));
    return this.d.uow.write(ctx, async (tx) => {
      const r = await ossQueries.receive(tx.sql, ctx.tenant.id, { id: newId(), nib: data['nib'] as string, ossId: data['oss_id'] as string, idIzin: str(data['id_izin']), kdIzin: str(data['kd_izin']) || null, payload: kept, at: ctx.now });
      if (r.created) await recordAudit(tx, { actor: 'oss', action: 'oss.nib.received', subject: r.id, data: { nib: data['nib'] } });
      return { responreceiveNIB: { status: '1' as const, keterangan: 'Berhasil menyimpan data' } };
    });
  }

  async inbox(ctx: TenantCtx) {
    return this.d.uow.read(ctx, async (tx) => ({
      items: (await ossQueries.inbox(tx.sql)).map((r) => {
        const checklist = Array.isArray(r.payload['data_checklist']) ? (r.payload['data_checklist'] as Record<string, unknown>[]) : [];
        return {
          id: r.id,
          nib: r.nib,
          ossId: r.oss_id,
          idIzin: r.id_izin,
          kdIzin: r.kd_izin,
          namaPerseroan: typeof r.payload['nama_perseroan'] === 'string' ? r.payload['nama_perseroan'] : null,
          checklist: checklist.filter((c) => typeof c?.['id_izin'] === 'string').map((c) => ({ idIzin: String(c['id_izin']), kdIzin: String(c['kd_izin'] ?? ''), namaIzin: typeof c['nama_izin'] === 'string' ? c['nama_izin'] : null })),
          receivedAt: r.received_at.toISOString(),
          status: r.status,
        };
      }),
    }));
  }
}
