import semver from 'semver';
import { MPP_STATUSES, commitmentDeadline, lifecycleMove, type LocalizedText, type MppStatus } from '@satupintu/core';
import { applyOverlay, standardComponents, type AgencyPlugin, type ServiceOverlay } from '@satupintu/plugin-sdk';
import { lifecycleDateInvalid, lifecycleMoveInvalid, lifecycleNoteRequired } from './errors.js';

/**
 * The onboarding rules as pure functions (no database, no clock): a lifecycle move, the
 * readiness of one service, the checklist, the drift from a role model. The services around
 * them load what they need, call these, and write the outcome in one unit of work.
 */

// ---- lifecycle -------------------------------------------------------------------------------

export interface LifecycleMoveInput {
  to: MppStatus;
  /** Effective date (YYYY-MM-DD, tenant-local); today when absent. */
  on?: string;
  note?: string;
}

/** The key dates a tenant row carries, with its status. */
export interface LifecycleDates {
  mppStatus: MppStatus;
  committedOn: string | null;
  deadline: string | null;
  launchedOn: string | null;
  inauguratedOn: string | null;
}

export type MovePlan = { kind: 'same'; on: string } | { kind: 'forward' | 'back'; on: string; dates: LifecycleDates };

const stage = (s: MppStatus) => MPP_STATUSES.indexOf(s);

/**
 * What a move does to the tenant's dates (docs/onboarding.md): forward moves may skip stages, a
 * move back is one stage with a note, `proposed` is never re-entered; a forward move is not dated
 * before the previous move (`lastOn`; registration does not count) nor after `today`.
 */
export function planMove(cur: LifecycleDates, input: LifecycleMoveInput, lastOn: string | null, today: string): MovePlan {
  const on = input.on ?? today;
  const kind = lifecycleMove(cur.mppStatus, input.to);
  if (kind === 'same') return { kind, on };
  if (kind === 'invalid') throw lifecycleMoveInvalid(cur.mppStatus, input.to);
  if (kind === 'back' && !input.note?.trim()) throw lifecycleNoteRequired();
  if (kind === 'forward' && lastOn && on < lastOn)
    throw lifecycleDateInvalid('/on', `Tanggal ${on} lebih awal dari perubahan terakhir (${lastOn}).`, `${on} is earlier than the last change (${lastOn}).`);
  // The history records what happened: a stage is entered today at the latest (tenant-local).
  if (on > today) throw lifecycleDateInvalid('/on', `Tanggal ${on} belum terjadi; catat perubahan saat terjadi.`, `${on} is in the future; record a move when it happens.`);
  const dates: LifecycleDates = { ...cur, mppStatus: input.to };
  if (kind === 'forward') {
    // Only an explicit commitment sets the clock: skipping over `committed` invents no date.
    if (input.to === 'committed') {
      dates.committedOn = on;
      dates.deadline = commitmentDeadline(on);
    }
    if (stage(input.to) >= stage('launched') && !cur.launchedOn) dates.launchedOn = on;
    if (stage(input.to) >= stage('inaugurated') && !cur.inauguratedOn) dates.inauguratedOn = on;
  } else {
    // One stage back: the dates of the stage left behind no longer hold.
    if (cur.mppStatus === 'launched') dates.launchedOn = null;
    if (cur.mppStatus === 'inaugurated') dates.inauguratedOn = null;
    if (cur.mppStatus === 'committed') {
      dates.committedOn = null;
      dates.deadline = null;
    }
  }
  return { kind, on, dates };
}

// ---- standar pelayanan readiness ---------------------------------------------------------------

/** One installed service with the state of its standar pelayanan in this tenant. */
export interface ServiceReadiness {
  id: string;
  plugin: string;
  version: string;
  code: string;
  name: LocalizedText;
  agency: string;
  counterSettable: boolean;
  counter: NonNullable<ServiceOverlay['counter']> | null;
  standardComplete: boolean;
  missing: { number: number; key: string; name: LocalizedText; group: 'delivery' | 'management' }[];
  published: { skNumber: string; skDate: string; pluginVersion: string; publishedAt: string; publishedBy: string } | null;
}

export interface PublishedStandard {
  pluginId: string;
  serviceCode: string;
  pluginVersion: string;
  skNumber: string;
  skDate: string;
  publishedBy: string;
  publishedAt: Date;
}

/** Every service of one installed plugin version: its counter and the 14 components (plugin + the tenant's overlay). */
export function servicesReadiness(
  install: { plugin: string; version: string; overlays: Record<string, ServiceOverlay> },
  manifest: Pick<AgencyPlugin, 'agency' | 'services'>,
  published: readonly PublishedStandard[],
): ServiceReadiness[] {
  return manifest.services.map((s) => {
    const eff = applyOverlay(s, install.overlays[s.code]);
    const components = standardComponents(eff);
    const p = published.find((r) => r.pluginId === install.plugin && r.serviceCode === s.code);
    return {
      id: `${install.plugin}.${s.code}`,
      plugin: install.plugin,
      version: install.version,
      code: s.code,
      name: s.name,
      agency: manifest.agency.code,
      counterSettable: s.overlayable.includes('counter'),
      counter: eff.local.counter ?? null,
      standardComplete: components.every((c) => c.complete),
      missing: components.filter((c) => !c.complete).map(({ number, key, name, group }) => ({ number, key, name, group })),
      published: p ? { skNumber: p.skNumber, skDate: p.skDate, pluginVersion: p.pluginVersion, publishedAt: p.publishedAt.toISOString(), publishedBy: p.publishedBy } : null,
    };
  });
}

