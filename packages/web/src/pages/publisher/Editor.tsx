import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { client, errorText, hasStatus, problems, unwrap } from '../../api.js';
import { membershipsOf, useAuth } from '../../auth.js';
import { Async, PageTitle, RequireLogin, useAsync } from '../../components.js';
import { documentRequired, ServiceForm } from '../../forms.js';
import { useI18n } from '../../i18n.js';
import { EditorSelect } from '../../ui/EditorInputs.js';
import { bumpOf, diffManifests, nextVersion, type Bump, type Change } from './diff.js';
import { canonical, docCondition, toModel, toService, type FormModel, type Manifest, type Service, type Text } from './model.js';
import { DocumentsSection, QuestionsSection, SlaFeeSection, SopSection } from './Sections.js';
import './editor.css';

const W = {
  title: { id: 'Ubah formulir dan SOP', en: 'Edit forms and SOP' },
  base: { id: 'Dimulai dari versi terbit terakhir', en: 'Starting from the latest published version' },
  service: { id: 'Layanan yang diubah', en: 'Service to edit' },
  notYours: { id: 'Anda bukan penerbit instansi ini. Minta akses penerbit kepada admin platform.', en: 'You are not a publisher of this agency. Ask the platform admin for publisher access.' },
  back: { id: 'Kembali ke daftar plugin', en: 'Back to the plugin list' },
  check: { id: 'Pemeriksaan', en: 'Check' },
  checking: { id: 'Sedang memeriksa…', en: 'Checking…' },
  lintOk: { id: 'Tidak ada masalah: versi ini dapat diterbitkan.', en: 'No problems: this version can be published.' },
  lintBad: { id: 'Perbaiki hal berikut sebelum menerbitkan:', en: 'Fix the following before publishing:' },
  lintFailed: { id: 'Pemeriksaan belum dapat dijalankan. Perubahan Anda tetap di halaman ini; coba lagi sebentar lagi.', en: 'The check could not run. Your changes stay on this page; try again in a moment.' },
  taken: { id: 'Nomor versi ini sudah terbit. Pilih nomor versi yang lebih tinggi.', en: 'This version number is already published. Choose a higher version number.' },
  preview: { id: 'Pratinjau: seperti yang dilihat pemohon', en: 'Preview: as the applicant sees it' },
  previewSubmit: { id: 'Coba kirim (pratinjau)', en: 'Try submitting (preview)' },
  previewDone: { id: 'Isian lengkap. Di layanan sungguhan, permohonan akan terkirim.', en: 'The answers are complete. In the real service, the application would be sent.' },
  previewDocs: { id: 'Dokumen yang diminta untuk jawaban di atas', en: 'Documents asked for with the answers above' },
  required: { id: 'wajib', en: 'required' },
  notRequired: { id: 'tidak wajib untuk jawaban ini', en: 'not required for these answers' },
  diff: { id: 'Perubahan dibanding versi', en: 'Changes compared with version' },
  noChanges: { id: 'Belum ada perubahan.', en: 'No changes yet.' },
  bumpMajor: { id: 'Perubahan besar: pemohon yang mengisi seperti sebelumnya bisa ditolak (pertanyaan atau dokumen wajib baru, pertanyaan dihapus atau diganti jenisnya).', en: 'A major change: an applicant answering as before may be refused (a new required question or document, a question removed or of another kind).' },
  bumpMinor: { id: 'Perubahan menengah: hal baru yang tidak wajib, langkah, jangka waktu atau biaya.', en: 'A minor change: new optional things, steps, time limits or fees.' },
  bumpPatch: { id: 'Perubahan kecil: kata-kata saja.', en: 'A patch: wording only.' },
  version: { id: 'Nomor versi baru', en: 'New version number' },
  suggested: { id: 'Saran', en: 'Suggested' },
  publish: { id: 'Terbitkan', en: 'Publish' },
  confirm: { id: 'Terbitkan versi {v}? Versi yang sudah terbit tidak dapat diubah lagi; perubahan berikutnya menjadi versi baru.', en: 'Publish version {v}? A published version cannot be changed; later changes become a new version.' },
  yes: { id: 'Ya, terbitkan', en: 'Yes, publish' },
  cancel: { id: 'Batal', en: 'Cancel' },
  published: { id: 'Versi {v} terbit.', en: 'Version {v} is published.' },
  versions: { id: 'Versi terbit', en: 'Published versions' },
  field: { id: 'pertanyaan', en: 'question' },
  document: { id: 'dokumen', en: 'document' },
  state: { id: 'tahap', en: 'stage' },
  action: { id: 'tindakan', en: 'action' },
  added: { id: 'ditambah', en: 'added' },
  removed: { id: 'dihapus', en: 'removed' },
  changed: { id: 'diubah', en: 'changed' },
  where: { id: 'Di', en: 'In' },
  form: { id: 'formulir', en: 'form' },
  docs: { id: 'dokumen persyaratan', en: 'required documents' },
  steps: { id: 'langkah layanan', en: 'service steps' },
  fee: { id: 'biaya', en: 'fee' },
  versionNo: { id: 'nomor versi', en: 'version number' },
  docOrphan: { id: 'Dokumen “{d}” diminta bila ada jawaban atas pertanyaan yang sudah dihapus: ubah “Kapan diminta”.', en: 'Document “{d}” is asked for on the answer to a question that was removed: change “When it is asked for”.' },
  nothingToPublish: { id: 'Tidak ada masalah. Belum ada perubahan untuk diterbitkan.', en: 'No problems. There are no changes to publish yet.' },
  notPublished: { id: 'Belum terbit; perubahan Anda tetap di halaman ini.', en: 'Not published; your changes stay on this page.' },
  noOptions: { id: 'Pertanyaan “{q}”: tambahkan setidaknya satu pilihan jawaban.', en: 'Question “{q}”: add at least one answer option.' },
  noLabel: { id: 'Ada pertanyaan tanpa teks: isi teksnya dalam kedua bahasa.', en: 'A question has no text: fill it in both languages.' },
  noDocName: { id: 'Ada dokumen tanpa nama: isi namanya dalam kedua bahasa.', en: 'A document has no name: fill it in both languages.' },
  noAccept: { id: 'Dokumen “{d}”: pilih setidaknya satu jenis berkas.', en: 'Document “{d}”: choose at least one file type.' },
} satisfies Record<string, Text>;

