import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n.js';
import { answerText } from './diff.js';
import { EditorChecks, EditorItem, EditorNumber, EditorSelect, EditorText } from '../../ui/EditorInputs.js';
import {
  conditionFor,
  defaultWidget,
  docCondition,
  nameFor,
  newField,
  requiredWhenOf,
  setCondition,
  TEXT_FORMATS,
  type Condition,
  type Doc,
  type Field,
  type FieldKind,
  type FormModel,
  type Service,
  type Text,
} from './model.js';

export const W = {
  questions: { id: 'Pertanyaan formulir', en: 'Form questions' },
  questionsIntro: { id: 'Yang ditanyakan kepada pemohon, dalam urutan tampil.', en: 'What the applicant is asked, in the order shown.' },
  label: { id: 'Pertanyaan', en: 'Question' },
  kind: { id: 'Jenis jawaban', en: 'Kind of answer' },
  format: { id: 'Format khusus', en: 'Special format' },
  formatHint: { id: 'Diperiksa otomatis saat pemohon mengisi.', en: 'Checked automatically as the applicant types.' },
  noFormat: { id: 'Tanpa format khusus', en: 'No special format' },
  options: { id: 'Pilihan jawaban (satu per baris)', en: 'Answer options (one per line)' },
  asked: { id: 'Kapan ditanyakan', en: 'When it is asked' },
  always: { id: 'Selalu, wajib diisi', en: 'Always, must be answered' },
  optional: { id: 'Selalu, boleh dikosongkan', en: 'Always, may be left empty' },
  when: { id: 'Hanya bila jawaban lain sesuai (lalu wajib)', en: 'Only when another answer matches (then required)' },
  whenField: { id: 'Bila pertanyaan', en: 'When the question' },
  whenValue: { id: 'dijawab', en: 'is answered' },
  help: { id: 'Teks bantuan', en: 'Help text' },
  otherShort: { id: 'Jenis khusus', en: 'Special kind' },
  whenShort: { id: 'Hanya bila menjawab', en: 'Only when answering' },
  other: { id: 'Jenis khusus (daftar atau kelompok isian); label dan bantuannya dapat diubah di sini.', en: 'A special kind (a list or group of entries); its label and help can be changed here.' },
  add: { id: 'Tambah pertanyaan', en: 'Add a question' },
  newLabel: { id: 'Pertanyaan baru', en: 'New question' },
  up: { id: 'Naikkan', en: 'Move up' },
  down: { id: 'Turunkan', en: 'Move down' },
  remove: { id: 'Hapus', en: 'Remove' },
  edit: { id: 'Ubah rincian', en: 'Edit details' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  documents: { id: 'Dokumen persyaratan', en: 'Required documents' },
  docName: { id: 'Nama dokumen', en: 'Document name' },
  accept: { id: 'Jenis berkas yang diterima', en: 'File types accepted' },
  maxSize: { id: 'Ukuran maksimum (MB)', en: 'Maximum size (MB)' },
  maxCount: { id: 'Jumlah berkas paling banyak', en: 'Most files allowed' },
  docAsked: { id: 'Kapan diminta', en: 'When it is asked for' },
  docAlways: { id: 'Selalu wajib', en: 'Always required' },
  docOptional: { id: 'Tidak wajib', en: 'Not required' },
  docWhen: { id: 'Wajib hanya bila jawaban sesuai', en: 'Required only when an answer matches' },
  docAdvanced: { id: 'Syarat khusus (tidak diubah)', en: 'A special condition (kept as it is)' },
  addDoc: { id: 'Tambah dokumen', en: 'Add a document' },
  newDoc: { id: 'Dokumen baru', en: 'New document' },
  sop: { id: 'Langkah layanan (SOP)', en: 'Service steps (SOP)' },
  states: { id: 'Tahap', en: 'Stages' },
  stateName: { id: 'Nama tahap', en: 'Stage name' },
  stateSla: { id: 'Batas waktu tahap ini (hari kerja)', en: 'Time limit for this stage (working days)' },
  stateSlaHint: { id: 'Kosongkan bila tanpa batas waktu.', en: 'Leave empty for no time limit.' },
  actor: { id: 'Yang bertindak', en: 'Who acts' },
  end: { id: 'Tahap akhir', en: 'Final stage' },
  actions: { id: 'Tindakan', en: 'Actions' },
  actionName: { id: 'Nama tindakan', en: 'Action name' },
  from: { id: 'Dapat dilakukan pada tahap', en: 'Can be taken at the stage' },
  to: { id: 'Lalu menuju tahap', en: 'Then goes to the stage' },
  roles: { id: 'Siapa yang boleh', en: 'Who may take it' },
  addState: { id: 'Tambah tahap', en: 'Add a stage' },
  addAction: { id: 'Tambah tindakan', en: 'Add an action' },
  newState: { id: 'Tahap baru', en: 'New stage' },
  newAction: { id: 'Tindakan baru', en: 'New action' },
  slaFee: { id: 'Jangka waktu dan biaya', en: 'Time limit and fee' },
  sla: { id: 'Jangka waktu layanan', en: 'Service time limit' },
  unit: { id: 'Satuan', en: 'Unit' },
  feeKind: { id: 'Biaya', en: 'Fee' },
  amount: { id: 'Besar biaya (Rp)', en: 'Amount (Rp)' },
  legalBasis: { id: 'Dasar hukum biaya', en: 'Legal basis of the fee' },
  feeLocked: { id: 'Biaya ini ditetapkan secara nasional; kabupaten/kota tidak dapat mengubahnya.', en: 'This fee is set nationally; regencies cannot change it.' },
  feeOther: { id: 'Biaya bertabel atau berumus diubah lewat berkas manifest.', en: 'A fee table or formula is changed through the manifest file.' },
} satisfies Record<string, Text>;

const KINDS: { value: FieldKind; label: Text }[] = [
  { value: 'text', label: { id: 'Teks singkat', en: 'Short text' } },
  { value: 'longtext', label: { id: 'Teks panjang', en: 'Long text' } },
  { value: 'number', label: { id: 'Angka', en: 'Number' } },
  { value: 'date', label: { id: 'Tanggal', en: 'Date' } },
  { value: 'choice', label: { id: 'Pilihan', en: 'Choice' } },
  { value: 'yesno', label: { id: 'Ya / tidak', en: 'Yes / no' } },
];
const FORMATS: Record<string, Text> = {
  nik: { id: 'NIK (16 digit)', en: 'NIK (16 digits)' },
  nkk: { id: 'Nomor Kartu Keluarga (16 digit)', en: 'Family card number (KK, 16 digits)' },
  'phone-id': { id: 'Nomor HP Indonesia', en: 'Indonesian phone number' },
  npwp: { id: 'NPWP (15 atau 16 digit)', en: 'Tax number (NPWP, 15 or 16 digits)' },
  'nib-usaha': { id: 'NIB usaha dari OSS (13 digit)', en: 'Business number (NIB) from OSS (13 digits)' },
  'nib-bidang': { id: 'NIB bidang tanah (14 digit)', en: 'Land parcel number (NIB, 14 digits)' },
  nop: { id: 'NOP PBB (18 digit)', en: 'Property tax object number (NOP, 18 digits)' },
  kbli: { id: 'Kode KBLI (5 digit)', en: 'KBLI business code (5 digits)' },
  nip: { id: 'NIP pegawai (18 digit)', en: 'Civil servant number (NIP, 18 digits)' },
  'postal-code-id': { id: 'Kode pos', en: 'Postal code' },
  email: { id: 'Alamat email', en: 'Email address' },
};
const ROLES: { value: 'citizen' | 'officer' | 'village-operator' | 'tenant-admin'; label: Text }[] = [
  { value: 'citizen', label: { id: 'Pemohon', en: 'Applicant' } },
  { value: 'officer', label: { id: 'Petugas', en: 'Officer' } },
  { value: 'village-operator', label: { id: 'Operator desa', en: 'Village operator' } },
  { value: 'tenant-admin', label: { id: 'Admin kabupaten/kota', en: 'Regency admin' } },
];
const ACTORS = [...ROLES, { value: 'system' as const, label: { id: 'Sistem', en: 'System' } }];
const MIME = [
  { value: 'application/pdf' as const, label: 'PDF' },
  { value: 'image/jpeg' as const, label: 'JPG' },
  { value: 'image/png' as const, label: 'PNG' },
];

const move = <T,>(list: T[], i: number, d: number): T[] => {
  const out = [...list];
  const [x] = out.splice(i, 1);
  out.splice(i + d, 0, x!);
  return out;
};
const slug = (s: string, taken: string[]) => {
  const base = nameFor(s, []).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).slice(0, 40) || 'baru';
  let code = base;
  for (let n = 2; taken.includes(code); n++) code = `${base}-${n}`;
  return code;
};

