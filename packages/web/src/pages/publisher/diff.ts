/**
 * What changed between two versions of a plugin, in words a publisher reads before publishing:
 * questions, documents, steps, actions, SLA and fee, service by service. Written for this data
 * rather than with a generic JSON diff library (jsondiffpatch, microdiff): those answer paths such
 * as `/services/3/form/schema/allOf/1/then/required/2`, and a person needs "question X is now
 * asked only when …" — the mapping from paths to meaning is the work, and it is done here.
 *
 * The version bump follows semver as a citizen meets the form: a change that can refuse an
 * application that was fine before (a new required question or document, a question removed or of
 * another kind, a service removed) is major; new optional things, steps, SLA and fee changes are
 * minor; wording only is a patch.
 */
import { canonical, docCondition, kindOf, toModel, type Condition, type Doc, type Manifest, type Service, type Text } from './model.js';

export type Bump = 'major' | 'minor' | 'patch';
export interface Change {
  service: string;
  area: 'service' | 'field' | 'document' | 'state' | 'action' | 'sla' | 'fee';
  what: 'added' | 'removed' | 'changed';
  /** The thing's name, both languages. */
  name: Text;
  /** Plain words: what is different. */
  detail: Text[];
  bump: Bump;
}

const t = (id: string, en: string): Text => ({ id, en });
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const unit = (u: string) => (u === 'working-days' ? t('hari kerja', 'working days') : u === 'hours' ? t('jam', 'hours') : t('menit', 'minutes'));
const dur = (d: { value: number; unit: string } | undefined): Text => (d ? t(`${d.value} ${unit(d.unit).id}`, `${d.value} ${unit(d.unit).en}`) : t('tanpa batas', 'no limit'));
/** An answer as a person reads it: Ya/Tidak, or the option in words (as the form shows it). */
export const answerText = (v: string | boolean): Text => (v === true ? t('Ya', 'Yes') : v === false ? t('Tidak', 'No') : t(humanize(v), humanize(v)));
const humanize = (v: string) => v.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
type Labels = (field: string) => Text;
const cond = (c: Condition | undefined, label: Labels): Text => {
  if (!c) return t('selalu', 'always');
  const q = label(c.field);
  const v = c.values.map(answerText);
  return t(`hanya bila “${q.id}” dijawab ${v.map((x) => x.id).join(' / ')}`, `only when “${q.en}” is answered ${v.map((x) => x.en).join(' / ')}`);
};
const KIND: Record<string, Text> = {
  text: t('teks', 'text'),
  longtext: t('teks panjang', 'long text'),
  number: t('angka', 'number'),
  date: t('tanggal', 'date'),
  choice: t('pilihan', 'choice'),
  yesno: t('ya/tidak', 'yes/no'),
  other: t('lainnya', 'other'),
};
const rupiah = (n: number | undefined) => (n === undefined ? '–' : `Rp${n.toLocaleString('id-ID')}`);
const fee = (f: Service['fee']): Text =>
  f.kind === 'free' ? t('gratis', 'free') : f.kind === 'fixed' ? t(rupiah(f.amount), rupiah(f.amount)) : f.kind === 'table' ? t('tabel tarif', 'fee table') : t('rumus', 'formula');

/** Whether a question is asked: always required, only when a condition holds, or optional. */
function asked(svc: Service) {
  const m = toModel(svc);
  const out = new Map<string, { required: boolean; when?: Condition; kind: string; label: Text; field: (typeof m.fields)[number] }>();
  for (const f of m.fields) {
    const when = m.rules.find((r) => r.kind === 'when' && r.require.includes(f.name));
    out.set(f.name, { required: f.required, ...(when?.kind === 'when' ? { when: when.when } : {}), kind: kindOf(f.schema, f.widget), label: f.label, field: f });
  }
  return out;
}

const docRequired = (d: Doc) => d.minCount > 0;