const AREA: Record<Change['area'], Text> = { service: { id: 'layanan', en: 'service' }, field: W.field, document: W.document, state: W.state, action: W.action, sla: { id: 'jangka waktu', en: 'time limit' }, fee: W.fee };
const BUMP: Record<Bump, Text> = { major: W.bumpMajor, minor: W.bumpMinor, patch: W.bumpPatch };

interface LintState {
  running: boolean;
  report?: { ok: boolean; issues: { pointer: string; message: Text }[]; published: boolean };
  failed?: unknown;
}

/** `/penerbit/ubah/:plugin`: edit one service of the agency's plugin, check, preview, compare and publish. */
export function PublisherEditor({ plugin }: { plugin: string }) {
  const { L } = useI18n();
  const { me } = useAuth();
  const summary = useAsync(() => unwrap(client.GET('/api/v1/plugins/{plugin}', { params: { path: { plugin } } })), [plugin]);
  const latest = summary.data?.latest;
  const base = useAsync(() => (latest ? unwrap(client.GET('/api/v1/plugins/{plugin}/versions/{version}', { params: { path: { plugin, version: latest } } })) : new Promise<never>(() => {})), [plugin, latest]);
  const mine = summary.data ? membershipsOf(me, 'agency-publisher').some((m) => m.agency === summary.data!.agency.code) : true;
  // Kept here: publishing reloads the versions, and the editor starts again from the new one.
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  return (
    <RequireLogin>
      <PageTitle sub={summary.data ? `${L(summary.data.agency.name)} · ${L(W.base)}: ${summary.data.latest}` : undefined}>{L(W.title)}</PageTitle>
      <p>
        <Link href="/penerbit">{L(W.back)}</Link>
      </p>
      {done && (
        <div className="alert ok" role="status" tabIndex={-1} ref={doneRef}>
          {L(W.published).replace('{v}', done)}
        </div>
      )}
      {!mine ? (
        <div className="alert error" role="alert">
          {L(W.notYours)}
        </div>
      ) : (
        <Async state={base}>{(v) => <Workbench key={v.contentHash} published={v.manifest as Manifest} versions={summary.data?.versions ?? []} onPublished={(v) => (setDone(v), summary.reload())} />}</Async>
      )}
    </RequireLogin>
  );
}

