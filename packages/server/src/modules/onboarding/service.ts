import semver from 'semver';
import {
  SERVING_STATUSES,
  commitmentDeadline,
  daysBetween,
  lifecycleMove,
  localDate,
  type LocalizedText,
  type MppStatus,
  type Tenant,
} from '@satupintu/core';
import { recordAudit, TenantEntity, withTenant, type Databases } from '@satupintu/db';
import { applyOverlay, standardComponents, type ServiceOverlay } from '@satupintu/plugin-sdk';
import type { EntityManager } from 'typeorm';
import type { InstallationService } from '../installations/service.js';
import { notInstalled, serviceNotFound } from '../installations/errors.js';
import type { PluginRegistry } from '../plugins/service.js';
import { toTenant, type PopulateTenant, type TenantService } from '../tenants/service.js';
import { agencyNotJoined, lifecycleDateInvalid, lifecycleMoveInvalid, lifecycleNoteRequired, noModelTenant, standardIncomplete, standardNotPublished } from './errors.js';

export interface LifecycleMoveInput {
  to: MppStatus;
  /** Effective date (YYYY-MM-DD, tenant-local); today when absent. */
  on?: string;
  note?: string;
}

export interface AgencyInput {
  name: string;
  mouNumber: string;
  mouSignedOn: string;
  plannedServices: number;
}

export interface MaklumatInput {
  text: string;
  signedBy: string;
  signedOn: string;
}

export interface DecreeInput {
  kind: 'formation-team' | 'mpp-establishment' | 'service-standards' | 'maklumat' | 'other';
  number: string;
  signedOn: string;
  title: string;
}

/** One installed service with the state of its standar pelayanan in this tenant. */
export interface ServiceReadiness {
  id: string;
  plugin: string;
  version: string;
  code: string;
  name: LocalizedText;
  agency: string;
  counterSettable: boolean;
  counter: ServiceOverlay['counter'] | null;
  standardComplete: boolean;
  missing: { number: number; key: string; name: LocalizedText; group: 'delivery' | 'management' }[];
  published: { skNumber: string; skDate: string; pluginVersion: string; publishedAt: string; publishedBy: string } | null;
}

export interface ChecklistItem {
  key: 'commitment' | 'agencies' | 'plugins' | 'counters' | 'standards' | 'maklumat' | 'decrees';
  label: LocalizedText;
  done: boolean;
  /** e.g. `12/14` */
  detail: string;
}

/** What a model tenant is made of, for kaji tiru: configuration only, never citizens' data. */
interface ModelSnapshot {
  installations: { plugin: string; version: string; contentHash: string }[];
  overlays: { plugin: string; service: string; overlay: ServiceOverlay }[];
  agencies: { agencyCode: string; agencyName: string; plannedServices: number }[];
  maklumat: { text: string } | null;
}

const LABELS: Record<ChecklistItem['key'], LocalizedText> = {
  commitment: { id: 'Komitmen dengan KemenPAN-RB ditandatangani', en: 'Commitment with KemenPAN-RB signed' },
  agencies: { id: 'Instansi bergabung (MoU per instansi)', en: 'Agencies joined (an MoU per agency)' },
  plugins: { id: 'Plugin layanan terpasang', en: 'Service plugins installed' },
  counters: { id: 'Gerai (loket) ditetapkan untuk setiap layanan', en: 'A counter set for every service' },
  standards: { id: 'Standar pelayanan lengkap dan ditetapkan untuk setiap layanan aktif', en: 'Standar pelayanan complete and published for every active service' },
  maklumat: { id: 'Maklumat pelayanan diterbitkan', en: 'Maklumat pelayanan published' },
  decrees: { id: 'SK penyelenggaraan MPP tercatat', en: 'Decree (SK) establishing the MPP recorded' },
};

/**
 * A regency's way to an operating MPP: the lifecycle against the commitment deadline, the
 * onboarding checklist, formal publication of standar pelayanan, and kaji tiru (copy a role
 * model, see the drift, take its upgrades). Lifecycle rows live in the control plane; everything
 * else is tenant data in the home region under RLS.
 */