export function diffService(prev: Service | undefined, next: Service | undefined): Change[] {
  const code = (next ?? prev)!.code;
  const out: Change[] = [];
  const add = (c: Omit<Change, 'service'>) => out.push({ service: code, ...c });
  if (!prev) return [{ service: code, area: 'service', what: 'added', name: next!.name, detail: [], bump: 'minor' }];
  if (!next) return [{ service: code, area: 'service', what: 'removed', name: prev.name, detail: [], bump: 'major' }];

  const a = asked(prev);
  const b = asked(next);
  const label: Labels = (f) => b.get(f)?.label ?? a.get(f)?.label ?? t(f, f);
  for (const [name, f] of b) {
    const o = a.get(name);
    if (!o) {
      add({ area: 'field', what: 'added', name: f.label, detail: [t(`jenis ${KIND[f.kind]!.id}`, `kind ${KIND[f.kind]!.en}`), f.required ? t('wajib', 'required') : f.when ? cond(f.when, label) : t('tidak wajib', 'optional')], bump: f.required ? 'major' : 'minor' });
      continue;
    }
    const detail: Text[] = [];
    let bump: Bump = 'patch';
    const raise = (x: Bump) => {
      if (x === 'major' || (x === 'minor' && bump === 'patch')) bump = x;
    };
    if (!same(o.label, f.label)) {
      detail.push(t(`label: “${o.label.id}” → “${f.label.id}”`, `label: “${o.label.en}” → “${f.label.en}”`));
    }
    if (!same(o.field.help, f.field.help)) detail.push(t('teks bantuan diubah', 'help text changed'));
    if (o.kind !== f.kind) {
      detail.push(t(`jenis: ${KIND[o.kind]!.id} → ${KIND[f.kind]!.id}`, `kind: ${KIND[o.kind]!.en} → ${KIND[f.kind]!.en}`));
      raise('major');
    } else if (!same(o.field.schema, f.field.schema)) {
      const oo = o.field.schema.enum as string[] | undefined;
      const no = f.field.schema.enum as string[] | undefined;
      if (oo && no && !same(oo, no)) {
        const plus = no.filter((x) => !oo.includes(x));
        const minus = oo.filter((x) => !no.includes(x));
        if (plus.length) detail.push(t(`pilihan baru: ${plus.join(', ')}`, `new options: ${plus.join(', ')}`));
        if (minus.length) detail.push(t(`pilihan dihapus: ${minus.join(', ')}`, `options removed: ${minus.join(', ')}`));
        raise(minus.length ? 'major' : 'minor');
      }
      if (o.field.schema.format !== f.field.schema.format) {
        detail.push(t(`format: ${String(o.field.schema.format ?? '–')} → ${String(f.field.schema.format ?? '–')}`, `format: ${String(o.field.schema.format ?? '–')} → ${String(f.field.schema.format ?? '–')}`));
        raise('major');
      }
      if (detail.length === 0) {
        detail.push(t('aturan isian diubah', 'validation rules changed'));
        raise('minor');
      }
    }
    if (o.required !== f.required) {
      detail.push(f.required ? t('kini wajib', 'now required') : t('kini tidak wajib', 'no longer required'));
      raise(f.required ? 'major' : 'minor');
    }
    if (!same(o.when, f.when)) {
      detail.push(t(`ditanyakan: ${cond(o.when, label).id} → ${cond(f.when, label).id}`, `asked: ${cond(o.when, label).en} → ${cond(f.when, label).en}`));
      raise('minor');
    }
    if (detail.length) add({ area: 'field', what: 'changed', name: f.label, detail, bump });
  }
  for (const [name, o] of a) if (!b.has(name)) add({ area: 'field', what: 'removed', name: o.label, detail: [], bump: 'major' });
  const aOrder = [...a.keys()].filter((n) => b.has(n));
  const bOrder = [...b.keys()].filter((n) => a.has(n));
  if (!same(aOrder, bOrder)) add({ area: 'field', what: 'changed', name: t('Urutan pertanyaan', 'Order of the questions'), detail: [t('urutan diubah', 'reordered')], bump: 'patch' });

  const docs = (s: Service) => new Map(s.documents.map((d) => [d.code, d]));
  const da = docs(prev);
  const db = docs(next);
  const docWhen = (d: Doc): Text => (docRequired(d) ? t('wajib', 'required') : d.requiredWhen ? (docCondition(d) ? t(`wajib ${cond(docCondition(d), label).id}`, `required ${cond(docCondition(d), label).en}`) : t('wajib bila syarat terpenuhi', 'required when a condition holds')) : t('tidak wajib', 'optional'));
  for (const [c, d] of db) {
    const o = da.get(c);
    if (!o) {
      add({ area: 'document', what: 'added', name: d.name, detail: [docWhen(d), t(`maks. ${d.maxSizeMb} MB`, `max ${d.maxSizeMb} MB`)], bump: docRequired(d) || d.requiredWhen ? 'major' : 'minor' });
      continue;
    }
    if (same(o, d)) continue;
    const detail: Text[] = [];
    let bump: Bump = 'patch';
    if (!same(o.name, d.name)) detail.push(t(`nama: “${o.name.id}” → “${d.name.id}”`, `name: “${o.name.en}” → “${d.name.en}”`));
    if (docRequired(o) !== docRequired(d) || !same(o.requiredWhen, d.requiredWhen)) {
      detail.push(t(`${docWhen(o).id} → ${docWhen(d).id}`, `${docWhen(o).en} → ${docWhen(d).en}`));
      bump = docRequired(d) && !docRequired(o) ? 'major' : 'minor';
    }
    if (o.maxSizeMb !== d.maxSizeMb) {
      detail.push(t(`ukuran maks. ${o.maxSizeMb} → ${d.maxSizeMb} MB`, `max size ${o.maxSizeMb} → ${d.maxSizeMb} MB`));
      if (d.maxSizeMb < o.maxSizeMb) bump = 'major';
      else if (bump === 'patch') bump = 'minor';
    }
    if (!same(o.accept, d.accept)) {
      detail.push(t(`berkas: ${o.accept.join(', ')} → ${d.accept.join(', ')}`, `files: ${o.accept.join(', ')} → ${d.accept.join(', ')}`));
      bump = d.accept.every((x) => o.accept.includes(x)) && d.accept.length < o.accept.length ? 'major' : bump === 'patch' ? 'minor' : bump;
    }
    if (o.maxCount !== d.maxCount || (o.minCount !== d.minCount && docRequired(o) === docRequired(d))) {
      detail.push(t(`jumlah ${o.minCount}–${o.maxCount} → ${d.minCount}–${d.maxCount}`, `count ${o.minCount}–${o.maxCount} → ${d.minCount}–${d.maxCount}`));
      if (bump === 'patch') bump = 'minor';
    }
    if (!detail.length) detail.push(t('diubah', 'changed'));
    add({ area: 'document', what: 'changed', name: d.name, detail, bump });
  }
  for (const [c, o] of da) if (!db.has(c)) add({ area: 'document', what: 'removed', name: o.name, detail: [], bump: 'minor' });

  const sa = prev.sop.states;
  const sb = next.sop.states;
  for (const [c, s] of Object.entries(sb)) {
    const o = sa[c];
    if (!o) add({ area: 'state', what: 'added', name: s.name, detail: s.sla ? [t(`batas waktu ${dur(s.sla).id}`, `time limit ${dur(s.sla).en}`)] : [], bump: 'minor' });
    else if (!same(o, s)) {
      const detail: Text[] = [];
      if (!same(o.name, s.name)) detail.push(t(`nama: “${o.name.id}” → “${s.name.id}”`, `name: “${o.name.en}” → “${s.name.en}”`));
      if (!same(o.sla, s.sla)) detail.push(t(`batas waktu ${dur(o.sla).id} → ${dur(s.sla).id}`, `time limit ${dur(o.sla).en} → ${dur(s.sla).en}`));
      if (o.actor !== s.actor) detail.push(t(`pelaku ${o.actor ?? '–'} → ${s.actor ?? '–'}`, `actor ${o.actor ?? '–'} → ${s.actor ?? '–'}`));
      if (!same(o.notify, s.notify)) detail.push(t('pesan ke pemohon diubah', 'message to the applicant changed'));
      if (!detail.length) detail.push(t('diubah', 'changed'));
      add({ area: 'state', what: 'changed', name: s.name, detail, bump: !same(o.sla, s.sla) || o.actor !== s.actor || o.terminal !== s.terminal ? 'minor' : 'patch' });
    }
  }
  for (const [c, o] of Object.entries(sa)) if (!sb[c]) add({ area: 'state', what: 'removed', name: o.name, detail: [], bump: 'minor' });
  const aa = new Map(prev.sop.actions.map((x) => [x.code, x]));
  const ab = new Map(next.sop.actions.map((x) => [x.code, x]));
  const who = (r: string[]) => r.join(', ');
  for (const [c, x] of ab) {
    const o = aa.get(c);
    if (!o) add({ area: 'action', what: 'added', name: x.name, detail: [t(`${x.from.join(', ')} → ${x.to}; oleh ${who(x.roles)}`, `${x.from.join(', ')} → ${x.to}; by ${who(x.roles)}`)], bump: 'minor' });
    else if (!same(o, x)) {
      const detail: Text[] = [];
      if (!same(o.name, x.name)) detail.push(t(`nama: “${o.name.id}” → “${x.name.id}”`, `name: “${o.name.en}” → “${x.name.en}”`));
      if (!same(o.roles, x.roles)) detail.push(t(`oleh ${who(o.roles)} → ${who(x.roles)}`, `by ${who(o.roles)} → ${who(x.roles)}`));
      if (!same(o.from, x.from) || o.to !== x.to) detail.push(t(`${o.from.join(', ')} → ${o.to} menjadi ${x.from.join(', ')} → ${x.to}`, `${o.from.join(', ')} → ${o.to} becomes ${x.from.join(', ')} → ${x.to}`));
      if (!detail.length) detail.push(t('diubah', 'changed'));
      add({ area: 'action', what: 'changed', name: x.name, detail, bump: same(o.name, x.name) || !same(o.roles, x.roles) || !same(o.from, x.from) || o.to !== x.to ? 'minor' : 'patch' });
    }
  }
  for (const [c, o] of aa) if (!ab.has(c)) add({ area: 'action', what: 'removed', name: o.name, detail: [], bump: 'minor' });
  if (!same(prev.sla, next.sla)) add({ area: 'sla', what: 'changed', name: t('Jangka waktu layanan', 'Service time limit'), detail: [t(`${dur(prev.sla).id} → ${dur(next.sla).id}`, `${dur(prev.sla).en} → ${dur(next.sla).en}`)], bump: 'minor' });
  if (!same(prev.fee, next.fee)) {
    const o = fee(prev.fee);
    const n = fee(next.fee);
    add({ area: 'fee', what: 'changed', name: t('Biaya', 'Fee'), detail: [t(`${o.id} → ${n.id}`, `${o.en} → ${n.en}`), ...(prev.fee.legalBasis !== next.fee.legalBasis ? [t(`dasar hukum: ${next.fee.legalBasis}`, `legal basis: ${next.fee.legalBasis}`)] : [])], bump: 'minor' });
  }
  const rest = (s: Service) => ({ ...s, form: undefined, documents: undefined, sop: { ...s.sop, states: undefined, actions: undefined }, sla: undefined, fee: undefined });
  if (!same(rest(prev), rest(next))) add({ area: 'service', what: 'changed', name: next.name, detail: [t('keterangan layanan lainnya diubah', 'other service details changed')], bump: 'minor' });
  return out;
}

/** Every change between two manifests, service by service. */
export function diffManifests(prev: Manifest, next: Manifest): Change[] {
  const codes = [...new Set([...prev.services.map((s) => s.code), ...next.services.map((s) => s.code)])];
  return codes.flatMap((c) =>
    diffService(
      prev.services.find((s) => s.code === c),
      next.services.find((s) => s.code === c),
    ),
  );
}

/** The largest bump the changes call for (nothing changed: none). */
export function bumpOf(changes: Change[]): Bump | undefined {
  if (changes.some((c) => c.bump === 'major')) return 'major';
  if (changes.some((c) => c.bump === 'minor')) return 'minor';
  return changes.length ? 'patch' : undefined;
}

/** The next version after `latest` for a bump (pre-release tags dropped). */
export function nextVersion(latest: string, bump: Bump): string {
  const [maj, min, pat] = latest.split('-')[0]!.split('.').map(Number) as [number, number, number];
  if (bump === 'major') return `${maj + 1}.0.0`;
  if (bump === 'minor') return `${maj}.${min + 1}.0`;
  return `${maj}.${min}.${pat + 1}`;
}
