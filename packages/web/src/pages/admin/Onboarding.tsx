import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { client, hasStatus, isStale, problems, unwrap, unwrapWithEtag } from '../../api.js';
import { Async, Notice, PageTitle, RequireLogin, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';
import type { Localized } from '../../types.js';
import { DayMonthYear } from '../../ui/DayMonthYear.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import type { Answer } from '../Messages.js';
import { MaklumatEditor } from '../Admin.js';
import { OverlayForm } from './OverlayForm.js';
import './onboarding.css';

type Checklist = Answer<'getOnboarding'>;
type ServiceRow = Checklist['services'][number];
type AgencyRecord = Checklist['agencies'][number];
type DecreeKind = Checklist['decrees'][number]['kind'];

export const W = {
  title: { id: 'Persiapan MPP', en: 'MPP onboarding' },
  intro: {
    id: 'Selesaikan setiap butir daftar periksa di halaman ini. Nilai kesiapan diperbarui setiap kali Anda menyimpan.',
    en: 'Complete every checklist item on this page. The readiness score updates each time you save.',
  },
  score: { id: 'Kesiapan: {done} dari {all} butir selesai ({pct})', en: 'Readiness: {done} of {all} items done ({pct})' },
  complete: { id: 'Semua butir selesai. MPP siap diluncurkan.', en: 'Every item is done. The MPP is ready to launch.' },
  deadline: { id: 'Batas komitmen 1 tahun: {date}', en: 'One-year commitment deadline: {date}' },
  daysLeft: { id: '{n} hari lagi', en: '{n} days left' },
  daysLate: { id: 'lewat {n} hari', en: '{n} days overdue' },
  noDeadline: { id: 'Belum ada tanggal komitmen, jadi belum ada batas waktu.', en: 'No commitment date yet, so no deadline yet.' },
  stage: { id: 'Tahap', en: 'Stage' },
  done: { id: 'selesai', en: 'done' },
  todo: { id: 'belum', en: 'to do' },
  goTo: { id: 'Kerjakan', en: 'Do it' },
  checklist: { id: 'Daftar periksa', en: 'Checklist' },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
  saved: { id: 'Tersimpan. Nilai kesiapan sudah diperbarui.', en: 'Saved. The readiness score is updated.' },
  save: { id: 'Simpan', en: 'Save' },
  // lifecycle
  lifecycle: { id: 'Tahap MPP dan komitmen', en: 'MPP stage and commitment' },
  lifecycleHint: {
    id: 'Catat komitmen dengan KemenPAN-RB saat ditandatangani: batas waktu 1 tahun dihitung dari tanggal itu. Mundur satu tahap perlu alasan.',
    en: 'Record the commitment with KemenPAN-RB when it is signed: the one-year deadline counts from that date. Going back one stage needs a reason.',
  },
  moveTo: { id: 'Pindah ke tahap', en: 'Move to stage' },
  moveOn: { id: 'Tanggal', en: 'Date' },
  note: { id: 'Catatan (wajib bila mundur)', en: 'Note (required when going back)' },
  move: { id: 'Simpan tahap', en: 'Save stage' },
  // agencies
  agencies: { id: 'Instansi dan MoU', en: 'Agencies and MoUs' },
  agenciesHint: { id: 'Setiap instansi yang layanannya terpasang perlu MoU (perjanjian kerja sama).', en: 'Every agency whose services are installed needs an MoU (cooperation agreement).' },
  agencyName: { id: 'Nama instansi sesuai MoU', en: 'Agency name as in the MoU' },
  mouNumber: { id: 'Nomor MoU', en: 'MoU number' },
  mouSignedOn: { id: 'Tanggal ditandatangani', en: 'Date signed' },
  plannedServices: { id: 'Jumlah layanan yang akan dibuka', en: 'Number of services it will offer' },
  noMou: { id: 'Belum ada MoU', en: 'No MoU yet' },
  mouOf: { id: 'MoU {n}, {date}', en: 'MoU {n}, {date}' },
  recordMou: { id: 'Simpan MoU', en: 'Save MoU' },
  removeMou: { id: 'Hapus catatan MoU', en: 'Remove the MoU record' },
  confirmRemoveMou: { id: 'Hapus catatan MoU {a}? Butir instansi di daftar periksa bisa menjadi belum selesai.', en: 'Remove the MoU record of {a}? The agencies item of the checklist may become undone.' },
  removedMou: { id: 'Catatan MoU {a} dihapus.', en: 'The MoU record of {a} is removed.' },
  drift: { id: 'Kaji tiru: selisih dengan {m}', en: 'Kaji tiru: differences from {m}' },
  driftHint: {
    id: 'MPP ini dibuat meniru {m}. Di sini terlihat plugin, pengaturan layanan dan maklumat yang berbeda dari MPP percontohan.',
    en: 'This MPP was created from {m}. Here you see the plugins, service settings and maklumat that differ from the role model.',
  },
  inSync: { id: 'Tidak ada selisih.', en: 'No differences.' },
  differences: { id: '{n} selisih.', en: '{n} differences.' },
  pluginState: { id: 'Plugin {p}: versi Anda {a}, percontohan {b}', en: 'Plugin {p}: yours {a}, role model {b}' },
  overlayDiffers: { id: 'Pengaturan {s} berbeda: {f}', en: 'Settings of {s} differ: {f}' },
  maklumatDiffers: { id: 'Teks maklumat berbeda dari percontohan.', en: 'The maklumat text differs from the role model.' },
  adopt: { id: 'Ambil pembaruan plugin dari percontohan', en: 'Take the role model’s plugin upgrades' },
  adopted: { id: 'Diambil: {list}.', en: 'Taken: {list}.' },
  nothingTaken: { id: 'Tidak ada yang perlu diambil.', en: 'Nothing to take.' },
  none: { id: 'tidak ada', en: 'none' },
  // decrees
  decrees: { id: 'Surat keputusan (SK)', en: 'Decrees (SK)' },
  decreesHint: { id: 'Butir daftar periksa selesai setelah SK penyelenggaraan MPP tercatat.', en: 'The checklist item is done once the decree establishing the MPP is recorded.' },
  decreeKind: { id: 'Jenis SK', en: 'Kind of decree' },
  decreeNumber: { id: 'Nomor SK', en: 'Decree number' },
  decreeTitle: { id: 'Judul SK', en: 'Title of the decree' },
  decreeOn: { id: 'Tanggal ditetapkan', en: 'Date signed' },
  recordDecree: { id: 'Catat SK', en: 'Record decree' },
  noDecrees: { id: 'Belum ada SK tercatat.', en: 'No decree recorded yet.' },
  // services
  services: { id: 'Layanan: gerai, jadwal dan standar pelayanan', en: 'Services: counters, schedules and standar pelayanan' },
  servicesHint: {
    id: 'Untuk setiap layanan: tetapkan gerai (loket), isi komponen yang menjadi tugas daerah, lalu tetapkan standar pelayanannya dengan SK.',
    en: 'For each service: set its counter (gerai), fill the components the regency provides, then publish its standar pelayanan with a decree.',
  },
  counter: { id: 'Gerai', en: 'Counter' },
  noCounter: { id: 'Belum ada gerai', en: 'No counter yet' },
  counters: { id: 'Daftar gerai', en: 'Counters (gerai)' },
  counterNo: { id: 'Nomor loket', en: 'Counter number' },
  serviceCol: { id: 'Layanan', en: 'Services' },
  countersMissing: { id: '{n} layanan belum punya gerai: buka layanannya di bawah dan isi Nama gerai.', en: '{n} services have no counter yet: open the service below and fill in the counter name.' },
  countersAll: { id: 'Setiap layanan sudah punya gerai.', en: 'Every service has a counter.' },
  standard: { id: 'Standar pelayanan', en: 'Standar pelayanan' },
  published: { id: 'Ditetapkan: SK {n}, {date}', en: 'Published: decree {n}, {date}' },
  notPublished: { id: 'Belum ditetapkan', en: 'Not published yet' },
  missing: { id: 'Belum lengkap: {list}', en: 'Incomplete: {list}' },
  missingAgency: { id: '(diisi instansi pusat)', en: '(the agency fills it)' },
  edit: { id: 'Atur gerai, jadwal dan komponen', en: 'Set counter, schedule and components' },
  publish: { id: 'Tetapkan standar pelayanan', en: 'Publish the standar pelayanan' },
  skNumber: { id: 'Nomor SK standar pelayanan', en: 'Decree number of the standard' },
  skDate: { id: 'Tanggal SK', en: 'Date of the decree' },
  withdraw: { id: 'Cabut penetapan', en: 'Withdraw' },
  confirmWithdraw: { id: 'Cabut penetapan standar pelayanan {s}? Layanan ini tidak lagi dihitung siap.', en: 'Withdraw the published standar pelayanan of {s}? The service no longer counts as ready.' },
  withdrawn: { id: 'Penetapan standar pelayanan {s} dicabut.', en: 'The standar pelayanan of {s} is withdrawn.' },
  publishedOk: { id: 'Standar pelayanan {s} ditetapkan.', en: 'Standar pelayanan of {s} published.' },
  plugins: { id: 'Plugin layanan', en: 'Service plugins' },
  pluginsHint: { id: 'Pasang plugin instansi di halaman Admin.', en: 'Install the agencies’ plugins on the Admin page.' },
  adminPage: { id: 'Halaman Admin (plugin layanan)', en: 'Admin page (service plugins)' },
  notifications: { id: 'Pengaturan notifikasi', en: 'Notification settings' },
  webhooks: { id: 'Webhook peristiwa', en: 'Event webhooks' },
  maklumat: { id: 'Maklumat pelayanan', en: 'Maklumat pelayanan' },
} satisfies Record<string, Localized>;

export type Say = (w: keyof typeof W, vars?: Record<string, string | number>) => string;
export function useSay(): Say {
  const { lang } = useI18n();
  return (w, vars = {}) => W[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const DECREE_KINDS: { value: DecreeKind; label: Localized }[] = [
  { value: 'mpp-establishment', label: { id: 'Penyelenggaraan MPP', en: 'Establishing the MPP' } },
  { value: 'formation-team', label: { id: 'Pembentukan tim/gugus tugas', en: 'Forming the task force' } },
  { value: 'service-standards', label: { id: 'Standar pelayanan', en: 'Service standards' } },
  { value: 'maklumat', label: { id: 'Maklumat pelayanan', en: 'Maklumat pelayanan' } },
  { value: 'other', label: { id: 'Lainnya', en: 'Other' } },
];

const STAGES = ['proposed', 'committed', 'preparing', 'trial', 'launched', 'inaugurated', 'operating'] as const;

/** Where each checklist item is done (an anchor on this page, or the Admin page for plugins). */
const WHERE: Record<string, string> = {
  commitment: '#lifecycle',
  agencies: '#agencies',
  plugins: '#plugins',
  counters: '#services',
  standards: '#services',
  maklumat: '#mk',
  decrees: '#decrees',
};

/** Maps a problem's JSON pointer to the field id `${prefix}-${first segment}`. */
const fieldIn = (prefix: string) => (pointer: string) => {
  const seg = pointer.split('/')[1];
  const id = seg ? `${prefix}-${seg}` : undefined;
  return id && document.getElementById(id) ? id : undefined;
};

/** The field error next to an input (the ids exist only while the error does). */
function FieldError({ id, error, pointer }: { id: string; error: unknown; pointer: string }) {
  const { L } = useI18n();
  const p = problems(error).find((x) => x.pointer === pointer || x.pointer.startsWith(`${pointer}/`));
  if (!p) return null;
  return (
    <p id={id} className="field-error">
      {L(p.message)}
    </p>
  );
}

/** Props tying an input to its error message when there is one. */
export const invalidProps = (error: unknown, pointer: string, errId: string) => {
  const bad = problems(error).some((x) => x.pointer === pointer || x.pointer.startsWith(`${pointer}/`));
  return bad ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {};
};

/** One form's save state: the error (with its summary) and the confirmation. */
function useSave() {
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (write: () => Promise<string>, onStale?: () => void) => {
    setError(null);
    setSaved(null);
    try {
      setSaved(await write());
    } catch (e) {
      setError(e);
      if (isStale(e)) onStale?.();
    }
  };
  return { error, saved, run };
}

function Field({ id, label, error, pointer, children }: { id: string; label: string; error: unknown; pointer: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={`${id}-error`} error={error} pointer={pointer} />
      {children}
    </div>
  );
}

/** Today in the browser's own time zone (YYYY-MM-DD). */
/** A date as day / month / year boxes, its error (from the API) next to it. */
function DateField({ id, label, error, pointer, value, onChange }: { id: string; label: string; error: unknown; pointer: string; value: string; onChange(iso: string): void }) {
  const bad = problems(error).some((x) => x.pointer === pointer);
  return (
    <DayMonthYear id={id} legend={label} value={value} onChange={onChange} invalid={bad} errorId={`${id}-error`}>
      <FieldError id={`${id}-error`} error={error} pointer={pointer} />
    </DayMonthYear>
  );
}

const today = () => new Date().toLocaleDateString('sv-SE');

/** `/admin/:tenant/persiapan`: the onboarding checklist, and a form for every item of it. */
export function Onboarding({ tenant }: { tenant: string }) {
  const { L, fmtDate, fmtNumber, status } = useI18n();
  const say = useSay();
  const path = { tenant };
  const checklist = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/onboarding', { params: { path } })), [tenant]);
  const refresh = checklist.reload;
  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{say('title')}</PageTitle>
      <p>{say('intro')}</p>
      <nav aria-label={say('adminPage')} className="onb-links small">
        <Link href={`/admin/${tenant}`}>{say('adminPage')}</Link> · <Link href={`/admin/${tenant}/notifikasi`}>{say('notifications')}</Link> · <Link href={`/admin/${tenant}/webhook`}>{say('webhooks')}</Link>
      </nav>
      <Async state={checklist}>
        {(o) => {
          const done = o.items.filter((i) => i.done).length;
          return (
            <>
              <section className="card" aria-labelledby="onb-score">
                <h2 id="onb-score">{say('checklist')}</h2>
                <p>
                  {say('stage')}: <span className={`badge badge-${o.status}`}>{status(o.status)}</span>
                </p>
                <p>
                  {o.deadline
                    ? `${say('deadline', { date: fmtDate(o.deadline) })}${o.daysToDeadline !== null ? ` (${o.daysToDeadline >= 0 ? say('daysLeft', { n: o.daysToDeadline }) : say('daysLate', { n: -o.daysToDeadline })})` : ''}`
                    : say('noDeadline')}
                </p>
                {/* Announced after each save: the score is read again from the API. */}
                <p id="onb-progress" className="onb-score" aria-live="polite" aria-atomic="true">
                  {say('score', { done, all: o.items.length, pct: fmtNumber(o.progress, 'percent') })}
                </p>
                <progress className="onb-progress" max={1} value={o.progress} aria-labelledby="onb-progress" />
                {done === o.items.length && <Notice>{say('complete')}</Notice>}
                <ul className="checklist onb-checklist">
                  {o.items.map((i) => (
                    <li key={i.key} className={i.done ? 'done' : ''} data-item={i.key}>
                      <span aria-hidden="true">{i.done ? '☑' : '☐'}</span> {L(i.label)} <span className="muted small">— {i.detail}</span>{' '}
                      <span className="sr-only">({i.done ? say('done') : say('todo')})</span>{' '}
                      <a href={WHERE[i.key]} className="small">
                        {say('goTo')}
                        <span className="sr-only">: {L(i.label)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
              <LifecycleForm tenant={tenant} status={o.status} onSaved={refresh} />
              <section className="card" aria-labelledby="plugins">
                <h2 id="plugins" tabIndex={-1}>
                  {say('plugins')}
                </h2>
                <p className="small">
                  {o.items.find((i) => i.key === 'plugins')?.detail} — {say('pluginsHint')} <Link href={`/admin/${tenant}`}>{say('adminPage')}</Link>
                </p>
              </section>
              <Agencies tenant={tenant} checklist={o} onSaved={refresh} />
              <Decrees tenant={tenant} checklist={o} onSaved={refresh} />
              <Services tenant={tenant} checklist={o} onSaved={refresh} />
              <MaklumatEditor tenant={tenant} onSaved={refresh} template={o.maklumatTemplate} />
              <ModelDrift tenant={tenant} onSaved={refresh} stamp={JSON.stringify([o.items, o.maklumat])} />
            </>
          );
        }}
      </Async>
    </RequireLogin>
  );
}

function LifecycleForm({ tenant, status, onSaved }: { tenant: string; status: string; onSaved(): void }) {
  const { status: stageName } = useI18n();
  const say = useSay();
  const next = STAGES[Math.min(STAGES.indexOf(status as (typeof STAGES)[number]) + 1, STAGES.length - 1)]!;
  const [form, setForm] = useState<{ to: string; on: string; note: string } | null>(null);
  const value = form ?? { to: next, on: today(), note: '' };
  const { error, saved, run } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { to: value.to as (typeof STAGES)[number], on: value.on, ...(value.note.trim() ? { note: value.note } : {}) };
      const t = await unwrap(client.POST('/api/v1/tenants/{tenant}/lifecycle', { params: { path: { tenant } }, body }));
      setForm(null);
      onSaved();
      return `${say('saved')} ${say('stage')}: ${stageName(t.mppStatus)}`;
    });
  };
  return (
    <section className="card" aria-labelledby="lifecycle">
      <h2 id="lifecycle" tabIndex={-1}>
        {say('lifecycle')}
      </h2>
      <p className="small muted">{say('lifecycleHint')}</p>
      <ErrorSummary error={error} fieldOf={fieldIn('lc')} title={say('problem')} />
      {saved && <Notice>{saved}</Notice>}
      <form onSubmit={submit} noValidate>
        <div className="grid2">
          <Field id="lc-to" label={say('moveTo')} error={error} pointer="/to">
            <select id="lc-to" value={value.to} onChange={(e) => setForm({ ...value, to: e.target.value })} {...invalidProps(error, '/to', 'lc-to-error')}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {stageName(s)}
                </option>
              ))}
            </select>
          </Field>
          <DateField id="lc-on" label={say('moveOn')} error={error} pointer="/on" value={value.on} onChange={(on) => setForm({ ...value, on })} />
        </div>
        <Field id="lc-note" label={say('note')} error={error} pointer="/note">
          <input id="lc-note" maxLength={1000} value={value.note} onChange={(e) => setForm({ ...value, note: e.target.value })} {...invalidProps(error, '/note', 'lc-note-error')} />
        </Field>
        <button type="submit" className="btn small">
          {say('move')}
        </button>
      </form>
    </section>
  );
}