export class OnboardingService {
  constructor(
    private readonly dbs: Databases,
    private readonly tenants: TenantService,
    private readonly registry: PluginRegistry,
    private readonly installations: InstallationService,
  ) {}

  private region(t: Tenant) {
    return this.dbs.region(t.homeRegion);
  }

  private today(t: Tenant): string {
    return localDate(new Date(), t.timeZone);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  async move(t: Tenant, input: LifecycleMoveInput, actor: string): Promise<Tenant> {
    const on = input.on ?? this.today(t);
    const row = await this.dbs.control.transaction(async (em) => {
      const repo = em.getRepository(TenantEntity);
      const cur = await repo.findOne({ where: { id: t.id }, lock: { mode: 'pessimistic_write' } });
      if (!cur) throw new Error(`tenant ${t.slug} vanished`);
      const kind = lifecycleMove(cur.mppStatus, input.to);
      if (kind === 'same') return cur;
      if (kind === 'invalid') throw lifecycleMoveInvalid(cur.mppStatus, input.to);
      if (kind === 'back' && !input.note?.trim()) throw lifecycleNoteRequired();
      const [last] = (await em.query(`select (select effective_on::text from tenant_lifecycle_events where tenant_id = $1 and from_status is not null order by seq desc limit 1) as on,
                (select max(seq) from tenant_lifecycle_events where tenant_id = $1) as seq`, [t.id])) as { on: string | null; seq: number | null }[];
      // The first event records registration on the platform; stages before it may be backdated.
      if (last?.on && on < last.on && kind === 'forward')
        throw lifecycleDateInvalid('/on', `Tanggal ${on} lebih awal dari perubahan terakhir (${last.on}).`, `${on} is earlier than the last change (${last.on}).`);
      // The history records what happened: a stage is entered today at the latest (tenant-local).
      if (on > this.today(t)) throw lifecycleDateInvalid('/on', `Tanggal ${on} belum terjadi; catat perubahan saat terjadi.`, `${on} is in the future; record a move when it happens.`);
      const patch: Partial<typeof cur> = { mppStatus: input.to };
      const idx = (s: MppStatus) => ['proposed', 'committed', 'preparing', 'trial', 'launched', 'inaugurated', 'operating'].indexOf(s);
      if (kind === 'forward') {
        // Only an explicit commitment sets the clock: skipping over `committed` invents no date.
        if (input.to === 'committed') {
          patch.committedOn = on;
          patch.deadline = commitmentDeadline(on);
        }
        if (idx(input.to) >= idx('launched') && !cur.launchedOn) patch.launchedOn = on;
        if (idx(input.to) >= idx('inaugurated') && !cur.inauguratedOn) patch.inauguratedOn = on;
      } else {
        // One stage back: the dates of the stage left behind no longer hold.
        if (cur.mppStatus === 'launched') patch.launchedOn = null;
        if (cur.mppStatus === 'inaugurated') patch.inauguratedOn = null;
        if (cur.mppStatus === 'committed') {
          patch.committedOn = null;
          patch.deadline = null;
        }
      }
      await repo.update({ id: t.id }, patch);
      await em.query(
        `insert into tenant_lifecycle_events (tenant_id, seq, from_status, to_status, effective_on, actor, note) values ($1, $2, $3, $4, $5, $6, $7)`,
        [t.id, (last?.seq ?? 0) + 1, cur.mppStatus, input.to, on, actor, input.note ?? null],
      );
      return repo.findOneByOrFail({ id: t.id });
    });
    this.tenants.forget(t.slug);
    await withTenant(this.region(t), t.id, (em) =>
      recordAudit(em, { tenantId: t.id, actor, action: 'tenant.lifecycle', subject: `tenant:${t.id}`, data: { from: t.mppStatus, to: row.mppStatus, on, note: input.note ?? null } }),
    );
    return toTenant(row, () => t.modelTenant ?? undefined);
  }

  async history(t: Tenant) {
    const rows = (await this.dbs.control.query(
      `select seq, from_status, to_status, effective_on::text as on, actor, note, recorded_at from tenant_lifecycle_events where tenant_id = $1 order by seq`,
      [t.id],
    )) as { seq: number; from_status: string | null; to_status: string; on: string; actor: string; note: string | null; recorded_at: Date }[];
    return rows.map((r) => ({ seq: r.seq, from: r.from_status, to: r.to_status, on: r.on, actor: r.actor, note: r.note, recordedAt: r.recorded_at.toISOString() }));
  }

  // ---- agencies, maklumat, decrees -----------------------------------------------------------

  async setAgency(t: Tenant, agencyCode: string, input: AgencyInput, actor: string) {
    return withTenant(this.region(t), t.id, async (em) => {
      await em.query(
        `insert into tenant_agencies (tenant_id, agency_code, agency_name, mou_number, mou_signed_on, planned_services, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id, agency_code) do update set agency_name = excluded.agency_name, mou_number = excluded.mou_number,
           mou_signed_on = excluded.mou_signed_on, planned_services = excluded.planned_services, recorded_by = excluded.recorded_by, recorded_at = now()`,
        [t.id, agencyCode, input.name, input.mouNumber, input.mouSignedOn, input.plannedServices, actor],
      );
      await recordAudit(em, { tenantId: t.id, actor, action: 'agency.joined', subject: `agency:${agencyCode}`, data: { ...input } });
      return (await this.agenciesIn(em)).find((a) => a.agencyCode === agencyCode)!;
    });
  }

  async removeAgency(t: Tenant, agencyCode: string, actor: string): Promise<void> {
    await withTenant(this.region(t), t.id, async (em) => {
      const gone = (await em.query(`delete from tenant_agencies where agency_code = $1 returning agency_code`, [agencyCode])) as [unknown[], number];
      if (!gone[1]) throw agencyNotJoined(agencyCode);
      await recordAudit(em, { tenantId: t.id, actor, action: 'agency.left', subject: `agency:${agencyCode}`, data: {} });
    });
  }

  private async agenciesIn(em: EntityManager) {
    const rows = (await em.query(
      `select agency_code, agency_name, mou_number, mou_signed_on::text as mou_signed_on, planned_services, recorded_by, recorded_at from tenant_agencies order by agency_code`,
    )) as { agency_code: string; agency_name: string; mou_number: string; mou_signed_on: string; planned_services: number; recorded_by: string; recorded_at: Date }[];
    return rows.map((r) => ({
      agencyCode: r.agency_code,
      name: r.agency_name,
      mouNumber: r.mou_number,
      mouSignedOn: r.mou_signed_on,
      plannedServices: r.planned_services,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at.toISOString(),
    }));
  }

  async agencies(t: Tenant) {
    return withTenant(this.region(t), t.id, (em) => this.agenciesIn(em));
  }

  async setMaklumat(t: Tenant, input: MaklumatInput, actor: string) {
    return withTenant(this.region(t), t.id, async (em) => {
      await em.query(
        `insert into tenant_maklumat (tenant_id, text, signed_by, signed_on, published_by) values ($1, $2, $3, $4, $5)
         on conflict (tenant_id) do update set text = excluded.text, signed_by = excluded.signed_by, signed_on = excluded.signed_on,
           published_by = excluded.published_by, published_at = now()`,
        [t.id, input.text, input.signedBy, input.signedOn, actor],
      );
      await recordAudit(em, { tenantId: t.id, actor, action: 'maklumat.published', subject: `tenant:${t.id}`, data: { signedBy: input.signedBy, signedOn: input.signedOn } });
      return (await this.maklumatIn(em))!;
    });
  }

  private async maklumatIn(em: EntityManager) {
    const [r] = (await em.query(`select text, signed_by, signed_on::text as signed_on, published_by, published_at from tenant_maklumat`)) as {
      text: string;
      signed_by: string;
      signed_on: string;
      published_by: string;
      published_at: Date;
    }[];
    return r ? { text: r.text, signedBy: r.signed_by, signedOn: r.signed_on, publishedBy: r.published_by, publishedAt: r.published_at.toISOString() } : null;
  }

  /** The maklumat as displayed to the public (no actor). */
  async maklumat(t: Tenant) {
    const m = await withTenant(this.region(t), t.id, (em) => this.maklumatIn(em));
    return m ? { text: m.text, signedBy: m.signedBy, signedOn: m.signedOn, publishedAt: m.publishedAt } : null;
  }

  async addDecree(t: Tenant, input: DecreeInput, actor: string) {
    return withTenant(this.region(t), t.id, async (em) => {
      await em.query(
        `insert into tenant_decrees (tenant_id, kind, number, signed_on, title, recorded_by) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, kind, number) do update set signed_on = excluded.signed_on, title = excluded.title, recorded_by = excluded.recorded_by, recorded_at = now()`,
        [t.id, input.kind, input.number, input.signedOn, input.title, actor],
      );
      await recordAudit(em, { tenantId: t.id, actor, action: 'decree.recorded', subject: `decree:${input.kind}:${input.number}`, data: { ...input } });
      return (await this.decreesIn(em)).find((d) => d.kind === input.kind && d.number === input.number)!;
    });
  }

  private async decreesIn(em: EntityManager) {
    const rows = (await em.query(`select kind, number, signed_on::text as signed_on, title, recorded_by, recorded_at from tenant_decrees order by signed_on, number`)) as {
      kind: DecreeInput['kind'];
      number: string;
      signed_on: string;
      title: string;
      recorded_by: string;
      recorded_at: Date;
    }[];
    return rows.map((r) => ({ kind: r.kind, number: r.number, signedOn: r.signed_on, title: r.title, recordedBy: r.recorded_by, recordedAt: r.recorded_at.toISOString() }));
  }

  async decrees(t: Tenant) {
    return withTenant(this.region(t), t.id, (em) => this.decreesIn(em));
  }

  // ---- standar pelayanan -----------------------------------------------------------------------

  /** Every installed service with its counter, the completeness of its 14 components and its SK. */
  async services(t: Tenant): Promise<ServiceReadiness[]> {
    return withTenant(this.region(t), t.id, (em) => this.servicesIn(em));
  }

  /** Reads the tenant's installations, overlays and published standards inside a tenant transaction. */
  private async servicesIn(em: EntityManager): Promise<ServiceReadiness[]> {
    const installs = (await em.query(`select plugin_id, version from plugin_installations order by plugin_id`)) as { plugin_id: string; version: string }[];
    const overlays = (await em.query(`select plugin_id, service_code, overlay from service_overlays`)) as { plugin_id: string; service_code: string; overlay: ServiceOverlay }[];
    const published = (await em.query(`select plugin_id, service_code, plugin_version, sk_number, sk_date::text as sk_date, published_by, published_at from service_standards`)) as {
      plugin_id: string;
      service_code: string;
      plugin_version: string;
      sk_number: string;
      sk_date: string;
      published_by: string;
      published_at: Date;
    }[];
    const out: ServiceReadiness[] = [];
    for (const i of installs) {
      const { manifest } = await this.registry.get(i.plugin_id, i.version);
      for (const s of manifest.services) {
        const overlay = overlays.find((o) => o.plugin_id === i.plugin_id && o.service_code === s.code)?.overlay;
        const eff = applyOverlay(s, overlay);
        const components = standardComponents(eff);
        const p = published.find((r) => r.plugin_id === i.plugin_id && r.service_code === s.code);
        out.push({
          id: `${i.plugin_id}.${s.code}`,
          plugin: i.plugin_id,
          version: i.version,
          code: s.code,
          name: s.name,
          agency: manifest.agency.code,
          counterSettable: s.overlayable.includes('counter'),
          counter: eff.local.counter ?? null,
          standardComplete: components.every((c) => c.complete),
          missing: components.filter((c) => !c.complete).map(({ number, key, name, group }) => ({ number, key, name, group })),
          published: p ? { skNumber: p.sk_number, skDate: p.sk_date, pluginVersion: p.plugin_version, publishedAt: p.published_at.toISOString(), publishedBy: p.published_by } : null,
        });
      }
    }
    return out;
  }

  /**
   * Formally sets (publishes) a service's standar pelayanan with its SK. Refused, with the list of
   * what is missing, unless all 14 components are filled for this tenant (plugin + overlay).
   */
  async publishStandard(t: Tenant, serviceId: string, input: { skNumber: string; skDate: string }, actor: string): Promise<ServiceReadiness> {
    const [plugin, code] = splitService(serviceId);
    const svc = (await this.services(t)).find((s) => s.id === serviceId);
    if (!svc) throw (await this.installations.list(t)).some((i) => i.plugin === plugin) ? serviceNotFound(plugin, code) : notInstalled(t.slug, plugin);
    if (!svc.standardComplete) throw standardIncomplete(serviceId, svc.missing.map((m) => ({ ...m, text: [], complete: false })));
    await withTenant(this.region(t), t.id, async (em) => {
      await em.query(
        `insert into service_standards (tenant_id, plugin_id, service_code, plugin_version, sk_number, sk_date, published_by) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id, plugin_id, service_code) do update set plugin_version = excluded.plugin_version, sk_number = excluded.sk_number,
           sk_date = excluded.sk_date, published_by = excluded.published_by, published_at = now()`,
        [t.id, plugin, code, svc.version, input.skNumber, input.skDate, actor],
      );
      await recordAudit(em, { tenantId: t.id, actor, action: 'standard.published', subject: `service:${serviceId}`, data: { ...input, version: svc.version } });
    });
    return (await this.services(t)).find((s) => s.id === serviceId)!;
  }

  async withdrawStandard(t: Tenant, serviceId: string, actor: string): Promise<void> {
    const [plugin, code] = splitService(serviceId);
    await withTenant(this.region(t), t.id, async (em) => {
      const r = (await em.query(`delete from service_standards where plugin_id = $1 and service_code = $2 returning 1`, [plugin, code])) as [unknown[], number];
      if (!r[1]) throw standardNotPublished(serviceId);
      await recordAudit(em, { tenantId: t.id, actor, action: 'standard.withdrawn', subject: `service:${serviceId}`, data: {} });
    });
  }

  // ---- checklist -------------------------------------------------------------------------------

  /**
   * The onboarding checklist (docs/monitoring.md defines each item). A service is *live* when its
   * standar pelayanan is complete and published; *planned* is what the MoUs promise (or, before
   * any MoU states a number, what is installed).
   */
  async checklist(t: Tenant) {
    const parts = await withTenant(this.region(t), t.id, (em) => this.partsIn(em));
    const { items, counts } = checklistOf(t, parts);
    const { services, agencies, maklumat, decrees } = parts;
    const today = this.today(t);
    return {
      tenant: t.slug,
      status: t.mppStatus,
      committedOn: t.committedOn,
      deadline: t.deadline,
      daysToDeadline: t.deadline ? daysBetween(today, t.deadline) : null,
      deadlineMet: t.deadline ? (t.launchedOn ? t.launchedOn <= t.deadline : null) : null,
      serving: SERVING_STATUSES.includes(t.mppStatus),
      launchedOn: t.launchedOn,
      inauguratedOn: t.inauguratedOn,
      progress: items.filter((i) => i.done).length / items.length,
      items,
      counts,
      services,
      agencies,
      maklumat: maklumat ? { text: maklumat.text, signedBy: maklumat.signedBy, signedOn: maklumat.signedOn, publishedAt: maklumat.publishedAt } : null,
      // Kaji tiru: until the regency publishes its own, the model's maklumat is offered as a template.
      maklumatTemplate: !maklumat && t.modelTenant ? ((await this.maklumat(await this.tenants.getBySlug(t.modelTenant)))?.text ?? null) : null,
      decrees,
      history: await this.history(t),
    };
  }

  private async partsIn(em: EntityManager) {
    return { services: await this.servicesIn(em), agencies: await this.agenciesIn(em), maklumat: await this.maklumatIn(em), decrees: await this.decreesIn(em) };
  }

  /** The checklist counts inside an open tenant transaction (the rollup job's snapshot). */
  async readinessIn(em: EntityManager, t: Tenant) {
    const { items, counts } = checklistOf(t, await this.partsIn(em));
    return { done: items.filter((i) => i.done).length, total: items.length, counts };
  }

  // ---- kaji tiru ---------------------------------------------------------------------------------

  private async snapshot(model: Tenant): Promise<ModelSnapshot> {
    const installs = await this.installations.list(model);
    const agencies = await this.agencies(model);
    const maklumat = await this.maklumat(model);
    return {
      installations: installs.map((i) => ({ plugin: i.plugin, version: i.version, contentHash: i.contentHash })),
      overlays: installs.flatMap((i) => Object.entries(i.overlays).map(([service, overlay]) => ({ plugin: i.plugin, service, overlay }))),
      agencies: agencies.map((a) => ({ agencyCode: a.agencyCode, agencyName: a.name, plannedServices: a.plannedServices })),
      maklumat: maklumat ? { text: maklumat.text } : null,
    };
  }

  /**
   * Creates a tenant as a copy of a role model (kaji tiru), in one regional transaction: the
   * model's plugins at the model's versions, its overlays (counters, schedules, hours, local
   * components), its agency list (the MoUs themselves are the new regency's to sign, so the copy is
   * a plan of agencies, recorded once each MoU exists) and its maklumat as a draft template.
   */
  async copyPlan(model: Tenant, actor: string): Promise<{ populate: PopulateTenant; template: { maklumat: string | null; agencies: ModelSnapshot['agencies'] } }> {
    const snap = await this.snapshot(model);
    const populate: PopulateTenant = async (em, tenant) => {
      for (const i of snap.installations)
        await em.query(`insert into plugin_installations (tenant_id, plugin_id, version, content_hash, installed_by) values ($1, $2, $3, $4, $5)`, [tenant.id, i.plugin, i.version, i.contentHash, actor]);
      for (const o of snap.overlays)
        await em.query(`insert into service_overlays (tenant_id, plugin_id, service_code, overlay, updated_by) values ($1, $2, $3, $4, $5)`, [tenant.id, o.plugin, o.service, JSON.stringify(o.overlay), actor]);
      await recordAudit(em, {
        tenantId: tenant.id,
        actor,
        action: 'tenant.kaji-tiru',
        subject: `tenant:${tenant.id}`,
        data: { model: model.slug, plugins: snap.installations.map((i) => `${i.plugin}@${i.version}`), overlays: snap.overlays.length },
      });
    };
    return { populate, template: { maklumat: snap.maklumat?.text ?? null, agencies: snap.agencies } };
  }

  private async model(t: Tenant): Promise<Tenant> {
    if (!t.modelTenant) throw noModelTenant(t.slug);
    return this.tenants.getBySlug(t.modelTenant);
  }

  /** How far a tenant has drifted from its role model: plugins, versions, overlays, maklumat. */
  async drift(t: Tenant) {
    const model = await this.model(t);
    const [mine, theirs] = await Promise.all([this.snapshot(t), this.snapshot(model)]);
    const plugins = [...new Set([...mine.installations, ...theirs.installations].map((i) => i.plugin))].sort().map((plugin) => {
      const a = mine.installations.find((i) => i.plugin === plugin);
      const b = theirs.installations.find((i) => i.plugin === plugin);
      const state = !a ? 'missing' : !b ? 'extra' : a.version === b.version ? 'same' : semver.lt(a.version, b.version) ? 'behind' : 'ahead';
      return { plugin, tenantVersion: a?.version ?? null, modelVersion: b?.version ?? null, state };
    });
    const keys = new Set([...mine.overlays, ...theirs.overlays].map((o) => `${o.plugin}.${o.service}`));
    const overlays = [...keys].sort().flatMap((k) => {
      const a = mine.overlays.find((o) => `${o.plugin}.${o.service}` === k)?.overlay ?? {};
      const b = theirs.overlays.find((o) => `${o.plugin}.${o.service}` === k)?.overlay ?? {};
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => JSON.stringify((a as Record<string, unknown>)[f]) !== JSON.stringify((b as Record<string, unknown>)[f])).sort();
      return fields.length ? [{ service: k, fields }] : [];
    });
    const maklumatDiffers = (mine.maklumat?.text ?? null) !== (theirs.maklumat?.text ?? null);
    const differences = plugins.filter((p) => p.state !== 'same').length + overlays.length + (maklumatDiffers ? 1 : 0);
    return {
      tenant: t.slug,
      model: model.slug,
      inSync: differences === 0,
      differences,
      plugins,
      overlays,
      maklumatDiffers,
      upgradesAvailable: plugins.filter((p) => p.state === 'behind' || p.state === 'missing').map((p) => ({ plugin: p.plugin, from: p.tenantVersion, to: p.modelVersion! })),
    };
  }