/** The questions a condition may look at: choices and yes/no questions other than this one. */
const condFields = (m: FormModel, not?: string) => m.fields.filter((f) => f.name !== not && (f.kind === 'choice' || f.kind === 'yesno') && (f.kind === 'yesno' || (f.options?.length ?? 0) > 0));
const valuesOf = (f: Field | undefined): (string | boolean)[] => (f?.kind === 'yesno' ? [true, false] : (f?.options ?? []));

/** "When question … is answered …": two selects. */
function ConditionInputs(props: { id: string; model: FormModel; not?: string; value: Condition; onChange(c: Condition): void }) {
  const { L } = useI18n();
  const fields = condFields(props.model, props.not);
  const target = props.model.fields.find((f) => f.name === props.value.field);
  const show = (v: string | boolean) => L(answerText(v));
  return (
    <div className="grid2">
      <EditorSelect id={`${props.id}-field`} label={L(W.whenField)} value={props.value.field} options={fields.map((f) => ({ value: f.name, label: L(f.label) }))} onChange={(field) => props.onChange({ field, values: valuesOf(props.model.fields.find((f) => f.name === field)).slice(0, 1) })} />
      <EditorSelect
        id={`${props.id}-value`}
        label={L(W.whenValue)}
        value={String(props.value.values[0] ?? '')}
        options={valuesOf(target).map((v) => ({ value: String(v), label: show(v) }))}
        onChange={(v) => props.onChange({ field: props.value.field, values: [target?.kind === 'yesno' ? v === 'true' : v] })}
      />
    </div>
  );
}