// ---- checklist ---------------------------------------------------------------------------------

export type ChecklistKey = 'commitment' | 'agencies' | 'plugins' | 'counters' | 'standards' | 'maklumat' | 'decrees';

export interface ChecklistItem {
  key: ChecklistKey;
  label: LocalizedText;
  done: boolean;
  /** e.g. `12/14` */
  detail: string;
}

export interface ChecklistCounts {
  servicesInstalled: number;
  servicesLive: number;
  servicesPlanned: number;
  countersSet: number;
  agenciesJoined: number;
}

/** What the checklist is computed from: the tenant's services, MoUs, maklumat and decrees. */
export interface ChecklistParts {
  services: readonly ServiceReadiness[];
  agencies: readonly { agencyCode: string; plannedServices: number }[];
  maklumat: { signedBy: string; signedOn: string } | null;
  decrees: readonly { kind: string; number: string }[];
}

const LABELS: Record<ChecklistKey, LocalizedText> = {
  commitment: { id: 'Komitmen dengan KemenPAN-RB ditandatangani', en: 'Commitment with KemenPAN-RB signed' },
  agencies: { id: 'Instansi bergabung (MoU per instansi)', en: 'Agencies joined (an MoU per agency)' },
  plugins: { id: 'Plugin layanan terpasang', en: 'Service plugins installed' },
  counters: { id: 'Gerai (loket) ditetapkan untuk setiap layanan', en: 'A counter set for every service' },
  standards: { id: 'Standar pelayanan lengkap dan ditetapkan untuk setiap layanan aktif', en: 'Standar pelayanan complete and published for every active service' },
  maklumat: { id: 'Maklumat pelayanan diterbitkan', en: 'Maklumat pelayanan published' },
  decrees: { id: 'SK penyelenggaraan MPP tercatat', en: 'Decree (SK) establishing the MPP recorded' },
};

/**
 * The checklist (docs/monitoring.md defines each item). A service is *live* when its standar
 * pelayanan is complete and published; *planned* is what the MoUs promise (or, before any MoU
 * states a number, what is installed).
 */
export function checklistOf(t: { committedOn: string | null }, parts: ChecklistParts): { items: ChecklistItem[]; counts: ChecklistCounts } {
  const { services, agencies, maklumat, decrees } = parts;
  const installedAgencies = [...new Set(services.map((s) => s.agency))];
  const joined = new Set(agencies.map((a) => a.agencyCode));
  const withCounter = services.filter((s) => s.counterSettable);
  const countersSet = withCounter.filter((s) => s.counter).length;
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
    { key: 'counters', label: LABELS.counters, done: withCounter.length > 0 && countersSet === withCounter.length, detail: `${countersSet}/${withCounter.length}` },
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
      countersSet,
      agenciesJoined: agencies.length,
    },
  };
}

// ---- kaji tiru: drift from the role model ------------------------------------------------------

/** What a tenant is made of, for kaji tiru: configuration only, never citizens' data. */
export interface ModelSnapshot {
  installations: { plugin: string; version: string; contentHash: string }[];
  overlays: { plugin: string; service: string; overlay: ServiceOverlay }[];
  agencies: { agencyCode: string; agencyName: string; plannedServices: number }[];
  maklumat: { text: string } | null;
}

export type PluginDriftState = 'missing' | 'behind' | 'same' | 'ahead' | 'extra';

/** How far `mine` has drifted from `theirs` (the role model): plugins, versions, overlay fields, maklumat. */
export function driftOf(mine: ModelSnapshot, theirs: ModelSnapshot) {
  const plugins = [...new Set([...mine.installations, ...theirs.installations].map((i) => i.plugin))].sort().map((plugin) => {
    const a = mine.installations.find((i) => i.plugin === plugin);
    const b = theirs.installations.find((i) => i.plugin === plugin);
    const state: PluginDriftState = !a ? 'missing' : !b ? 'extra' : a.version === b.version ? 'same' : semver.lt(a.version, b.version) ? 'behind' : 'ahead';
    return { plugin, tenantVersion: a?.version ?? null, modelVersion: b?.version ?? null, state };
  });
  const key = (o: { plugin: string; service: string }) => `${o.plugin}.${o.service}`;
  const fieldsOf = (snap: ModelSnapshot, k: string) => new Map(Object.entries(snap.overlays.find((o) => key(o) === k)?.overlay ?? {}).map(([f, v]) => [f, JSON.stringify(v)]));
  const overlays = [...new Set([...mine.overlays, ...theirs.overlays].map(key))].sort().flatMap((service) => {
    const a = fieldsOf(mine, service);
    const b = fieldsOf(theirs, service);
    const fields = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
    return fields.length ? [{ service, fields }] : [];
  });
  const maklumatDiffers = (mine.maklumat?.text ?? null) !== (theirs.maklumat?.text ?? null);
  const differences = plugins.filter((p) => p.state !== 'same').length + overlays.length + (maklumatDiffers ? 1 : 0);
  const upgradesAvailable = plugins.flatMap((p) => (p.modelVersion && (p.state === 'behind' || p.state === 'missing') ? [{ plugin: p.plugin, from: p.tenantVersion, to: p.modelVersion }] : []));
  return { inSync: differences === 0, differences, plugins, overlays, maklumatDiffers, upgradesAvailable };
}

export type Drift = ReturnType<typeof driftOf>;