function Workbench({ published, versions, onPublished }: { published: Manifest; versions: { version: string; publishedAt: string }[]; onPublished(version: string): void }) {
  const { L, lang, fmtDate } = useI18n();
  const [code, setCode] = useState(published.services[0]!.code);
  const [models, setModels] = useState<Record<string, FormModel>>({});
  const model = models[code] ?? toModel(published.services.find((s) => s.code === code)!);
  const setModel = (m: FormModel) => setModels((all) => ({ ...all, [code]: m }));
  const setService = (patch: Partial<Service>) => setModel({ ...model, base: { ...model.base, ...patch } });
  const service = useMemo(() => toService(model), [model]);

  const draft = useMemo<Manifest>(() => ({ ...published, services: published.services.map((s) => (models[s.code] ? toService(models[s.code]!) : s)) }), [published, models]);
  const changes = useMemo(() => diffManifests(published, draft), [published, draft]);
  const bump = bumpOf(changes);
  const suggested = nextVersion(published.version, bump ?? 'patch');
  const [version, setVersion] = useState<string | null>(null);
  const next = useMemo<Manifest>(() => ({ ...draft, version: version ?? suggested }), [draft, version, suggested]);

  // The SDK's lint on the server (it is not browser-safe: regex analysis and Node APIs), as the person edits.
  const [lint, setLint] = useState<LintState>({ running: true });
  const key = canonical(next);
  // One check at a time (the server checks one manifest per agency at once): checks queue up, and
  // one whose edit has been overtaken by another is skipped; a busy answer is retried shortly.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const current = useRef('');
  useEffect(() => {
    current.current = key;
    setLint((l) => ({ ...l, running: true }));
    const body = next;
    const timer = setTimeout(() => {
      chain.current = chain.current.then(async () => {
        for (let attempt = 0; current.current === key; attempt++) {
          try {
            const report = await unwrap(client.POST('/api/v1/plugins/lint', { body: body as never }));
            if (current.current === key) setLint({ running: false, report });
            return;
          } catch (failed) {
            if ((hasStatus(failed, 429) || hasStatus(failed, 503)) && attempt < 5) {
              await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
              continue;
            }
            if (current.current === key) setLint({ running: false, failed });
            return;
          }
        }
      });
    }, 600);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(
    () => () => {
      current.current = '';
    },
    [],
  );

  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const publish = () => {
    setPublishing(true);
    setError(null);
    unwrap(client.POST('/api/v1/plugins', { body: next as never }))
      .then((r) => {
        setConfirming(false);
        onPublished(r.version);
      })
      .catch(setError)
      .finally(() => setPublishing(false));
  };
  // What a person can get wrong here, said before the server's lint says it in its own terms.
  const local: string[] = [];
  for (const m of Object.values(models)) {
    const svc = toService(m);
    for (const f of m.fields) {
      if (!f.label.id.trim() || !f.label.en.trim()) local.push(L(W.noLabel));
      else if (f.kind === 'choice' && (f.options?.filter(Boolean).length ?? 0) < 1) local.push(L(W.noOptions).replace('{q}', L(f.label)));
    }
    for (const d of svc.documents) {
      const c = docCondition(d);
      if (!d.name.id.trim() || !d.name.en.trim()) local.push(L(W.noDocName));
      else if (c && !m.fields.some((f) => f.name === c.field)) local.push(L(W.docOrphan).replace('{d}', L(d.name)));
      else if (!d.accept.length) local.push(L(W.noAccept).replace('{d}', L(d.name)));
    }
  }
  const canPublish = !!bump && !local.length && !lint.running && !!lint.report?.ok && !lint.report.published;

  /** Where a lint problem is, in words: the service and the part of it. */
  const place = (pointer: string): string => {
    const parts = pointer.split('/').filter(Boolean);
    if (parts[0] === 'version') return L(W.versionNo);
    if (parts[0] !== 'services') return '';
    const s = next.services[Number(parts[1])];
    const part = parts[2] === 'form' ? W.form : parts[2] === 'documents' ? W.docs : parts[2] === 'sop' ? W.steps : parts[2] === 'fee' ? W.fee : undefined;
    const doc = parts[2] === 'documents' && parts[3] ? s?.documents[Number(parts[3])] : undefined;
    return [s && L(s.name), part && L(part), doc && L(doc.name)].filter(Boolean).join(' · ');
  };

  return (
    <>
      <div className="card">
        <EditorSelect id="ed-service" label={L(W.service)} value={code} options={published.services.map((s) => ({ value: s.code, label: `${L(s.name)}${models[s.code] ? ' •' : ''}` }))} onChange={setCode} />
      </div>
      <div className="editor-layout">
        <div className="editor-main">
          <QuestionsSection key={`q-${code}`} model={model} onChange={setModel} />
          <DocumentsSection key={`d-${code}`} model={model} service={service} onChange={(documents) => setService({ documents })} />
          <SopSection key={`s-${code}`} service={service} onChange={(sop) => setService({ sop })} />
          <SlaFeeSection service={service} onChange={(patch) => setService(patch)} />
        </div>
        <div className="editor-side">
          <section className="card" aria-labelledby="ed-preview">
            <h2 id="ed-preview">{L(W.preview)}</h2>
            <Preview key={`${code}-${canonical(service.form)}`} service={service} />
          </section>
        </div>
      </div>

      <section className="card" aria-labelledby="ed-diff">
        <h2 id="ed-diff">
          {L(W.diff)} {published.version}
        </h2>
        {changes.length === 0 ? (
          <p>{L(W.noChanges)}</p>
        ) : (
          <>
            <ul className="editor-diff">
              {changes.map((c, i) => (
                <li key={i} className={`diff-${c.what}`}>
                  <span className="badge">{L(W[c.what])}</span> <strong>{L(published.services.concat(next.services).find((s) => s.code === c.service)!.name)}</strong> · {L(AREA[c.area])}: {L(c.name)}
                  {c.detail.length > 0 && <> — {c.detail.map((d) => L(d)).join('; ')}</>}
                </li>
              ))}
            </ul>
            {bump && <p className="small">{L(BUMP[bump])}</p>}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="ed-check">
        <h2 id="ed-check">{L(W.check)}</h2>
        <div aria-live="polite">
          {local.length > 0 && (
            <div className="alert error">
              <p>{L(W.lintBad)}</p>
              <ul>
                {[...new Set(local)].map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </div>
          )}
          {local.length > 0 ? null : lint.running ? (
            <p className="muted">{L(W.checking)}</p>
          ) : lint.failed ? (
            <div className="alert error">
              {L(W.lintFailed)} ({errorText(lint.failed, lang)})
            </div>
          ) : lint.report?.ok ? (
            !bump ? (
              <p>{L(W.nothingToPublish)}</p>
            ) : lint.report.published ? (
              <p className="warn-text">{L(W.taken)}</p>
            ) : (
              <p className="ok-text">{L(W.lintOk)}</p>
            )
          ) : (
            <div className="alert error">
              <p>{L(W.lintBad)}</p>
              <ul>
                {lint.report?.issues.map((i, n) => (
                  <li key={n}>
                    {place(i.pointer) && <strong>{place(i.pointer)}: </strong>}
                    {L(i.message)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="ed-version">{L(W.version)}</label>
          <span className="muted small" id="ed-version-hint">
            {L(W.suggested)}: {suggested}
          </span>
          <input id="ed-version" type="text" inputMode="decimal" aria-describedby="ed-version-hint" value={version ?? suggested} onChange={(e) => setVersion(e.target.value.trim())} />
        </div>
        {error !== null && (
          <div className="alert error" role="alert">
            <p>
              {L(W.notPublished)} {errorText(error, lang)}
            </p>
            {problems(error).length > 0 && (
              <ul>
                {problems(error).map((i, n) => (
                  <li key={n}>
                    {place(i.pointer) && <strong>{place(i.pointer)}: </strong>}
                    {L(i.message)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {confirming ? (
          <div className="alert" role="group" aria-labelledby="ed-confirm" tabIndex={-1} ref={confirmRef}>
            <p id="ed-confirm">{L(W.confirm).replace('{v}', next.version)}</p>
            <div className="actions">
              <button type="button" className="btn" onClick={publish} disabled={publishing}>
                {L(W.yes)}
              </button>
              <button type="button" className="btn secondary" onClick={() => setConfirming(false)}>
                {L(W.cancel)}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn" disabled={!canPublish} onClick={() => setConfirming(true)}>
            {L(W.publish)}
          </button>
        )}
        <h3>{L(W.versions)}</h3>
        <ul className="editor-versions">
          {versions.map((v) => (
            <li key={v.version}>
              <strong>{v.version}</strong> · {fmtDate(v.publishedAt, true)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The service form as a citizen sees it (the app's own form renderer), with the documents it asks for. */
function Preview({ service }: { service: Service }) {
  const { L } = useI18n();
  const [data, setData] = useState<Record<string, unknown>>({});
  const [ok, setOk] = useState(false);
  return (
    <div className="editor-preview">
      <ServiceForm schema={service.form.schema as Record<string, unknown>} ui={service.form.ui} formData={data} onChange={(d) => (setData(d), setOk(false))} onSubmit={() => setOk(true)}>
        <button type="submit" className="btn secondary">
          {L(W.previewSubmit)}
        </button>
      </ServiceForm>
      {ok && <p className="ok-text" role="status">{L(W.previewDone)}</p>}
      <h3>{L(W.previewDocs)}</h3>
      <ul className="docs">
        {service.documents.map((d) => {
          const req = documentRequired(d as never, data);
          return (
            <li key={d.code}>
              {L(d.name)} — <span className={req ? 'req' : 'muted'}>{req ? L(W.required) : L(W.notRequired)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