export function QuestionsSection({ model, onChange }: { model: FormModel; onChange(m: FormModel): void }) {
  const { L } = useI18n();
  const words = { up: L(W.up), down: L(W.down), remove: L(W.remove), edit: L(W.edit) };
  const [added, setAdded] = useState<string[]>([]);
  const [adding, setAdding] = useState<{ label: Text; kind: FieldKind }>({ label: { id: '', en: '' }, kind: 'text' });
  const set = (name: string, patch: Partial<Field>) => onChange({ ...model, fields: model.fields.map((f) => (f.name === name ? { ...f, ...patch } : f)) });
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!adding.label.id.trim()) return;
    const label = { id: adding.label.id.trim(), en: adding.label.en.trim() || adding.label.id.trim() };
    const f = newField(label, adding.kind, model.fields.map((x) => x.name));
    onChange({ ...model, fields: [...model.fields, f] });
    setAdded([...added, f.name]);
    setAdding({ label: { id: '', en: '' }, kind: 'text' });
  };
  return (
    <section className="card" aria-labelledby="ed-questions">
      <h2 id="ed-questions">{L(W.questions)}</h2>
      <p className="muted">{L(W.questionsIntro)}</p>
      <ol className="editor-list">
        {model.fields.map((f, i) => {
          const id = `q-${f.name}`;
          const cond = conditionFor(model, f.name);
          const mode = cond ? 'when' : f.required ? 'always' : 'optional';
          const candidates = condFields(model, f.name);
          return (
            <EditorItem
              key={f.name}
              id={id}
              title={L(f.label) || f.name}
              meta={`${f.kind === 'other' ? L(W.otherShort) : L(KINDS.find((k) => k.value === f.kind)!.label)}${f.format && FORMATS[f.format] ? ` (${L(FORMATS[f.format])})` : ''} · ${cond ? `${L(W.whenShort)} ${L(model.fields.find((x) => x.name === cond.field)?.label ?? { id: cond.field, en: cond.field })}` : f.required ? L(W.always) : L(W.optional)}`}
              startOpen={added.includes(f.name)}
              words={words}
              moveUp={i > 0 ? () => onChange({ ...model, fields: move(model.fields, i, -1) }) : undefined}
              moveDown={i < model.fields.length - 1 ? () => onChange({ ...model, fields: move(model.fields, i, 1) }) : undefined}
              remove={() => onChange({ ...model, fields: model.fields.filter((x) => x.name !== f.name) })}
            >
              <EditorText id={`${id}-label`} legend={L(W.label)} value={f.label} onChange={(label) => set(f.name, { label })} />
              {f.kind === 'other' ? (
                <p className="muted small">{L(W.other)}</p>
              ) : (
                <div className="grid2">
                  <EditorSelect
                    id={`${id}-kind`}
                    label={L(W.kind)}
                    value={f.kind}
                    options={KINDS.map((k) => ({ value: k.value, label: L(k.label) }))}
                    onChange={(kind) => set(f.name, { kind, format: undefined, widget: defaultWidget(kind), ...(kind === 'choice' ? { options: f.options ?? [] } : {}) })}
                  />
                  {f.kind === 'text' && (
                    <EditorSelect
                      id={`${id}-format`}
                      label={L(W.format)}
                      hint={L(W.formatHint)}
                      value={f.format ?? 'none'}
                      options={[
                        { value: 'none', label: L(W.noFormat) },
                        ...[...TEXT_FORMATS, ...(f.format && !(TEXT_FORMATS as readonly string[]).includes(f.format) ? [f.format] : [])].map((x) => ({ value: x, label: FORMATS[x] ? L(FORMATS[x]) : x })),
                      ]}
                      onChange={(v) => set(f.name, { format: v === 'none' ? undefined : v, widget: defaultWidget('text', v === 'none' ? undefined : v) })}
                    />
                  )}
                </div>
              )}
              {f.kind === 'choice' && (
                <div className="field">
                  <label htmlFor={`${id}-options`}>{L(W.options)}</label>
                  <textarea
                    id={`${id}-options`}
                    rows={Math.min(8, (f.options?.length ?? 0) + 2)}
                    value={(f.options ?? []).join('\n')}
                    onChange={(e) => set(f.name, { options: e.target.value.split('\n').map((x) => x.trimStart()) })}
                    onBlur={(e) => set(f.name, { options: [...new Set(e.target.value.split('\n').map((x) => x.trim()).filter(Boolean))] })}
                  />
                </div>
              )}
              <EditorSelect
                id={`${id}-asked`}
                label={L(W.asked)}
                value={mode}
                options={[
                  { value: 'always', label: L(W.always) },
                  { value: 'optional', label: L(W.optional) },
                  ...(candidates.length ? [{ value: 'when' as const, label: L(W.when) }] : []),
                ]}
                onChange={(v) => {
                  if (v === 'when') {
                    const c = candidates[0]!;
                    onChange(setCondition(model, f.name, { field: c.name, values: valuesOf(c).slice(0, 1) }));
                  } else {
                    const m = setCondition(model, f.name, undefined);
                    onChange({ ...m, fields: m.fields.map((x) => (x.name === f.name ? { ...x, required: v === 'always' } : x)) });
                  }
                }}
              />
              {cond && <ConditionInputs id={`${id}-when`} model={model} not={f.name} value={cond} onChange={(c) => onChange(setCondition(model, f.name, c))} />}
              <EditorText id={`${id}-help`} legend={L(W.help)} long value={f.help} onChange={(help) => set(f.name, { help: help.id || help.en ? help : undefined })} />
            </EditorItem>
          );
        })}
      </ol>
      <form className="editor-add" onSubmit={add} aria-labelledby="q-add-title">
        <h3 id="q-add-title">{L(W.add)}</h3>
        <EditorText id="q-new-label" legend={L(W.newLabel)} value={adding.label} onChange={(label) => setAdding({ ...adding, label })} />
        <EditorSelect id="q-new-kind" label={L(W.kind)} value={adding.kind} options={KINDS.map((k) => ({ value: k.value, label: L(k.label) }))} onChange={(kind) => setAdding({ ...adding, kind })} />
        <button type="submit" className="btn secondary">
          {L(W.add)}
        </button>
      </form>
    </section>
  );
}

