import { useState, type FormEvent } from 'react';
import { client, unwrap } from '../../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';
import type { Schemas } from '@satupintu/client';
import type { RequestBody } from '../../types.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';

type Kind = RequestBody<'importHistory'>['kind'];
type Report = Schemas['ImportReport'];
type Batch = Schemas['ImportBatch'];

const KINDS: { kind: Kind; id: string; en: string }[] = [
  { kind: 'applications', id: 'Permohonan', en: 'Applications' },
  { kind: 'visits', id: 'Kunjungan (antrean)', en: 'Visits (queue)' },
  { kind: 'complaints', id: 'Pengaduan', en: 'Complaints' },
  { kind: 'skm', id: 'Survei kepuasan (SKM)', en: 'Satisfaction survey (SKM)' },
];

const W = {
  title: { id: 'Impor riwayat', en: 'Import history' },
  intro: {
    id: 'Bawa data dari sistem lama (CSV atau JSON, paling banyak 5.000 baris per berkas). Periksa dulu (tidak ada yang disimpan), lalu impor. Kolom data pribadi dilewati dan tidak pernah disimpan. Mengimpor berkas yang sama dua kali tidak menyimpan apa pun dua kali.',
    en: 'Bring data from earlier systems (CSV or JSON, at most 5,000 rows per file). Check first (nothing is stored), then import. Personal-data columns are read past and never stored. Importing the same file twice stores nothing twice.',
  },
  kind: { id: 'Jenis data', en: 'Kind of data' },
  file: { id: 'Berkas (.csv atau .json)', en: 'File (.csv or .json)' },
  source: { id: 'Nama sumber (opsional, mis. antrean-2023)', en: 'Source name (optional, e.g. antrean-2023)' },
  check: { id: 'Periksa dulu', en: 'Check first' },
  doImport: { id: 'Impor', en: 'Import' },
  problem: { id: 'Berkas belum bisa diimpor', en: 'The file cannot be imported yet' },
  dryRun: { id: 'Hasil pemeriksaan (belum disimpan)', en: 'Check result (nothing stored yet)' },
  imported: { id: 'Diimpor', en: 'Imported' },
  rows: { id: 'Baris', en: 'Rows' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  already: { id: 'Sudah pernah diimpor', en: 'Already imported' },
  row: { id: 'Baris', en: 'Row' },
  field: { id: 'Kolom', en: 'Field' },
  reason: { id: 'Alasan', en: 'Reason' },
  personal: { id: 'Kolom data pribadi yang dilewati', en: 'Personal-data columns read past' },
  ignored: { id: 'Kolom lain yang diabaikan', en: 'Other columns ignored' },
  period: { id: 'Rentang waktu', en: 'Time span' },
  batches: { id: 'Impor sebelumnya', en: 'Earlier imports' },
  none: { id: 'Belum ada impor.', en: 'No imports yet.' },
  revert: { id: 'Batalkan impor', en: 'Revert import' },
  confirmRevert: { id: 'Hapus semua baris dari impor ini? Angka di dasbor akan berubah.', en: 'Delete every row of this import? The dashboard figures will change.' },
  reverted: { id: 'Dibatalkan', en: 'Reverted' },
  when: { id: 'Waktu', en: 'When' },
  noFile: { id: 'Pilih berkas terlebih dahulu.', en: 'Choose a file first.' },
  badJson: { id: 'Berkas JSON tidak bisa dibaca.', en: 'The JSON file cannot be read.' },
} as const;

/** `/admin/:tenant/impor`: check a history file, import it, list and revert batches. */
export function Imports({ tenant }: { tenant: string }) {
  const { L, lang, fmtDate, fmtNumber } = useI18n();
  const batches = useAsync(async () => (await unwrap(client.GET('/api/v1/tenants/{tenant}/imports', { params: { path: { tenant } } }))).items, [tenant]);
  const [kind, setKind] = useState<Kind>('visits');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** The file (and choices) the shown report is about: "Impor" is offered only after a check of exactly this. */
  const [checked, setChecked] = useState<string | null>(null);
  const request = () => `${kind}|${source}|${file?.name}|${file?.size}|${file?.lastModified}`;

  const send = async (dryRun: boolean) => {
    setError(null);
    if (!file) {
      setError(new Error(L(W.noFile)));
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const format = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
      let data: RequestBody<'importHistory'>['data'] = text;
      if (format === 'json') {
        try {
          data = JSON.parse(text) as RequestBody<'importHistory'>['data'];
        } catch {
          throw new Error(L(W.badJson));
        }
      }
      const r = await unwrap(client.POST('/api/v1/tenants/{tenant}/imports', { params: { path: { tenant } }, body: { kind, format, data, dryRun, ...(source ? { source } : {}) } }));
      setReport(r);
      setChecked(dryRun ? request() : null);
      if (!dryRun) batches.reload();
    } catch (e) {
      setError(e);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  const revert = (b: Batch) => {
    if (!window.confirm(L(W.confirmRevert))) return;
    setListError(null);
    unwrap(client.DELETE('/api/v1/tenants/{tenant}/imports/{batch}', { params: { path: { tenant, batch: b.id } } })).then(batches.reload, setListError);
  };

  const kindName = (k: string) => {
    const x = KINDS.find((i) => i.kind === k);
    return x ? x[lang] : k;
  };

  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{L(W.title)}</PageTitle>
      <p className="muted">{L(W.intro)}</p>
      <form
        className="card stack"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <ErrorSummary error={error} fieldOf={(p) => (p === '/kind' ? 'imp-kind' : p === '/source' ? 'imp-source' : p.startsWith('/data') ? 'imp-file' : undefined)} title={L(W.problem)} />
        <label htmlFor="imp-kind">{L(W.kind)}</label>
        <select
          id="imp-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setReport(null);
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k[lang]}
            </option>
          ))}
        </select>
        <label htmlFor="imp-file">{L(W.file)}</label>
        <input
          id="imp-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
        <label htmlFor="imp-source">{L(W.source)}</label>
        <input id="imp-source" value={source} maxLength={100} onChange={(e) => setSource(e.target.value)} />
        <p>
          <button type="submit" className="btn" disabled={busy}>
            {L(W.check)}
          </button>{' '}
          {report?.dryRun && checked === request() && report.accepted > 0 && (
            <button type="button" className="btn primary" disabled={busy} onClick={() => void send(false)}>
              {L(W.doImport)} ({fmtNumber(report.accepted)})
            </button>
          )}
        </p>
      </form>
      {report && (
        <section className="card" aria-labelledby="imp-report" aria-live="polite">
          <h2 id="imp-report">{report.dryRun ? L(W.dryRun) : `${L(W.imported)}: ${kindName(report.kind)}`}</h2>
          <ul className="stats">
            <li>
              <strong>{fmtNumber(report.rows)}</strong> {L(W.rows)}
            </li>
            <li>
              <strong>{fmtNumber(report.accepted)}</strong> {L(W.accepted)}
            </li>
            <li className={report.rejected ? 'warn' : ''}>
              <strong>{fmtNumber(report.rejected)}</strong> {L(W.rejected)}
            </li>
            <li>
              <strong>{fmtNumber(report.alreadyImported)}</strong> {L(W.already)}
            </li>
          </ul>
          {report.earliest && (
            <p>
              {L(W.period)}: {fmtDate(report.earliest)} – {fmtDate(report.latest)}
            </p>
          )}
          {report.notices.map((n, i) => (
            <p key={i} className="muted">
              {L(n)}
            </p>
          ))}
          {report.personalColumnsDropped.length > 0 && (
            <p>
              {L(W.personal)}: {report.personalColumnsDropped.join(', ')}
            </p>
          )}
          {report.ignoredColumns.length > 0 && (
            <p className="muted">
              {L(W.ignored)}: {report.ignoredColumns.join(', ')}
            </p>
          )}
          {report.rejections.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={L(W.rejected)}>
              <table>
                <caption>{L(W.rejected)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{L(W.row)}</th>
                    <th scope="col">{L(W.field)}</th>
                    <th scope="col">{L(W.reason)}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejections.map((r, i) => (
                    <tr key={i}>
                      <td>{r.row}</td>
                      <td>
                        <code>{r.field}</code>
                      </td>
                      <td>{L(r.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="imp-batches">
        <h2 id="imp-batches">{L(W.batches)}</h2>
        <ErrorBox error={listError} />
        <Async state={batches}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{L(W.none)}</p>
            ) : (
              <ul className="cards">
                {items.map((b) => (
                  <li key={b.id} className="card">
                    <p>
                      <strong>{kindName(b.kind)}</strong> · {b.format.toUpperCase()} {b.source && <span className="muted">· {b.source}</span>}
                    </p>
                    <p className="small">
                      {L(W.when)}: {fmtDate(b.importedAt, true)} · {L(W.accepted)} {fmtNumber(b.accepted)} · {L(W.rejected)} {fmtNumber(b.rejected)} · {L(W.already)} {fmtNumber(b.alreadyImported)}
                    </p>
                    {b.earliest && (
                      <p className="small muted">
                        {L(W.period)}: {fmtDate(b.earliest)} – {fmtDate(b.latest)}
                      </p>
                    )}
                    {b.revertedAt ? (
                      <p className="muted">
                        {L(W.reverted)} {fmtDate(b.revertedAt, true)}
                      </p>
                    ) : (
                      <button type="button" className="btn small" onClick={() => revert(b)}>
                        {L(W.revert)}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Async>
      </section>
      {report && !report.dryRun && <Notice>{`${L(W.imported)}: ${fmtNumber(report.accepted)}`}</Notice>}
    </RequireLogin>
  );
}
