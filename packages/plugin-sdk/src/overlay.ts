import type { ValidateFunction } from 'ajv';
import { createFormAjv, formErrors } from '@satupintu/forms';
import canonicalize from 'canonicalize';
import type { DocumentRequirement, Fee, LintIssue, LocalizedText, ServiceDefinition, ServiceOverlay, SopDefinition, SopState, TextComponent } from './types.js';
import { pluginMetaSchema } from './lint.js';

let overlayValidator: ValidateFunction | undefined;
function overlaySchema(): ValidateFunction {
  return (overlayValidator ??= createFormAjv().compile({ $defs: pluginMetaSchema.$defs, $ref: '#/$defs/overlay' }));
}

/**
 * Checks a regency's overlay for one service: its shape (the meta-schema's `overlay`), and that it
 * sets only what the plugin declares overlayable — never a locked fee or a requirement.
 */
export function validateOverlay(service: ServiceDefinition, overlay: unknown): LintIssue[] {
  const v = overlaySchema();
  if (!v(overlay)) return formErrors(v.errors).map((e) => ({ file: 'overlay', pointer: e.pointer, message: e.message }));
  const issues: LintIssue[] = [];
  for (const key of Object.keys(overlay as object)) {
    if (!service.overlayable.includes(key as never))
      issues.push({
        file: 'overlay',
        pointer: `/${key}`,
        message: {
          id: `${key} ditetapkan oleh plugin dan tidak dapat diubah daerah.`,
          en: `${key} is set by the plugin and cannot be changed by a regency.`,
        },
      });
  }
  if (service.overlayable.includes('fee') && (overlay as ServiceOverlay).fee) issues.push(...lockedFeeIssues(service.fee, (overlay as ServiceOverlay).fee!));
  return issues;
}

// --- Part "fees" (issue 23): locked fee parts stay the plugin's. ---
const same = (a: unknown, b: unknown) => (canonicalize as unknown as (v: unknown) => string)(a ?? null) === (canonicalize as unknown as (v: unknown) => string)(b ?? null);
const FEE_BASE = ['kind', 'amount', 'items', 'formula', 'legalBasis', 'locked', 'currency', 'rounding'] as const;

/**
 * What a regency's fee overlay tries to change that the plugin locked: the base (kind, amounts,
 * formula, rounding, legal basis) of a locked fee — keys it leaves out are inherited — and any
 * locked charge it restates differently. Unlocked charges (a Perda fine) may be changed or added.
 */
export function lockedFeeIssues(plugin: Fee, overlay: Fee): LintIssue[] {
  const issues: LintIssue[] = [];
  if (plugin.locked)
    for (const k of FEE_BASE)
      if (k in overlay && !same(overlay[k], plugin[k]))
        issues.push({
          file: 'overlay',
          pointer: `/fee/${k}`,
          message: {
            id: `Biaya ini dikunci plugin (${plugin.legalBasis}); ${k} tidak dapat diubah daerah.`,
            en: `This fee is locked by the plugin (${plugin.legalBasis}); a regency cannot change its ${k}.`,
          },
        });
  const seen = new Set<string>();
  (overlay.charges ?? []).forEach((c, i) => {
    if (seen.has(c.code))
      issues.push({ file: 'overlay', pointer: `/fee/charges/${i}/code`, message: { id: `Kode biaya ${c.code} ganda.`, en: `Charge code ${c.code} is repeated.` } });
    seen.add(c.code);
    const mine = plugin.charges?.find((p) => p.code === c.code);
    if (mine?.locked && !same(c, mine))
      issues.push({
        file: 'overlay',
        pointer: `/fee/charges/${i}`,
        message: {
          id: `Biaya ${c.code} dikunci plugin (${mine.legalBasis}) dan tidak dapat diubah daerah.`,
          en: `The charge ${c.code} is locked by the plugin (${mine.legalBasis}) and cannot be changed by a regency.`,
        },
      });
  });
  return issues;
}

/**
 * The fee as a tenant charges it: a locked base stays the plugin's (the overlay may add a note), an
 * unlocked one is the overlay's; locked charges stay the plugin's, unlocked ones take the overlay's
 * version of the same code, and the overlay may add its own (a regional fine).
 */
export function overlayFee(plugin: Fee, o: Fee | undefined): Fee {
  if (!o) return plugin;
  const { charges: _p, ...pluginBase } = plugin;
  const { charges: _o, ...overlayBase } = o;
  const base: Fee = plugin.locked ? { ...pluginBase, ...(o.note ? { note: o.note } : {}) } : overlayBase;
  const charges = (plugin.charges ?? []).map((c) => (c.locked ? c : (o.charges?.find((x) => x.code === c.code) ?? c)));
  for (const x of o.charges ?? []) if (!charges.some((c) => c.code === x.code)) charges.push(x);
  return { ...base, ...(charges.length ? { charges } : {}) };
}