type DocMode = 'always' | 'optional' | 'when' | 'advanced';
const docMode = (d: Doc): DocMode => (d.minCount > 0 ? 'always' : !d.requiredWhen ? 'optional' : docCondition(d) ? 'when' : 'advanced');

export function DocumentsSection({ model, service, onChange }: { model: FormModel; service: Service; onChange(docs: Doc[]): void }) {
  const { L } = useI18n();
  const words = { up: L(W.up), down: L(W.down), remove: L(W.remove), edit: L(W.edit) };
  const [added, setAdded] = useState<string[]>([]);
  const docs = service.documents;
  const [adding, setAdding] = useState<Text>({ id: '', en: '' });
  const set = (i: number, d: Doc) => onChange(docs.map((x, j) => (j === i ? d : x)));
  const candidates = condFields(model);
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!adding.id.trim()) return;
    const name = { id: adding.id.trim(), en: adding.en.trim() || adding.id.trim() };
    const code = slug(name.id, docs.map((d) => d.code));
    setAdded([...added, code]);
    onChange([...docs, { code, name, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 5, minCount: 1, maxCount: 1 }]);
    setAdding({ id: '', en: '' });
  };
  return (
    <section className="card" aria-labelledby="ed-docs">
      <h2 id="ed-docs">{L(W.documents)}</h2>
      <ol className="editor-list">
        {docs.map((d, i) => {
          const id = `d-${d.code}`;
          const mode = docMode(d);
          return (
            <EditorItem
              key={d.code}
              id={id}
              title={L(d.name) || d.code}
              meta={`${L({ always: W.docAlways, optional: W.docOptional, when: W.docWhen, advanced: W.docAdvanced }[mode])} · ${d.accept.map((a) => MIME.find((m) => m.value === a)?.label).join(', ')} · ${d.maxSizeMb} MB`}
              startOpen={added.includes(d.code)}
              words={words}
              moveUp={i > 0 ? () => onChange(move(docs, i, -1)) : undefined}
              moveDown={i < docs.length - 1 ? () => onChange(move(docs, i, 1)) : undefined}
              remove={() => onChange(docs.filter((_, j) => j !== i))}
            >
              <EditorText id={`${id}-name`} legend={L(W.docName)} value={d.name} onChange={(name) => set(i, { ...d, name })} />
              <EditorChecks id={`${id}-accept`} legend={L(W.accept)} value={d.accept} options={MIME} onChange={(accept) => set(i, { ...d, accept })} />
              <div className="grid2">
                <EditorNumber id={`${id}-size`} label={L(W.maxSize)} min={1} max={50} value={d.maxSizeMb} onChange={(v) => set(i, { ...d, maxSizeMb: v ?? 1 })} />
                <EditorNumber id={`${id}-count`} label={L(W.maxCount)} min={1} max={50} value={d.maxCount} onChange={(v) => set(i, { ...d, maxCount: v ?? 1 })} />
              </div>
              <EditorSelect<DocMode>
                id={`${id}-asked`}
                label={L(W.docAsked)}
                value={mode}
                options={[
                  { value: 'always', label: L(W.docAlways) },
                  { value: 'optional', label: L(W.docOptional) },
                  ...(candidates.length ? [{ value: 'when' as const, label: L(W.docWhen) }] : []),
                  ...(mode === 'advanced' ? [{ value: 'advanced' as const, label: L(W.docAdvanced) }] : []),
                ]}
                onChange={(v) => {
                  const { requiredWhen: _drop, ...rest } = d;
                  if (v === 'always') set(i, { ...rest, minCount: Math.max(1, d.minCount) });
                  else if (v === 'optional') set(i, { ...rest, minCount: 0 });
                  else if (v === 'when') {
                    const c = candidates[0]!;
                    set(i, { ...rest, minCount: 0, requiredWhen: requiredWhenOf({ field: c.name, values: valuesOf(c).slice(0, 1) }) as Doc['requiredWhen'] });
                  }
                }}
              />
              {mode === 'when' && (
                <ConditionInputs id={`${id}-when`} model={model} value={docCondition(d)!} onChange={(c) => set(i, { ...d, requiredWhen: requiredWhenOf(c) as Doc['requiredWhen'] })} />
              )}
            </EditorItem>
          );
        })}
      </ol>
      <form className="editor-add" onSubmit={add} aria-labelledby="d-add-title">
        <h3 id="d-add-title">{L(W.addDoc)}</h3>
        <EditorText id="d-new-name" legend={L(W.newDoc)} value={adding} onChange={setAdding} />
        <button type="submit" className="btn secondary">
          {L(W.addDoc)}
        </button>
      </form>
    </section>
  );
}

