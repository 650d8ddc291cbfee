import { tenantNow } from '../../context.js';
import type { LocalizedText, Tenant } from '@satupintu/core';
import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { JobCtx, JobSpec } from '../../jobs/spec.js';
import type { TenantService } from '../tenants/index.js';
import { retentionQueries, type Purged } from './retention-queries.js';

export const PRIVACY_PURGE_JOB = 'privacy.purge';

const DAY = 86_400_000;
/** Rows per unit of work; a run takes at most MAX_BATCHES of them per rule and tenant (the rest waits for the next hour). */
const BATCH = 500;
const MAX_BATCHES = 40;

/** One line of the retention schedule (docs/privacy.md): what, how long, why. */
export interface RetentionEntry {
  code: string;
  record: LocalizedText;
  /** Days from `from`; null: kept (not purged by the platform). */
  days: number | null;
  from: LocalizedText;
  then: LocalizedText;
  basis: string;
}

/** A line the purge applies: its statement over one batch of one tenant. */
interface PurgeRule extends RetentionEntry {
  days: number;
  /** The periods a regency may set instead of the default (days); absent: fixed by the platform. */
  bounds?: { min: number; max: number };
  run: (sql: Sql, cutoff: Date, ctx: { now: Date; tenantId: string; limit: number }) => Promise<Purged>;
}

const t = (id: string, en: string): LocalizedText => ({ id, en });