/** The service as a tenant offers it: plugin definition with the regency's overlay applied. */
export function applyOverlay(service: ServiceDefinition, overlay: ServiceOverlay | undefined): ServiceDefinition & { local: Pick<ServiceOverlay, 'counter' | 'contact' | 'openingHours'> } {
  const o = overlay ?? {};
  return {
    ...service,
    ...(o.fee ? { fee: overlayFee(service.fee, o.fee) } : {}),
    ...(o.schedule ? { schedule: o.schedule } : {}),
    standard: {
      ...service.standard,
      ...(o.facilities ? { facilities: o.facilities } : {}),
      ...(o.staffing ? { staffing: o.staffing } : {}),
      ...(o.competency ? { competency: o.competency } : {}),
      ...(o.supervision ? { supervision: o.supervision } : {}),
    },
    local: { ...(o.counter ? { counter: o.counter } : {}), ...(o.contact ? { contact: o.contact } : {}), ...(o.openingHours ? { openingHours: o.openingHours } : {}) },
  };
}

export interface StandardComponent {
  /** 1–14 in the order of UU 25/2009 Pasal 21. */
  number: number;
  key: string;
  name: LocalizedText;
  group: 'delivery' | 'management';
  /** The content; empty when missing. */
  text: LocalizedText[];
  complete: boolean;
}

const fmtDuration = (d: { value: number; unit: string }): LocalizedText => ({
  id: `${d.value} ${d.unit === 'working-days' ? 'hari kerja' : d.unit === 'hours' ? 'jam' : 'menit'}`,
  en: `${d.value} ${d.unit === 'working-days' ? 'working days' : d.unit}`,
});
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const textOf = (c: TextComponent | undefined): LocalizedText[] => (c && 'text' in c && c.text ? c.text : []);

/**
 * The 14 components of the standar pelayanan of an (overlaid) service. Components 1–5 derive from
 * the structured fields (documents, SOP, SLA, fee, outputs); the rest come from `standard`, where a
 * `tenantProvided` component is complete only once the regency's overlay fills it.
 */