export function SopSection({ service, onChange }: { service: Service; onChange(sop: Service['sop']): void }) {
  const { L } = useI18n();
  const words = { up: L(W.up), down: L(W.down), remove: L(W.remove), edit: L(W.edit) };
  const [added, setAdded] = useState<string[]>([]);
  const sop = service.sop;
  const codes = Object.keys(sop.states);
  const [newState, setNewState] = useState<Text>({ id: '', en: '' });
  const [newAction, setNewAction] = useState<Text>({ id: '', en: '' });
  const stateOptions = codes.map((c) => ({ value: c, label: L(sop.states[c]!.name) }));
  const open = codes.filter((c) => !sop.states[c]!.terminal);
  return (
    <section className="card" aria-labelledby="ed-sop">
      <h2 id="ed-sop">{L(W.sop)}</h2>
      <h3>{L(W.states)}</h3>
      <ol className="editor-list">
        {codes.map((c) => {
          const s = sop.states[c]!;
          const id = `s-${c}`;
          const set = (patch: Partial<typeof s>) => onChange({ ...sop, states: { ...sop.states, [c]: { ...s, ...patch } } });
          const days = s.sla?.unit === 'working-days' ? s.sla.value : undefined;
          return (
            <EditorItem
              key={c}
              id={id}
              title={`${L(s.name)}${s.terminal ? ` (${L(W.end)})` : ''}`}
              meta={s.terminal ? undefined : `${s.actor ? L(ACTORS.find((a) => a.value === s.actor)!.label) : '–'}${days ? ` · ${days} ${L(UNITS[0]!.label)}` : ''}`}
              startOpen={added.includes(c)}
              words={words}
            >
              <EditorText id={`${id}-name`} legend={L(W.stateName)} value={s.name} onChange={(name) => set({ name })} />
              {!s.terminal && (
                <div className="grid2">
                  {!s.sla || s.sla.unit === 'working-days' ? (
                    <EditorNumber
                      id={`${id}-sla`}
                      label={L(W.stateSla)}
                      hint={L(W.stateSlaHint)}
                      min={1}
                      max={365}
                      value={days}
                      onChange={(v) => {
                        const { sla: _drop, ...rest } = s;
                        onChange({ ...sop, states: { ...sop.states, [c]: v ? { ...rest, sla: { value: v, unit: 'working-days' } } : rest } });
                      }}
                    />
                  ) : (
                    <p className="small">
                      {L(W.stateSla)}: {s.sla.value} {s.sla.unit}
                    </p>
                  )}
                  <EditorSelect id={`${id}-actor`} label={L(W.actor)} value={s.actor} options={ACTORS.map((a) => ({ value: a.value, label: L(a.label) }))} onChange={(actor) => set({ actor })} />
                </div>
              )}
            </EditorItem>
          );
        })}
      </ol>
      <form
        className="editor-add"
        aria-labelledby="s-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newState.id.trim()) return;
          const name = { id: newState.id.trim(), en: newState.en.trim() || newState.id.trim() };
          const code = slug(name.id, codes);
          setAdded([...added, code]);
          onChange({ ...sop, states: { ...sop.states, [code]: { name, actor: 'officer' } } });
          setNewState({ id: '', en: '' });
        }}
      >
        <h3 id="s-add-title">{L(W.addState)}</h3>
        <EditorText id="s-new-name" legend={L(W.newState)} value={newState} onChange={setNewState} />
        <button type="submit" className="btn secondary">
          {L(W.addState)}
        </button>
      </form>
      <h3>{L(W.actions)}</h3>
      <ol className="editor-list">
        {sop.actions.map((a, i) => {
          const id = `a-${a.code}`;
          const set = (patch: Partial<typeof a>) => onChange({ ...sop, actions: sop.actions.map((x, j) => (j === i ? { ...a, ...patch } : x)) });
          return (
            <EditorItem
              key={a.code}
              id={id}
              title={L(a.name) || a.code}
              meta={`${a.from.map((f) => L(sop.states[f]?.name ?? { id: f, en: f })).join(', ')} → ${L(sop.states[a.to]?.name ?? { id: a.to, en: a.to })} · ${a.roles.map((r) => L(ROLES.find((x) => x.value === r)!.label)).join(', ')}`}
              startOpen={added.includes(`action:${a.code}`)}
              words={words}
              remove={() => onChange({ ...sop, actions: sop.actions.filter((_, j) => j !== i) })}>
              <EditorText id={`${id}-name`} legend={L(W.actionName)} value={a.name} onChange={(name) => set({ name })} />
              <EditorChecks id={`${id}-from`} legend={L(W.from)} value={a.from} options={stateOptions.filter((o) => open.includes(o.value))} onChange={(from) => set({ from })} />
              <EditorSelect id={`${id}-to`} label={L(W.to)} value={a.to} options={stateOptions} onChange={(to) => set({ to })} />
              <EditorChecks id={`${id}-roles`} legend={L(W.roles)} value={a.roles} options={ROLES.map((r) => ({ value: r.value, label: L(r.label) }))} onChange={(roles) => set({ roles })} />
            </EditorItem>
          );
        })}
      </ol>
      <form
        className="editor-add"
        aria-labelledby="a-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newAction.id.trim() || !open.length) return;
          const name = { id: newAction.id.trim(), en: newAction.en.trim() || newAction.id.trim() };
          const code = slug(name.id, sop.actions.map((x) => x.code));
          setAdded([...added, `action:${code}`]);
          onChange({ ...sop, actions: [...sop.actions, { code, name, from: [open[0]!], to: codes.find((c) => c !== open[0]) ?? open[0]!, roles: ['officer'] }] });
          setNewAction({ id: '', en: '' });
        }}
      >
        <h3 id="a-add-title">{L(W.addAction)}</h3>
        <EditorText id="a-new-name" legend={L(W.newAction)} value={newAction} onChange={setNewAction} />
        <button type="submit" className="btn secondary">
          {L(W.addAction)}
        </button>
      </form>
    </section>
  );
}