const PURGED: PurgeRule[] = [
  {
    code: 'draft-applications',
    bounds: { min: 30, max: 365 },
    record: t('Draf permohonan yang tidak pernah diajukan', 'Application drafts never submitted'),
    days: 90,
    from: t('perubahan terakhir', 'last change'),
    then: t('dihapus beserta berkasnya', 'deleted with their files'),
    basis: 'Platform default. UU 27/2022: data no longer needed for its purpose is deleted — a draft was never sent to an agency, so no service and no arsip depend on it. A draft a complaint names stays while the complaint does.',
    run: (sql, cutoff, c) => retentionQueries.drafts(sql, cutoff, c.limit),
  },
  {
    code: 'unsuccessful-application-documents',
    bounds: { min: 90, max: 3650 },
    record: t('Berkas pendukung permohonan yang ditolak atau dibatalkan', 'Supporting documents of rejected or withdrawn applications'),
    days: 180,
    from: t('penolakan atau pembatalan', 'rejection or withdrawal'),
    then: t('berkas dihapus; catatan permohonan tetap (arsip)', 'files deleted; the application record stays (arsip)'),
    basis: 'Platform default, chosen to outlast the windows to object to or contest the decision. UU 27/2022: deleted once no longer needed. The period for the regency’s own copies is ditetapkan oleh regency (its JRA).',
    run: (sql, cutoff, c) => retentionQueries.closedDocuments(sql, ['rejected', 'withdrawn'], cutoff, c.limit, c.now, c.tenantId),
  },
  {
    code: 'completed-application-documents',
    bounds: { min: 90, max: 3650 },
    record: t('Berkas pendukung permohonan yang selesai', 'Supporting documents of completed applications'),
    days: 365,
    from: t('penyelesaian', 'completion'),
    then: t('berkas dihapus; produk layanan yang diterbitkan dan catatan permohonan tetap (arsip)', 'files deleted; issued outputs and the application record stay (arsip)'),
    basis: 'Platform default. UU 27/2022: the copies served verification and are deleted once no longer needed; the issued output is the record kept as arsip (UU 43/2009 tentang Kearsipan).',
    run: (sql, cutoff, c) => retentionQueries.closedDocuments(sql, ['completed'], cutoff, c.limit, c.now, c.tenantId),
  },
  {
    code: 'complaint-attachments',
    bounds: { min: 180, max: 3650 },
    record: t('Lampiran pengaduan yang selesai atau ditolak', 'Attachments of closed or rejected complaints'),
    days: 365,
    from: t('penutupan', 'closing'),
    then: t('lampiran dihapus; pengaduan dan percakapannya tetap', 'attachments deleted; the complaint and its thread stay'),
    basis: 'Platform default, after the reopen window and follow-up. UU 27/2022: deleted once no longer needed.',
    run: (sql, cutoff, c) => retentionQueries.complaintAttachments(sql, cutoff, c.limit, c.now, c.tenantId),
  },
  {
    code: 'complaint-contacts',
    bounds: { min: 365, max: 3650 },
    record: t('Data kontak pelapor pada pengaduan yang selesai atau ditolak', 'Complainant contact details of closed or rejected complaints'),
    days: 1095,
    from: t('penutupan', 'closing'),
    then: t('nama, telepon, e-mail dan NIK dihapus; pengaduan, percakapan dan statistik tetap', 'name, phone, e-mail and NIK deleted; the complaint, its thread and statistics stay'),
    basis: 'Platform default (three years after closing). UU 27/2022: contact details serve answering the complainant and are deleted once no longer needed; the complaint itself stays as arsip.',
    run: (sql, cutoff, c) => retentionQueries.complaintContacts(sql, cutoff, c.limit, c.now, c.tenantId),
  },
  {
    code: 'webhook-deliveries',
    bounds: { min: 30, max: 365 },
    record: t('Log pengiriman webhook pengaduan', 'Complaint webhook delivery log'),
    days: 90,
    from: t('pengiriman', 'delivery'),
    then: t('dihapus', 'deleted'),
    basis: 'Platform default. An operational log whose payloads repeat complainants’ contact data; 90 days covers diagnosing a failed integration.',
    run: (sql, cutoff, c) => retentionQueries.webhookDeliveries(sql, cutoff, c.limit),
  },
  {
    code: 'bookings',
    bounds: { min: 90, max: 3650 },
    record: t('Nama dan akun pada pemesanan sesi', 'Name and account on session bookings'),
    days: 365,
    from: t('akhir sesi', 'end of the session'),
    then: t('dianonimkan (jumlah dan status tetap untuk statistik)', 'anonymised (counts and statuses stay for statistics)'),
    basis: 'Platform default. UU 27/2022: a served or missed appointment needs no name a year on.',
    run: (sql, cutoff, c) => retentionQueries.bookings(sql, cutoff, c.limit),
  },
  {
    code: 'notices',
    bounds: { min: 30, max: 365 },
    record: t('Pemberitahuan (antrean kirim)', 'Notices (outbox)'),
    days: 90,
    from: t('pembuatan', 'creation'),
    then: t('dihapus', 'deleted'),
    basis: 'Platform default. A notice is a copy of what the record itself says.',
    run: (sql, cutoff, c) => retentionQueries.notices(sql, cutoff, c.limit),
  },
  {
    code: 'survey-tokens',
    record: t('Token survei SKM di pemberitahuan', 'SKM survey tokens in notices'),
    days: 0,
    from: t('pengiriman, jawaban atau kedaluwarsa undangan', 'the notice sent, the invitation answered or expired'),
    then: t('token dihapus dari pemberitahuan', 'token removed from the notice'),
    basis: 'SKM is anonymous (PermenPANRB 14/2017 on SKM): the token would tie an answer to its respondent.',
    run: (sql, _cutoff, c) => retentionQueries.surveyTokens(sql, c.now, c.limit),
  },
  {
    code: 'survey-token-messages',
    record: t('Token survei SKM di pesan terkirim', 'SKM survey tokens in sent messages'),
    days: 0,
    from: t('pesan terkirim atau gagal, jawaban atau kedaluwarsa undangan', 'the message sent or failed, the invitation answered or expired'),
    then: t('token di tautan diganti', 'token in the link replaced'),
    basis: 'SKM is anonymous (PermenPANRB 14/2017 on SKM): a message names its recipient, so it must not keep the token.',
    run: (sql, _cutoff, c) => retentionQueries.surveyTokenMessages(sql, c.now, c.limit),
  },
  {
    code: 'messages',
    bounds: { min: 90, max: 1095 },
    record: t('Pesan ke warga dan log statusnya (WhatsApp, SMS, email)', 'Messages to citizens and their status logs (WhatsApp, SMS, email)'),
    days: 365,
    from: t('pembuatan', 'creation'),
    then: t('dihapus', 'deleted'),
    basis: 'Platform default. UU 27/2022: a number and what was sent to it answer a complaint about a missed message for a year; the application keeps its own timeline.',
    run: (sql, cutoff, c) => retentionQueries.messages(sql, cutoff, c.limit),
  },
  {
    code: 'old-contacts',
    bounds: { min: 0, max: 365 },
    record: t('Nomor/alamat yang diganti atau dicabut', 'Numbers and addresses replaced or withdrawn'),
    days: 30,
    from: t('penggantian atau pencabutan', 'replacement or withdrawal'),
    then: t('dihapus (buku persetujuan hanya menyimpan sidik/digest)', 'deleted (the consent ledger keeps only a digest)'),
    basis: 'Platform default. UU 27/2022: a number no longer used for messages is no longer needed; 30 days covers messages still in flight.',
    run: (sql, cutoff, c) => retentionQueries.oldContacts(sql, cutoff, c.limit),
  },
  {
    code: 'event-deliveries',
    bounds: { min: 30, max: 365 },
    record: t('Log pengiriman event bertanda tangan', 'Signed-event delivery log'),
    days: 90,
    from: t('pengiriman', 'delivery'),
    then: t('dihapus', 'deleted'),
    basis: 'Platform default. An operational log (thin events: ids and codes); 90 days covers diagnosing a failed integration and replaying it.',
    run: (sql, cutoff, c) => retentionQueries.eventDeliveries(sql, cutoff, c.limit),
  },
  {
    code: 'survey-invitations',
    record: t('Akun pada undangan SKM', 'Account on SKM invitations'),
    days: 0,
    from: t('jawaban atau kedaluwarsa undangan', 'the invitation answered or expired'),
    then: t('tautan ke akun dihapus', 'link to the account removed'),
    basis: 'SKM is anonymous (PermenPANRB 14/2017 on SKM); UU 27/2022: deleted once no longer needed.',
    run: (sql, _cutoff, c) => retentionQueries.surveyInvitations(sql, c.now, c.limit),
  },
  {
    code: 'access-log',
    bounds: { min: 730, max: 3650 },
    record: t('Log akses data pribadi', 'Personal data access log'),
    days: 730,
    from: t('akses', 'the read'),
    then: t('dihapus', 'deleted'),
    basis: 'Platform default. UU 27/2022 (recording processing; the person’s right to know who used their data and why): two years to ask and to investigate; the log is itself personal data of staff and persons.',
    run: (sql, cutoff, c) => retentionQueries.accessLog(sql, cutoff, c.limit),
  },
];