function Agencies({ tenant, checklist, onSaved }: { tenant: string; checklist: Checklist; onSaved(): void }) {
  const say = useSay();
  // Every agency with an installed service, and any other with an MoU on record.
  const codes = [...new Set([...checklist.services.map((s) => s.agency), ...checklist.agencies.map((a) => a.agencyCode)])].sort();
  return (
    <section className="card" aria-labelledby="agencies">
      <h2 id="agencies" tabIndex={-1}>
        {say('agencies')}
      </h2>
      <p className="small muted">{say('agenciesHint')}</p>
      {codes.map((code) => {
        const record = checklist.agencies.find((a) => a.agencyCode === code);
        const planned = checklist.services.filter((s) => s.agency === code).length;
        return (
          <AgencyItem key={code} code={code} record={record}>
            <AgencyForm tenant={tenant} code={code} record={record} planned={planned} onSaved={onSaved} />
          </AgencyItem>
        );
      })}
    </section>
  );
}

/** Open at first while the agency has no MoU; then as the person leaves it (a save does not close it). */
function AgencyItem({ code, record, children }: { code: string; record: AgencyRecord | undefined; children: ReactNode }) {
  const say = useSay();
  const { fmtDate } = useI18n();
  const [open] = useState(!record);
  return (
    <details className="onb-item" open={open} data-agency={code}>
      <summary>
        <span className="mono">{code}</span> — {record ? say('mouOf', { n: record.mouNumber, date: fmtDate(record.mouSignedOn) }) : say('noMou')}
      </summary>
      {children}
    </details>
  );
}