const UNITS = [
  { value: 'working-days' as const, label: { id: 'hari kerja', en: 'working days' } },
  { value: 'hours' as const, label: { id: 'jam', en: 'hours' } },
  { value: 'minutes' as const, label: { id: 'menit', en: 'minutes' } },
];

export function SlaFeeSection({ service, onChange }: { service: Service; onChange(patch: Pick<Service, 'sla' | 'fee'>): void }) {
  const { L } = useI18n();
  const { sla, fee } = service;
  const simpleFee = fee.kind === 'free' || fee.kind === 'fixed';
  return (
    <section className="card" aria-labelledby="ed-slafee">
      <h2 id="ed-slafee">{L(W.slaFee)}</h2>
      <div className="grid2">
        <EditorNumber id="sla-value" label={L(W.sla)} min={1} max={1000} value={sla.value} onChange={(v) => onChange({ fee, sla: { ...sla, value: v ?? 1 } })} />
        <EditorSelect id="sla-unit" label={L(W.unit)} value={sla.unit} options={UNITS.map((u) => ({ value: u.value, label: L(u.label) }))} onChange={(unit) => onChange({ fee, sla: { ...sla, unit } })} />
      </div>
      {fee.locked && <p className="muted small">{L(W.feeLocked)}</p>}
      {simpleFee ? (
        <div className="grid2">
          <EditorSelect
            id="fee-kind"
            label={L(W.feeKind)}
            value={fee.kind}
            options={[
              { value: 'free', label: L({ id: 'Gratis', en: 'Free' }) },
              { value: 'fixed', label: L({ id: 'Tarif tetap', en: 'Fixed amount' }) },
            ]}
            onChange={(kind) => {
              const { amount: _drop, ...rest } = fee;
              onChange({ sla, fee: kind === 'free' ? { ...rest, kind } : { ...rest, kind, amount: fee.amount ?? 0 } });
            }}
          />
          {fee.kind === 'fixed' && <EditorNumber id="fee-amount" label={L(W.amount)} min={0} value={fee.amount} onChange={(v) => onChange({ sla, fee: { ...fee, amount: v ?? 0 } })} />}
        </div>
      ) : (
        <p className="small">{L(W.feeOther)}</p>
      )}
      <div className="field">
        <label htmlFor="fee-legal">{L(W.legalBasis)}</label>
        <input id="fee-legal" type="text" value={fee.legalBasis} onChange={(e) => onChange({ sla, fee: { ...fee, legalBasis: e.target.value } })} />
      </div>
    </section>
  );
}