const KEPT: RetentionEntry[] = [
  {
    code: 'application-records',
    record: t('Catatan permohonan yang diajukan (data formulir, riwayat)', 'Submitted application records (form data, timeline)'),
    days: null,
    from: t('pengajuan', 'submission'),
    then: t('disimpan sebagai arsip; pemusnahan hanya menurut JRA tenant', 'kept as arsip; destroyed only under the tenant’s JRA'),
    basis: 'UU 43/2009 tentang Kearsipan: arsip is destroyed only under the agency’s retention schedule (JRA) and its procedure — ditetapkan oleh regency; the platform destroys none of it on its own.',
  },
  {
    code: 'issued-outputs',
    record: t('Produk layanan yang diterbitkan', 'Issued outputs'),
    days: null,
    from: t('penerbitan', 'issue'),
    then: t('disimpan (arsip)', 'kept (arsip)'),
    basis: 'UU 43/2009 tentang Kearsipan (the period is the regency’s JRA — ditetapkan oleh regency). Later services take them as journey sources.',
  },
  {
    code: 'consent-scans',
    record: t('Pindaian persetujuan pengajuan yang dibantu', 'Scans of the signed consent for assisted filing'),
    days: null,
    from: t('pengajuan', 'filing'),
    then: t('disimpan bersama permohonan yang disetujuinya', 'kept with the application it authorises'),
    basis: 'UU 27/2022 Pasal 24: the controller must show proof of the consent it relied on for as long as it processes on it; a deleted draft takes its scans along (issue 23).',
  },
  {
    code: 'complaint-records',
    record: t('Pengaduan dan percakapannya', 'Complaints and their threads'),
    days: null,
    from: t('pengajuan', 'filing'),
    then: t('disimpan (arsip SP4N-LAPOR!)', 'kept (SP4N-LAPOR! arsip)'),
    basis: 'Complaint handling records of SP4N-LAPOR!; kept as arsip under UU 43/2009 tentang Kearsipan (period ditetapkan oleh regency, JRA). Attachments go by the line above.',
  },
  {
    code: 'skm-responses',
    record: t('Jawaban SKM', 'SKM answers'),
    days: null,
    from: t('jawaban', 'answer'),
    then: t('disimpan; anonim sejak awal (tanpa akun, tanpa permohonan)', 'kept; anonymous by design (no account, no application)'),
    basis: 'Anonymous by construction (PermenPANRB 14/2017 on SKM): nothing ties an answer to a person.',
  },
  {
    code: 'idempotency-keys',
    record: t('Rekaman Idempotency-Key', 'Idempotency-Key records'),
    days: 1,
    from: t('permintaan', 'the request'),
    then: t('dihapus (tugas idempotency-purge)', 'deleted (the idempotency-purge job)'),
    basis: 'docs/adr/0020-http-contract.md: a key answers retries for 24 hours.',
  },
];

/** The platform's schedule: what the purge removes, then what it keeps (defaults; a regency may set its own periods). */
export const RETENTION_SCHEDULE: readonly RetentionEntry[] = [...PURGED.map(({ run: _run, bounds: _b, ...e }) => e), ...KEPT];

/** A regency's own period for one line (ditetapkan oleh regency), as stored. */
export interface RetentionOverride {
  code: string;
  days: number;
  basis: string;
  version: number;
  updated_by: string;
  updated_at: Date;
}