  /** Takes the model's upgrades: moves the given (default: every) behind or missing plugin to the model's version. */
  async adoptModel(t: Tenant, plugins: string[] | undefined, actor: string) {
    const d = await this.drift(t);
    const take = d.upgradesAvailable.filter((u) => !plugins || plugins.includes(u.plugin));
    const results = [];
    for (const u of take) {
      const r = await this.installations.install(t, u.plugin, u.to, actor);
      results.push({ plugin: u.plugin, from: u.from, to: u.to, action: r.action });
    }
    return { taken: results, drift: await this.drift(t) };
  }
}

function splitService(id: string): [string, string] {
  const dot = id.indexOf('.');
  return dot < 0 ? [id, ''] : [id.slice(0, dot), id.slice(dot + 1)];
}



/**
 * The checklist (docs/monitoring.md). A service is *live* when its standar pelayanan is complete
 * and published; *planned* is what the MoUs promise (or, before any MoU states a number, what is
 * installed).
 */
function checklistOf(
  t: Tenant,
  parts: { services: ServiceReadiness[]; agencies: { agencyCode: string; plannedServices: number }[]; maklumat: { signedBy: string; signedOn: string } | null; decrees: { kind: string; number: string }[] },
): { items: ChecklistItem[]; counts: { servicesInstalled: number; servicesLive: number; servicesPlanned: number; countersSet: number; agenciesJoined: number } } {
  const { services, agencies, maklumat, decrees } = parts;
  const installedAgencies = [...new Set(services.map((s) => s.agency))];
  const joined = new Set(agencies.map((a) => a.agencyCode));
  const withCounter = services.filter((s) => s.counterSettable);
  const live = services.filter((s) => s.standardComplete && s.published);
  const plannedFromMou = agencies.reduce((n, a) => n + a.plannedServices, 0);
  const establishment = decrees.filter((d) => d.kind === 'mpp-establishment');
  const items: ChecklistItem[] = [
    { key: 'commitment', label: LABELS.commitment, done: !!t.committedOn, detail: t.committedOn ?? '-' },
    {
      key: 'agencies',
      label: LABELS.agencies,
      done: agencies.length > 0 && installedAgencies.every((a) => joined.has(a)),
      detail: `${installedAgencies.filter((a) => joined.has(a)).length}/${installedAgencies.length} (${agencies.length} MoU)`,
    },
    { key: 'plugins', label: LABELS.plugins, done: services.length > 0, detail: `${new Set(services.map((s) => s.plugin)).size} plugin, ${services.length} layanan/services` },
    { key: 'counters', label: LABELS.counters, done: withCounter.length > 0 && withCounter.every((s) => s.counter), detail: `${withCounter.filter((s) => s.counter).length}/${withCounter.length}` },
    { key: 'standards', label: LABELS.standards, done: services.length > 0 && live.length === services.length, detail: `${live.length}/${services.length}` },
    { key: 'maklumat', label: LABELS.maklumat, done: !!maklumat, detail: maklumat ? `${maklumat.signedBy}, ${maklumat.signedOn}` : '-' },
    { key: 'decrees', label: LABELS.decrees, done: establishment.length > 0, detail: establishment.map((d) => d.number).join(', ') || '-' },
  ];
  return {
    items,
    counts: {
      servicesInstalled: services.length,
      servicesLive: live.length,
      servicesPlanned: plannedFromMou > 0 ? plannedFromMou : services.length,
      countersSet: withCounter.filter((s) => s.counter).length,
      agenciesJoined: agencies.length,
    },
  };
}