/** One agency's MoU: the first without If-Match; a replacement quotes the ETag read when the form opened. */
function AgencyForm({ tenant, code, record, planned, onSaved }: { tenant: string; code: string; record: AgencyRecord | undefined; planned: number; onSaved(): void }) {
  const say = useSay();
  const path = { tenant, agency: code };
  const current = useAsync(
    () => (record ? unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/agencies/{agency}', { params: { path } })).then((r) => r.etag) : Promise.resolve(null)),
    [tenant, code, record?.recordedAt],
  );
  const [form, setForm] = useState<{ name: string; mouNumber: string; mouSignedOn: string; plannedServices: string } | null>(null);
  const value = form ?? { name: record?.name ?? '', mouNumber: record?.mouNumber ?? '', mouSignedOn: record?.mouSignedOn ?? '', plannedServices: String(record?.plannedServices ?? planned) };
  const { error, saved, run } = useSave();
  const id = (k: string) => `ag-${code}-${k}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () => {
        const etag = current.data ?? undefined;
        const body = { name: value.name, mouNumber: value.mouNumber, mouSignedOn: value.mouSignedOn, plannedServices: Number(value.plannedServices) };
        await unwrapWithEtag(client.PUT('/api/v1/tenants/{tenant}/agencies/{agency}', { params: { path, header: etag ? { 'If-Match': etag } : {} }, body }));
        setForm(null);
        onSaved();
        return `${say('saved')} (${code})`;
      },
      current.reload,
    );
  };
  // Undoing a record (an MoU entered for the wrong agency) quotes the ETag read: a record changed meanwhile stays.
  const remove = () => {
    if (!window.confirm(say('confirmRemoveMou', { a: code }))) return;
    void run(
      async () => {
        await unwrap(client.DELETE('/api/v1/tenants/{tenant}/agencies/{agency}', { params: { path, header: { 'If-Match': current.data ?? '' } } }));
        setForm(null);
        onSaved();
        return say('removedMou', { a: code });
      },
      current.reload,
    );
  };
  const input = (k: 'name' | 'mouNumber' | 'plannedServices', label: string, extra: Record<string, unknown> = {}) => (
    <Field id={id(k)} label={label} error={error} pointer={`/${k}`}>
      <input id={id(k)} value={value[k]} onChange={(e) => setForm({ ...value, [k]: e.target.value })} {...extra} {...invalidProps(error, `/${k}`, `${id(k)}-error`)} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`${say('recordMou')} ${code}`}>
      <ErrorSummary error={error} fieldOf={fieldIn(`ag-${code}`)} title={say('problem')} />
      {saved && <Notice>{saved}</Notice>}
      {input('name', say('agencyName'), { maxLength: 200, autoComplete: 'organization' })}
      <div className="grid2">
        {input('mouNumber', say('mouNumber'), { maxLength: 120 })}
        <DateField id={id('mouSignedOn')} label={say('mouSignedOn')} error={error} pointer="/mouSignedOn" value={value.mouSignedOn} onChange={(mouSignedOn) => setForm({ ...value, mouSignedOn })} />
      </div>
      {input('plannedServices', say('plannedServices'), { type: 'number', inputMode: 'numeric', min: 0, max: 1000 })}
      {/* A record on file is replaced or removed with the ETag read: wait for it. */}
      <button type="submit" className="btn small" disabled={!!record && (current.loading || !current.data)}>
        {say('recordMou')}
      </button>{' '}
      {record && (
        <button type="button" className="btn small danger" disabled={current.loading || !current.data} onClick={remove}>
          {say('removeMou')}
        </button>
      )}
    </form>
  );
}

function Decrees({ tenant, checklist, onSaved }: { tenant: string; checklist: Checklist; onSaved(): void }) {
  const say = useSay();
  const { L, fmtDate } = useI18n();
  const [form, setForm] = useState({ kind: 'mpp-establishment' as DecreeKind, number: '', signedOn: '', title: '' });
  const { error, saved, run } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const d = await unwrap(client.POST('/api/v1/tenants/{tenant}/decrees', { params: { path: { tenant } }, body: form }));
      setForm({ kind: 'mpp-establishment', number: '', signedOn: '', title: '' });
      onSaved();
      return `${say('saved')} (SK ${d.number})`;
    });
  };
  const kindName = (k: string) => L(DECREE_KINDS.find((d) => d.value === k)?.label);
  return (
    <section className="card" aria-labelledby="decrees">
      <h2 id="decrees" tabIndex={-1}>
        {say('decrees')}
      </h2>
      <p className="small muted">{say('decreesHint')}</p>
      {checklist.decrees.length ? (
        <ul>
          {checklist.decrees.map((d) => (
            <li key={`${d.kind}/${d.number}`}>
              {kindName(d.kind)}: <strong>{d.number}</strong>, {fmtDate(d.signedOn)} — {d.title}
            </li>
          ))}
        </ul>
      ) : (
        <p>{say('noDecrees')}</p>
      )}
      <ErrorSummary error={error} fieldOf={fieldIn('dc')} title={say('problem')} />
      {saved && <Notice>{saved}</Notice>}
      <form onSubmit={submit} noValidate>
        <div className="grid2">
          <Field id="dc-kind" label={say('decreeKind')} error={error} pointer="/kind">
            <select id="dc-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as DecreeKind })}>
              {DECREE_KINDS.map((d) => (
                <option key={d.value} value={d.value}>
                  {L(d.label)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="dc-number" label={say('decreeNumber')} error={error} pointer="/number">
            <input id="dc-number" maxLength={120} value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} {...invalidProps(error, '/number', 'dc-number-error')} />
          </Field>
        </div>
        <Field id="dc-title" label={say('decreeTitle')} error={error} pointer="/title">
          <input id="dc-title" maxLength={500} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} {...invalidProps(error, '/title', 'dc-title-error')} />
        </Field>
        <DateField id="dc-signedOn" label={say('decreeOn')} error={error} pointer="/signedOn" value={form.signedOn} onChange={(signedOn) => setForm({ ...form, signedOn })} />
        <button type="submit" className="btn small">
          {say('recordDecree')}
        </button>
      </form>
    </section>
  );
}

/** Kaji tiru: the drift from the role model, and taking its plugin upgrades (hidden without a model). */
function ModelDrift({ tenant, onSaved, stamp }: { tenant: string; onSaved(): void; stamp: string }) {
  const say = useSay();
  const drift = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/drift', { params: { path: { tenant } } })).catch((e: unknown) => (hasStatus(e, 409) ? null : Promise.reject(e))),
    // Read again whenever the checklist changed (a save elsewhere on the page may close a difference).
    [tenant, stamp],
  );
  const { error, saved, run } = useSave();
  const d = drift.data;
  if (!d) return null;
  const adopt = () =>
    void run(async () => {
      const r = await unwrap(client.POST('/api/v1/tenants/{tenant}/drift/adopt', { params: { path: { tenant } }, body: {} }));
      drift.set(r.drift);
      onSaved();
      return r.taken.length ? say('adopted', { list: r.taken.map((t) => `${t.plugin} ${t.from ?? '–'} → ${t.to}`).join(', ') }) : say('nothingTaken');
    });
  return (
    <section className="card" aria-labelledby="drift">
      <h2 id="drift" tabIndex={-1}>
        {say('drift', { m: d.model })}
      </h2>
      <p className="small muted">{say('driftHint', { m: d.model })}</p>
      <ErrorSummary error={error} fieldOf={() => undefined} title={say('problem')} />
      {saved && <Notice>{saved}</Notice>}
      <p>{d.inSync ? say('inSync') : say('differences', { n: d.differences })}</p>
      <ul>
        {d.plugins
          .filter((x) => x.state !== 'same')
          .map((x) => (
            <li key={x.plugin}>{say('pluginState', { p: x.plugin, a: x.tenantVersion ?? say('none'), b: x.modelVersion ?? say('none') })}</li>
          ))}
        {d.overlays.map((o) => (
          <li key={o.service}>{say('overlayDiffers', { s: o.service, f: o.fields.join(', ') })}</li>
        ))}
        {d.maklumatDiffers && <li>{say('maklumatDiffers')}</li>}
      </ul>
      {d.upgradesAvailable.length > 0 && (
        <button type="button" className="btn small" onClick={adopt}>
          {say('adopt')}
        </button>
      )}
    </section>
  );
}

function Services({ tenant, checklist, onSaved }: { tenant: string; checklist: Checklist; onSaved(): void }) {
  const say = useSay();
  // The catalog gives each service's plugin definition name; the checklist has everything else.
  return (
    <section className="card" aria-labelledby="services">
      <h2 id="services" tabIndex={-1}>
        {say('services')}
      </h2>
      <p className="small muted">{say('servicesHint')}</p>
      <Counters services={checklist.services} />
      {checklist.services.map((s) => (
        <ServiceItem key={s.id} tenant={tenant} service={s} onSaved={onSaved} />
      ))}
    </section>
  );
}

/** The gerai as the services name them (a counter is the regency's `counter` on each service, as the queue uses it). */
function Counters({ services }: { services: ServiceRow[] }) {
  const say = useSay();
  const { L } = useI18n();
  const byCounter = new Map<string, { name: string; number?: string; floor?: string; services: string[] }>();
  for (const s of services) {
    if (!s.counter) continue;
    const key = `${s.counter.name}|${s.counter.number ?? ''}|${s.counter.floor ?? ''}`;
    const row = byCounter.get(key) ?? { ...s.counter, services: [] };
    row.services.push(L(s.name));
    byCounter.set(key, row);
  }
  const without = services.filter((s) => s.counterSettable && !s.counter).length;
  return (
    <>
      <h3>{say('counters')}</h3>
      {byCounter.size > 0 && (
        // Focusable so a keyboard can scroll it on a phone (a wide table scrolls inside its box).
        <div className="table-wrap" tabIndex={0} role="region" aria-label={say('counters')}>
          <table>
            <caption className="sr-only">{say('counters')}</caption>
            <thead>
              <tr>
                <th scope="col">{say('counter')}</th>
                <th scope="col">{say('counterNo')}</th>
                <th scope="col">{say('serviceCol')}</th>
              </tr>
            </thead>
            <tbody>
              {[...byCounter.values()].map((c) => (
                <tr key={`${c.name}|${c.number ?? ''}|${c.floor ?? ''}`}>
                  <th scope="row">
                    {c.name}
                    {c.floor && <span className="muted small"> ({c.floor})</span>}
                  </th>
                  <td>{c.number ?? '–'}</td>
                  <td>{c.services.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">{without ? say('countersMissing', { n: without }) : say('countersAll')}</p>
    </>
  );
}

function ServiceItem({ tenant, service: s, onSaved }: { tenant: string; service: ServiceRow; onSaved(): void }) {
  const say = useSay();
  const { L, fmtDate } = useI18n();
  const ready = !!s.counter === s.counterSettable && s.standardComplete && !!s.published;
  const counter = s.counter ? [s.counter.name, s.counter.number && `no. ${s.counter.number}`, s.counter.floor].filter(Boolean).join(', ') : say('noCounter');
  return (
    <details className="onb-item" data-service={s.id}>
      <summary>
        <span aria-hidden="true">{ready ? '☑' : '☐'}</span> {L(s.name)} <span className="muted small mono">({s.id})</span>
        <span className="sr-only"> ({ready ? say('done') : say('todo')})</span>
      </summary>
      <dl className="onb-dl small">
        <dt>{say('counter')}</dt>
        <dd>{counter}</dd>
        <dt>{say('standard')}</dt>
        <dd>
          {s.published ? say('published', { n: s.published.skNumber, date: fmtDate(s.published.skDate) }) : say('notPublished')}
          {!s.standardComplete && (
            <>
              <br />
              {say('missing', { list: s.missing.map((m) => `${m.number}. ${L(m.name)}${m.group === 'delivery' ? ` ${say('missingAgency')}` : ''}`).join('; ') })}
            </>
          )}
        </dd>
      </dl>
      <h3>{say('edit')}</h3>
      <OverlayForm tenant={tenant} plugin={s.plugin} version={s.version} service={s.code} onSaved={onSaved} />
      <h3>{say('publish')}</h3>
      <PublishForm tenant={tenant} service={s} onSaved={onSaved} />
    </details>
  );
}

/** Publishing a standard: the first needs no If-Match; a new SK quotes the ETag of the one published. */
function PublishForm({ tenant, service: s, onSaved }: { tenant: string; service: ServiceRow; onSaved(): void }) {
  const say = useSay();
  const { L } = useI18n();
  const path = { tenant, service: s.id };
  const current = useAsync(
    () =>
      s.published
        ? unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/standards/{service}', { params: { path } })).then(
            (r) => r.etag,
            (e: unknown) => (hasStatus(e, 404) ? null : Promise.reject(e)),
          )
        : Promise.resolve(null),
    [tenant, s.id, s.published?.publishedAt],
  );
  const [form, setForm] = useState<{ skNumber: string; skDate: string } | null>(null);
  const value = form ?? { skNumber: s.published?.skNumber ?? '', skDate: s.published?.skDate ?? '' };
  const { error, saved, run } = useSave();
  const id = (k: string) => `sp-${s.id.replace('.', '-')}-${k}`;
  // A missing component (`/standard/facilities`) links to its field in the service's settings above.
  const fieldOf = (pointer: string) => {
    const component = /^\/standard\/(\w+)/.exec(pointer)?.[1];
    const target = component ? `ov-${s.plugin}-${s.code}-${component}` : undefined;
    return target && document.getElementById(target) ? target : fieldIn(`sp-${s.id.replace('.', '-')}`)(pointer);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () => {
        const etag = current.data ?? undefined;
        await unwrapWithEtag(client.PUT('/api/v1/tenants/{tenant}/standards/{service}', { params: { path, header: etag ? { 'If-Match': etag } : {} }, body: value }));
        setForm(null);
        onSaved();
        return say('publishedOk', { s: L(s.name) });
      },
      current.reload,
    );
  };
  // Withdrawing undoes a decree: it quotes the ETag read, so a standard published again meanwhile stays.
  const withdraw = () => {
    if (!window.confirm(say('confirmWithdraw', { s: L(s.name) }))) return;
    void run(
      async () => {
        await unwrap(client.DELETE('/api/v1/tenants/{tenant}/standards/{service}', { params: { path, header: { 'If-Match': current.data ?? '' } } }));
        setForm(null);
        onSaved();
        return say('withdrawn', { s: L(s.name) });
      },
      current.reload,
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${say('publish')}: ${L(s.name)}`}>
      <ErrorSummary error={error} fieldOf={fieldOf} title={say('problem')} />
      {saved && <Notice>{saved}</Notice>}
      <div className="grid2">
        <Field id={id('skNumber')} label={say('skNumber')} error={error} pointer="/skNumber">
          <input id={id('skNumber')} maxLength={120} value={value.skNumber} onChange={(e) => setForm({ ...value, skNumber: e.target.value })} {...invalidProps(error, '/skNumber', `${id('skNumber')}-error`)} />
        </Field>
        <DateField id={id('skDate')} label={say('skDate')} error={error} pointer="/skDate" value={value.skDate} onChange={(skDate) => setForm({ ...value, skDate })} />
      </div>
      <button type="submit" className="btn small" disabled={!!s.published && (current.loading || !current.data)}>
        {say('publish')}
      </button>{' '}
      {s.published && (
        <button type="button" className="btn small danger" disabled={current.loading || !current.data} onClick={withdraw}>
          {say('withdraw')}
        </button>
      )}
    </form>
  );
}