/** One line of a tenant's schedule as it applies: the regency's period where it set one, else the platform's. */
export interface RetentionLineView extends RetentionEntry {
  defaultDays: number | null;
  setBy: 'platform' | 'regency';
  decree: string | null;
  bounds: { min: number; max: number } | null;
  version: number | null;
}

/** The rule a code names, if the purge applies it (undefined for kept records). */
export function purgeRule(code: string): { bounds?: { min: number; max: number } } | undefined {
  return PURGED.find((r) => r.code === code);
}

/** Whether `code` names any line of the schedule. */
export function isRetentionCode(code: string): boolean {
  return RETENTION_SCHEDULE.some((e) => e.code === code);
}

/** The tenant's schedule: each line with its effective period and who set it. */
export function effectiveSchedule(overrides: readonly RetentionOverride[]): RetentionLineView[] {
  const by = new Map(overrides.map((o) => [o.code, o]));
  return [
    ...PURGED.map(({ run: _run, bounds, ...e }) => {
      const o = bounds ? by.get(e.code) : undefined;
      return { ...e, days: o?.days ?? e.days, defaultDays: e.days, setBy: o ? ('regency' as const) : ('platform' as const), decree: o?.basis ?? null, bounds: bounds ?? null, version: o?.version ?? null };
    }),
    ...KEPT.map((e) => ({ ...e, defaultDays: e.days, setBy: 'platform' as const, decree: null, bounds: null, version: null })),
  ];
}

export interface PurgeReport {
  region: string;
  tenants: number;
  purged: Record<string, number>;
  files: number;
  failed: number;
}

/**
 * Applies the schedule to one tenant: each rule in units of work of BATCH rows, an audit event
 * per batch, the batch's objects deleted from the bucket after its commit (what fails there is
 * an orphan the reconcilers remove). A rule that fails is logged and retried on the next run.
 */
export async function purgeTenant(deps: { uow: UnitOfWork; store: ObjectStore }, jobAt: Pick<JobCtx, 'now' | 'log'>, tenant: Tenant, report: PurgeReport): Promise<void> {
  // Periods count on the tenant's clock (a sandbox's own: ADR 0031).
  const job = { ...jobAt, now: tenantNow(jobAt.now, tenant) };
  const scope = { tenant, now: job.now, log: job.log };
  // The regency's own periods, where it set them (only within the rule's bounds: the table's rows were checked on the way in).
  const overrides = new Map((await deps.uow.read(scope, (tx) => retentionQueries.overrides(tx.sql))).map((o) => [o.code, o.days]));
  for (const rule of PURGED) {
    const days = rule.bounds ? Math.min(Math.max(overrides.get(rule.code) ?? rule.days, rule.bounds.min), rule.bounds.max) : rule.days;
    const cutoff = new Date(job.now.getTime() - days * DAY);
    try {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const done = await deps.uow.write(scope, async (tx) => {
          const p = await rule.run(tx.sql, cutoff, { now: job.now, tenantId: tenant.id, limit: BATCH });
          if (p.rows) await recordAudit(tx, { actor: 'system', action: 'privacy.retention.purged', subject: `retention:${rule.code}`, data: { rows: p.rows, files: p.keys.length, before: cutoff.toISOString() } });
          if (p.keys.length)
            tx.afterCommit(async () => {
              for (const key of p.keys) await deps.store.delete(tenant.homeRegion, key).catch((err: unknown) => job.log.warn({ err, key }, 'purged object left for the reconciler'));
            });
          return p;
        });
        report.purged[rule.code] = (report.purged[rule.code] ?? 0) + done.rows;
        report.files += done.keys.length;
        if (done.rows < BATCH) break;
      }
    } catch (err) {
      report.failed++;
      job.log.warn({ err, tenant: tenant.slug, rule: rule.code }, 'retention rule failed; retried on the next run');
    }
  }
}

/** The purge: every hour, per region, per tenant of the region (or one tenant: `tenantId`, for tests and operators). */
export function purgeJob(deps: { uow: UnitOfWork; store: ObjectStore; tenants: TenantService }): JobSpec<{ tenantId?: string }> {
  return {
    name: PRIVACY_PURGE_JOB,
    cron: '41 * * * *',
    run: async (job, { region, tenantId }) => {
      const report: PurgeReport = { region, tenants: 0, purged: {}, files: 0, failed: 0 };
      const tenants = (await deps.tenants.list({ region })).filter((x) => !tenantId || x.id === tenantId);
      for (const tenant of tenants) {
        report.tenants++;
        await purgeTenant(deps, job, tenant, report);
      }
      const total = Object.values(report.purged).reduce((a, b) => a + b, 0);
      if (total || report.failed) job.log.info({ ...report }, 'retention schedule applied');
      return report;
    },
  };
}