export function standardComponents(service: ServiceDefinition): StandardComponent[] {
  const f = service.fee;
  const fee: LocalizedText[] =
    f.kind === 'free'
      ? [{ id: `Tidak dipungut biaya (${f.legalBasis})`, en: `Free of charge (${f.legalBasis})` }]
      : f.kind === 'fixed'
        ? [{ id: `${rupiah(f.amount ?? 0)} (${f.legalBasis})`, en: `${rupiah(f.amount ?? 0)} (${f.legalBasis})` }]
        : f.kind === 'table'
          ? (f.items ?? []).map((i) => ({ id: `${i.name.id}: ${rupiah(i.amount)}`, en: `${i.name.en}: ${rupiah(i.amount)}` }))
          : [f.formula!.text];
  // Part "fees" (issue 23): each charge as published (a late fine with its day limit and regulation).
  for (const c of f.charges ?? []) {
    const tiers = c.afterDays?.tiers.filter((x) => x.amount > 0) ?? [];
    if ((!c.amount && !tiers.length) || f.items?.some((i) => i.code === c.code)) continue;
    const base = c.amount ? rupiah(c.amount) : '';
    const tid = tiers.map((x) => `${rupiah(x.amount)} bila lebih dari ${x.moreThan} hari`).join(', ');
    const ten = tiers.map((x) => `${rupiah(x.amount)} when more than ${x.moreThan} days`).join(', ');
    fee.push({ id: `${c.name.id}: ${[base, tid].filter(Boolean).join(' + ')} (${c.legalBasis})`, en: `${c.name.en}: ${[base, ten].filter(Boolean).join(' + ')} (${c.legalBasis})` });
  }
  const sopSteps = procedureOrder(service.sop).map(({ state: s, aside }) => {
    const text = s.sla ? { id: `${s.name.id} (${fmtDuration(s.sla).id})`, en: `${s.name.en} (${fmtDuration(s.sla).en})` } : s.name;
    return aside ? { id: `Bila perlu: ${text.id}`, en: `When needed: ${text.en}` } : text;
  });
  const rows: [string, LocalizedText, 'delivery' | 'management', LocalizedText[]][] = [
    ['requirements', { id: 'Persyaratan', en: 'Requirements' }, 'delivery', service.documents.map((d) => requirementText(d, service))],
    ['procedure', { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' }, 'delivery', sopSteps],
    ['timeframe', { id: 'Jangka waktu penyelesaian', en: 'Completion time' }, 'delivery', [fmtDuration(service.sla)]],
    ['fee', { id: 'Biaya/tarif', en: 'Fee' }, 'delivery', fee],
    ['product', { id: 'Produk pelayanan', en: 'Service product' }, 'delivery', service.outputs.map((o) => o.name)],
    ['complaints', { id: 'Penanganan pengaduan, saran, dan masukan', en: 'Complaints, suggestions and feedback' }, 'delivery', textOf(service.standard.complaints)],
    ['legalBasis', { id: 'Dasar hukum', en: 'Legal basis' }, 'management', textOf(service.standard.legalBasis)],
    ['facilities', { id: 'Sarana, prasarana, dan/atau fasilitas', en: 'Facilities and infrastructure' }, 'management', textOf(service.standard.facilities)],
    ['competency', { id: 'Kompetensi pelaksana', en: 'Staff competency' }, 'management', textOf(service.standard.competency)],
    ['supervision', { id: 'Pengawasan internal', en: 'Internal supervision' }, 'management', textOf(service.standard.supervision)],
    ['staffing', { id: 'Jumlah pelaksana', en: 'Number of staff' }, 'management', textOf(service.standard.staffing)],
    ['serviceGuarantee', { id: 'Jaminan pelayanan', en: 'Service guarantee' }, 'management', textOf(service.standard.serviceGuarantee)],
    ['safetyGuarantee', { id: 'Jaminan keamanan dan keselamatan pelayanan', en: 'Security and safety guarantee' }, 'management', textOf(service.standard.safetyGuarantee)],
    ['performanceEvaluation', { id: 'Evaluasi kinerja pelaksana', en: 'Staff performance evaluation' }, 'management', textOf(service.standard.performanceEvaluation)],
  ];
  return rows.map(([key, name, group, text], i) => ({ number: i + 1, key, name, group, text, complete: text.length > 0 }));
}

/**
 * The procedure as a person follows it: the states on the longest way from the initial state to a
 * completed one, in that order; the states off that way (returned for correction, suspended) after
 * them, marked as happening only when needed. (The manifest's key order is not the flow's.)
 */
export function procedureOrder(sop: SopDefinition): { key: string; state: SopState; aside: boolean }[] {
  const next = new Map<string, string[]>();
  for (const a of sop.actions) for (const f of a.from) next.set(f, [...(next.get(f) ?? []), a.to]);
  let best: string[] = [];
  const walk = (at: string, path: string[]) => {
    const st = sop.states[at];
    if (!st) return;
    if (st.terminal) {
      if (st.outcome === 'completed' && path.length > best.length) best = path;
      return;
    }
    for (const to of next.get(at) ?? []) if (!path.includes(to)) walk(to, [...path, to]);
  };
  walk(sop.initial, [sop.initial]);
  const main = best.filter((k) => !sop.states[k]?.terminal);
  if (!main.length && sop.states[sop.initial]) main.push(sop.initial);
  const rest = Object.keys(sop.states).filter((k) => !main.includes(k) && !sop.states[k]!.terminal);
  return [...main.map((key) => ({ key, state: sop.states[key]!, aside: false })), ...rest.map((key) => ({ key, state: sop.states[key]!, aside: true }))];
}

/** A document as the published requirements list it: optional, needed only in a stated case, or always. */
function requirementText(d: DocumentRequirement, service: ServiceDefinition): LocalizedText {
  if (d.requiredWhen) {
    const when = conditionText(d.requiredWhen, service);
    return when ? { id: `${d.name.id} (jika ${when.id})`, en: `${d.name.en} (if ${when.en})` } : { id: `${d.name.id} (jika berlaku untuk Anda)`, en: `${d.name.en} (if it applies to you)` };
  }
  return d.minCount === 0 ? { id: `${d.name.id} (opsional)`, en: `${d.name.en} (optional)` } : d.name;
}

/** `{ properties: { field: { const: v } } }` in words ("Alasan Penggantian: hilang"); anything else: undefined. */
function conditionText(when: Record<string, unknown>, service: ServiceDefinition): LocalizedText | undefined {
  const props = when.properties as Record<string, { const?: unknown; enum?: unknown[] }> | undefined;
  if (!props || Object.keys(when).some((k) => k !== 'properties' && k !== 'required')) return undefined;
  const parts: LocalizedText[] = [];
  for (const [field, rule] of Object.entries(props)) {
    const values = rule && 'const' in rule ? [rule.const] : Array.isArray(rule?.enum) ? rule.enum : undefined;
    if (!values || values.some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) return undefined;
    const label = service.form.ui.labels[field] ?? { id: field, en: field };
    const shown = values.map((v) => String(v).replace(/[_-]+/g, ' ')).join(' / ');
    parts.push({ id: `${label.id}: ${shown}`, en: `${label.en}: ${shown}` });
  }
  return parts.length ? { id: parts.map((p) => p.id).join(', '), en: parts.map((p) => p.en).join(', ') } : undefined;
}
