import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { newIdempotencyKey } from '@satupintu/client';
import { client, fileBody, hasStatus, isStale, keyed, ProblemError, RetryKey, unwrap, unwrapWithEtag } from '../api.js';
import { useAuth } from '../auth.js';
import { Async, ErrorBox, PageTitle, RequireLogin, useAsync } from '../components.js';
import { documentApplies, documentRequired } from '../forms.js';
import { useI18n } from '../i18n.js';
import type { Application, DocumentRequirement, Localized, RequestBody, ServiceDetail } from '../types.js';
import { ErrorSummary, focusField, type SummaryItem } from '../ui/error-summary.js';
import { clearLocal, readLocal, writeLocal, type LocalDraft } from '../ui/local-draft.js';
import { ProfilePrefill, type PrefillOutcome } from '../ui/ProfilePrefill.js';
import { answerText, fieldId, focusTarget, isSection, labelOf, ObjectQuestions, prune, shown, validate, type Errors, type Json, type Schema } from '../ui/schema-form.js';
import '../ui/apply.css';

/** Who files: the citizen online, or an officer at the counter for a citizen (with consent). */
export type OnBehalf = Required<Pick<RequestBody<'createApplication'>, 'applicant' | 'consent'>>;

const S = {
  step: { id: 'Langkah {n} dari {total}', en: 'Step {n} of {total}' },
  details: { id: 'Data permohonan', en: 'Application details' },
  back: { id: 'Kembali', en: 'Back' },
  continue: { id: 'Lanjutkan', en: 'Continue' },
  check: { id: 'Periksa jawaban Anda', en: 'Check your answers' },
  checkIntro: { id: 'Periksa semua jawaban sebelum mengirim. Pilih “Ubah” untuk memperbaikinya.', en: 'Check all your answers before you submit. Choose “Change” to correct one.' },
  change: { id: 'Ubah', en: 'Change' },
  noDocs: { id: 'Belum ada berkas', en: 'No file yet' },
  docsTitle: { id: 'Unggah dokumen persyaratan', en: 'Upload the required documents' },
  docsIntro: { id: 'Hanya dokumen yang berlaku untuk jawaban Anda yang diminta.', en: 'Only the documents that apply to your answers are asked for.' },
  saving: { id: 'Menyimpan…', en: 'Saving…' },
  savedAt: { id: 'Tersimpan otomatis pukul {time}', en: 'Saved automatically at {time}' },
  nikTitle: { id: 'Periksa kembali data yang tidak sesuai dengan NIK', en: 'Check the answers that do not match the NIK' },
  savedHere: { id: 'Tersimpan di perangkat ini; akan dikirim ke server saat jaringan kembali.', en: 'Saved on this device; it will reach the server when the network is back.' },
  resumed: { id: 'Kami memulihkan isian Anda yang belum terkirim.', en: 'We restored answers you had not sent yet.' },
  dupTitle: { id: 'Anda sudah punya permohonan aktif untuk layanan ini', en: 'You already have an active application for this service' },
  dupText: { id: 'Periksa dulu permohonan berikut. Kirim lagi hanya bila memang permohonan baru.', en: 'Check this application first. Only submit again if this is a new application.' },
  dupItem: { id: 'Kode lacak {code}, diajukan {date}', en: 'Tracking code {code}, submitted {date}' },
  submitTitle: { id: 'Kirim permohonan', en: 'Submit your application' },
  submitText: { id: 'Dengan mengirim, Anda menyatakan data ini benar.', en: 'By submitting you confirm that these details are correct.' },
  tooLarge: { id: '{name} lebih besar dari {max} MB. Pilih berkas yang lebih kecil atau foto ulang dengan resolusi lebih rendah.', en: '{name} is larger than {max} MB. Choose a smaller file or take the photo again at a lower resolution.' },
  uploadFailed: { id: 'Berkas belum terunggah. Periksa jaringan lalu pilih berkas lagi.', en: 'The file was not uploaded. Check your connection and choose the file again.' },
  docFix: { id: 'Unggah {name}.', en: 'Upload the {name}.' },
  onBehalfMissing: { id: 'Lengkapi data pemohon dan persetujuannya di atas.', en: 'Fill in the applicant and their consent above.' },
  staleSaved: { id: 'Draf ini juga diubah di perangkat lain; isian di layar ini yang disimpan.', en: 'This draft was also changed on another device; the answers on this screen were saved.' },
  feeTitle: { id: 'Biaya', en: 'Fee' },
  feePending: { id: 'Biaya akhir dihitung setelah isian yang menentukannya dilengkapi.', en: 'The final fee is computed once the answers it depends on are filled in.' },
} satisfies Record<string, Localized>;

/** Part "fees" (issue 23): the draft's fee quote as the server computes it (Application.fee; typed here until the generated client carries it). */
interface FeeQuoteView {
  total: number;
  complete: boolean;
  lines: { code: string; name: Localized; amount: number; legalBasis: string; reason?: Localized }[];
  text: Localized;
}
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

export function Apply({ tenant, service }: { tenant: string; service: string }) {
  const { L, t } = useI18n();
  const draftId = new URLSearchParams(useSearch()).get('draft');
  const svc = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service } } })), [tenant, service]);
  return (
    <RequireLogin>
      <Async state={svc}>
        {(s) => (
          <>
            <PageTitle sub={L(s.agency.name)}>{`${t('apply')}: ${L(s.name)}`}</PageTitle>
            <ApplicationEditor key={s.id} tenant={tenant} service={s} draftId={draftId} />
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

/** Whether two JSON values are equal, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ea = Object.entries(a);
  const mb = new Map(Object.entries(b));
  return ea.length === mb.size && ea.every(([k, v]) => mb.has(k) && sameJson(v, mb.get(k)));
}

/** The draft as the API last answered it, with the ETag to quote in If-Match on the next save. */
interface Held {
  app: Application;
  etag: string | undefined;
}

type Page = { kind: 'questions'; props: string[]; title: Localized | string } | { kind: 'documents' } | { kind: 'check' };

/**
 * Pages of a long form, one thing per page: each section (an object or a list) on its own page,
 * the plain questions between them in groups of at most three (their follow-up questions, shown
 * only when they apply, travel with them); then the documents, then "check your answers". A
 * short form (up to six plain questions, no sections) stays one page.
 */
function pagesOf(schema: Schema, order: string[], labelFor: (name: string) => string, docs: boolean): Page[] | null {
  const names = [...order, ...Object.keys(schema.properties ?? {}).filter((k) => !order.includes(k))].filter((k) => schema.properties?.[k]);
  const conditional = (k: string) => !shown(schema, k, {}) && !(schema.required ?? []).includes(k);
  const plain = names.filter((k) => !conditional(k));
  if (plain.length <= 6 && !names.some((k) => isSection(schema.properties![k]!))) return null;
  const pages: Page[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length) pages.push({ kind: 'questions', props: group, title: group.length === 1 ? labelFor(group[0]!) : S.details });
    group = [];
  };
  for (const k of names) {
    if (isSection(schema.properties![k]!)) {
      flush();
      pages.push({ kind: 'questions', props: [k], title: labelFor(k) });
      continue;
    }
    if (!conditional(k) && group.filter((g) => !conditional(g)).length >= 3) flush();
    group.push(k);
  }
  flush();
  if (docs) pages.push({ kind: 'documents' });
  pages.push({ kind: 'check' });
  return pages;
}

export function ApplicationEditor({ tenant, service, draftId, onBehalf, doneHref }: { tenant: string; service: ServiceDetail; draftId?: string | null; onBehalf?: () => OnBehalf | null; doneHref?: (app: Application) => string }) {
  const { t, L, lang, fmtDate } = useI18n();
  const { user } = useAuth();
  const [location, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const schema = service.form.schema as Schema;
  const ui = service.form.ui;
  const labelFor = (name: string) => labelOf(ui, `/${name}`, L);
  const pages = useMemo(() => pagesOf(schema, ui.order, labelFor, service.documents.length > 0), [schema, ui, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const multi = pages !== null;
  const who = user?.profile.sub ?? 'anon';
  // The device copy: for the citizen's own applications (an officer's counter filings are not kept on the counter's PC).
  const local = !onBehalf;

  const [data, setDataState] = useState<Json>({});
  const dataRef = useRef<Json>({});
  const [step, setStepState] = useState<number>(() => Math.max(1, Number(search.get('langkah') ?? 1) || 1));
  const [app, setApp] = useState<Application | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [docErrors, setDocErrors] = useState<Record<string, Localized>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [summaryKey, setSummaryKey] = useState(0);
  const [fatal, setFatal] = useState<unknown>(null);
  const [note, setNote] = useState<Localized | null>(null);
  const [saveState, setSaveState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'local'; at?: Date }>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  // A draft this device remembers is opened by its address first: no empty form shows meanwhile (what is typed there would be lost).
  const [loaded, setLoaded] = useState(() => !draftId && !(local && readLocal(who, tenant, service.id)?.id));
  const held = useRef<Held | null>(null);
  const keys = useRef({ submit: new RetryKey(), upload: new RetryKey() }).current;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pendingCreate = useRef<{ key: string; body: unknown } | undefined>(undefined);
  const focusAfter = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const resumedFromDevice = useRef(false);
  const stepRef = useRef(step);
  stepRef.current = step;

  const hold = (a: Application, etag: string | undefined) => {
    held.current = { app: a, etag };
    setApp(a);
  };
  const read = (id: string) => unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } }));
  const keep = (d: Json, patch: Partial<LocalDraft> = {}) => {
    if (!local) return;
    writeLocal(who, tenant, service.id, {
      ...(held.current ? { id: held.current.app.id, version: held.current.app.version } : {}),
      ...(pendingCreate.current ? { create: pendingCreate.current } : {}),
      data: d,
      step: stepRef.current,
      synced: false,
      savedAt: new Date().toISOString(),
      ...patch,
    });
  };
  const base = location;
  const urlFor = (id: string | undefined, n: number) => {
    const q = new URLSearchParams();
    if (id) q.set('draft', id);
    if (multi) q.set('langkah', String(n));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };

  // ---- load: the server draft, or this device's copy ------------------------------------------
  useEffect(() => {
    if (held.current && held.current.app.id === draftId) return;
    const mine = local ? readLocal(who, tenant, service.id) : null;
    const start = (d: Json, fromUrlStep: boolean) => {
      dataRef.current = d;
      setDataState(d);
      if (!fromUrlStep && pages) setStepState(firstIncomplete(d));
      setLoaded(true);
    };
    if (!draftId) {
      if (mine?.id) {
        // A draft of this service already started on this device: continue it.
        resumedFromDevice.current = true;
        navigate(urlFor(mine.id, mine.step ?? 1), { replace: true });
        return;
      }
      if (mine) {
        pendingCreate.current = mine.create;
        setNote(S.resumed);
        start(mine.data, search.has('langkah'));
        void flush();
      }
      return;
    }
    read(draftId).then(
      ({ data: a, etag }) => {
        if (a.status !== 'draft') {
          // Submitted meanwhile (on another device): this device's copy is done with; a fresh form
          // when it was only remembered here, the application itself when its link was followed.
          const remembered = resumedFromDevice.current;
          if (local) clearLocal(who, tenant, service.id);
          navigate(remembered ? base : `/t/${tenant}/permohonan/${a.id}`, { replace: true });
          return;
        }
        hold(a, etag);
        // Unsent answers on this device, based on the server's latest version, win; else the server's (another device saved later).
        const restore = mine && mine.id === a.id && !mine.synced && (mine.version ?? 0) >= a.version && !sameJson(mine.data, a.data);
        if (restore) setNote(S.resumed);
        start(restore ? mine.data : (a.data as Json), search.has('langkah') && !!mine && mine.id === a.id);
        if (restore) void flush();
      },
      (e) => {
        // Offline or the session failed: this device's copy lets the person go on.
        if (mine && mine.id === draftId && !hasStatus(e, 404)) {
          pendingCreate.current = mine.create;
          setNote(S.resumed);
          setSaveState({ kind: 'local' });
          start(mine.data, true);
        } else setFatal(e);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant, draftId]);

  // Back/forward buttons move between pages.
  const urlStep = Number(search.get('langkah') ?? 0);
  useEffect(() => {
    if (multi && urlStep > 0 && urlStep !== step) setStepState(urlStep);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlStep]);

  useEffect(() => {
    if (focusAfter.current) {
      const id = focusAfter.current;
      focusAfter.current = null;
      if (id === '@heading') heading.current?.focus();
      else focusField(id);
    }
  });

  /** The page a question (top-level name) is on. */
  const pageOf = (name: string) => (pages ? Math.max(0, pages.findIndex((p) => p.kind === 'questions' && p.props.includes(name))) + 1 : 1);
  const docsPage = pages ? pages.findIndex((p) => p.kind === 'documents') + 1 : 1;
  function firstIncomplete(d: Json): number {
    if (!pages) return 1;
    const errs = validate(schema, prune(schema, d));
    const names = Object.keys(errs).map((p) => p.split('/')[1]!);
    if (!Object.keys(d).length) return 1;
    if (!names.length) return pages.length - (docsPage ? 1 : 0);
    return Math.min(...names.map(pageOf));
  }

  const goTo = (n: number, focus: string = '@heading') => {
    focusAfter.current = focus;
    setStepState(n);
    if (local) keep(dataRef.current, { step: n, synced: saveState.kind === 'saved' });
    if (!onBehalf) navigate(urlFor(held.current?.app.id, n));
  };

  // ---- saving ------------------------------------------------------------------------------
  /** Creates the draft on first need (one key for the creation, kept for its retries), or saves the answers (If-Match). */
  const saveNow = async (raw: Json): Promise<Application> => {
    const formData = prune(schema, raw);
    let current = held.current;
    if (!current) {
      const by = onBehalf?.();
      if (onBehalf && !by) throw new Error(L(S.onBehalfMissing));
      pendingCreate.current ??= { key: newIdempotencyKey(), body: { service: service.id, data: formData, ...(by ?? {}) } };
      keep(raw);
      const { key, body } = pendingCreate.current;
      const made = await unwrapWithEtag(client.POST('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, header: { 'Idempotency-Key': key } }, body: body as RequestBody<'createApplication'> }));
      pendingCreate.current = undefined;
      hold(made.data, made.etag);
      current = held.current!;
      if (!onBehalf) navigate(urlFor(made.data.id, stepRef.current), { replace: true });
    }
    if (sameJson(current.app.data, formData)) return current.app;
    const patch = async (c: Held) => unwrapWithEtag(client.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id: c.app.id }, header: { 'If-Match': c.etag } }, body: { data: formData } }));
    try {
      const saved = await patch(current);
      hold(saved.data, saved.etag);
      return saved.data;
    } catch (e) {
      if (!isStale(e)) throw e;
      // Saved meanwhile on another device: the answers on this screen are what the person sees; they win.
      const fresh = await read(current.app.id);
      hold(fresh.data, fresh.etag);
      const saved = await patch(held.current!);
      hold(saved.data, saved.etag);
      setNote(S.staleSaved);
      return saved.data;
    }
  };

  /** Saves the latest answers after those before (one save at a time). */
  const flush = (): Promise<Application | null> => {
    clearTimeout(timer.current);
    const run = queue.current.then(async () => {
      setSaveState((s) => ({ ...s, kind: 'saving' }));
      try {
        const a = await saveNow(dataRef.current);
        setSaveState({ kind: 'saved', at: new Date() });
        if (local) keep(dataRef.current, { id: a.id, version: a.version, synced: true });
        return a;
      } catch (e) {
        setSaveState({ kind: 'local' });
        throw e;
      }
    });
    queue.current = run.catch(() => null);
    return run;
  };

  const setData = (next: Json) => {
    dataRef.current = next;
    setDataState(next);
    keep(next);
    // Once the person has tried to go on, corrections clear their errors as they type.
    if (Object.keys(errors).length) setErrors(pageErrors(next, currentProps()));
    clearTimeout(timer.current);
    if (!onBehalf || onBehalf()) timer.current = setTimeout(() => void flush().catch(() => {}), 1200);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  // Back online, or leaving the page (another tab, the phone locked): send what is not on the server yet.
  const unsent = () => saveState.kind === 'local' || (timer.current !== undefined && saveState.kind !== 'saved');
  const flushRef = useRef(flush);
  flushRef.current = flush;
  const unsentRef = useRef(unsent);
  unsentRef.current = unsent;
  useEffect(() => {
    const online = () => {
      if (unsentRef.current() && Object.keys(dataRef.current).length) void flushRef.current().catch(() => {});
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') online();
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  /** The applicant profile's answers fill the empty ones only: what the person typed stays. */
  const applyPrefill = (values: Record<string, string>): PrefillOutcome => {
    const next: Json = { ...dataRef.current };
    let filled = 0;
    let kept = 0;
    for (const [k, v] of Object.entries(values)) {
      const cur = next[k];
      if (cur === undefined || cur === null || cur === '') {
        next[k] = v;
        filled++;
      } else if (cur !== v) kept++;
    }
    if (filled) setData(next);
    return { filled, kept };
  };
  // The citizen's own form only (a counter or village operator files for someone else), on its first page.
  const prefill = !onBehalf && step === 1 ? <ProfilePrefill tenant={tenant} service={service} apply={applyPrefill} /> : null;

  // ---- validation ----------------------------------------------------------------------------
  const page = pages?.[step - 1] ?? pages?.[0];
  const currentProps = () => (page?.kind === 'questions' ? page.props : pages ? [] : Object.keys(schema.properties ?? {}));
  const pageErrors = (d: Json, props: string[]): Errors => {
    const all = validate(schema, prune(schema, d));
    return Object.fromEntries(Object.entries(all).filter(([p]) => props.includes(p.split('/')[1] ?? '')));
  };
  const itemsFor = (errs: Errors, sameView: boolean): SummaryItem[] =>
    Object.entries(errs).map(([pointer, msg]) => {
      const target = focusTarget(schema, pointer);
      const n = pageOf(pointer.split('/')[1] ?? '');
      return { target, text: msg, ...(sameView || n === step ? {} : { go: () => goTo(n, target) }) };
    });
  const docItems = (d: Json): { items: SummaryItem[]; errs: Record<string, Localized> } => {
    const errs: Record<string, Localized> = {};
    for (const doc of service.documents) {
      const have = (held.current?.app.documents ?? []).filter((x) => x.code === doc.code).length;
      if (documentRequired(doc, d) && have < Math.max(1, doc.minCount)) errs[doc.code] = { id: fill(S.docFix.id, { name: doc.name.id }), en: fill(S.docFix.en, { name: doc.name.en }) };
    }
    return { errs, items: Object.entries(errs).map(([code, text]) => ({ target: `doc-${code}`, text, ...(pages && step !== docsPage ? { go: () => goTo(docsPage, `doc-${code}`) } : {}) })) };
  };
  const showSummary = (items: SummaryItem[]) => {
    setSummary(items);
    setSummaryKey((k) => k + 1);
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setFatal(null);
    try {
      await fn();
    } catch (e) {
      setFatal(e);
      focusAfter.current = 'apply-status';
    } finally {
      setBusy(false);
    }
  };

  const continueFrom = () => {
    if (page?.kind === 'documents') {
      const { items, errs } = docItems(dataRef.current);
      setDocErrors(errs);
      showSummary(items);
      if (items.length) return;
    } else {
      const errs = pageErrors(dataRef.current, currentProps());
      setErrors(errs);
      showSummary(itemsFor(errs, true));
      if (Object.keys(errs).length) return;
    }
    void flush().catch(() => {});
    goTo(step + 1);
  };

  const submit = () =>
    run(async () => {
      const d = prune(schema, dataRef.current);
      const errs = validate(schema, d);
      const docs = docItems(d);
      setErrors(errs);
      setDocErrors(docs.errs);
      const items = [...itemsFor(errs, !multi), ...docs.items];
      showSummary(items);
      if (items.length) return;
      let a: Application | null;
      try {
        a = await flush();
      } catch (e) {
        throw e;
      }
      if (!a) return;
      try {
        const done = await keyed(keys.submit, { submit: a.id }, (key) =>
          unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/submit', { params: { path: { tenant, id: a.id }, header: { 'Idempotency-Key': key } } })),
        );
        if (local) clearLocal(who, tenant, service.id);
        navigate(doneHref ? doneHref(done) : `/t/${tenant}/permohonan/${done.id}/terkirim`);
      } catch (e) {
        // The server's own checks (the same messages): each on its field or document.
        if (e instanceof ProblemError && e.problem.errors?.length) {
          const fe: Errors = {};
          const de: Record<string, Localized> = {};
          for (const p of e.problem.errors) {
            if (p.pointer.startsWith('/data/')) fe[p.pointer.slice(5)] = p.message;
            else if (p.pointer.startsWith('/documents/')) de[p.pointer.slice(11)] = p.message;
          }
          setErrors(fe);
          setDocErrors(de);
          showSummary([
            ...itemsFor(fe, !multi),
            ...Object.entries(de).map(([code, text]) => ({ target: `doc-${code}`, text, ...(pages ? { go: () => goTo(docsPage, `doc-${code}`) } : {}) })),
          ]);
          return;
        }
        throw e;
      }
    });

  const upload = (doc: DocumentRequirement, files: File[]) =>
    run(async () => {
      if (!files.length) return;
      for (const f of files) {
        if (f.size > doc.maxSizeMb * 1024 * 1024) {
          setDocErrors((x) => ({ ...x, [doc.code]: { id: fill(S.tooLarge.id, { name: f.name, max: doc.maxSizeMb }), en: fill(S.tooLarge.en, { name: f.name, max: doc.maxSizeMb }) } }));
          return;
        }
      }
      const a = (await flush()) ?? held.current?.app;
      if (!a) return;
      setUploading(doc.code);
      try {
        for (const f of files) {
          const request = { application: a.id, code: doc.code, name: f.name, size: f.size, lastModified: f.lastModified };
          await keyed(keys.upload, request, (key) =>
            unwrap(
              client.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', {
                params: { path: { tenant, id: a.id, code: doc.code }, query: { filename: f.name }, header: { 'Idempotency-Key': key } },
                ...fileBody(f),
              }),
            ),
          );
        }
        setDocErrors(({ [doc.code]: _, ...rest }) => rest);
        setSummary((items) => items.filter((it) => it.target !== `doc-${doc.code}`));
      } catch (e) {
        if (e instanceof ProblemError) setDocErrors((x) => ({ ...x, [doc.code]: e.problem.errors?.[0]?.message ?? { id: e.text('id'), en: e.text('en') } }));
        else setDocErrors((x) => ({ ...x, [doc.code]: S.uploadFailed }));
      } finally {
        setUploading(null);
        // Uploads are new versions: take the latest (and its ETag) when the answers are unchanged.
        const fresh = await read(a.id).catch(() => null);
        if (fresh && (!held.current || sameJson(fresh.data.data, held.current.app.data))) hold(fresh.data, fresh.etag);
        else if (fresh && held.current) hold({ ...held.current.app, documents: fresh.data.documents }, held.current.etag);
      }
    });

  // ---- rendering -----------------------------------------------------------------------------
  const ctx = { ui, L, errors };
  const docsList = service.documents.filter((doc) => documentApplies(doc, data));
  const status = (
    <p className="autosave muted small" role="status" aria-live="polite">
      {saveState.kind === 'saving' && L(S.saving)}
      {saveState.kind === 'saved' && saveState.at && fill(L(S.savedAt), { time: saveState.at.toLocaleTimeString(lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) })}
      {saveState.kind === 'local' && L(S.savedHere)}
    </p>
  );
  const duplicates = app?.possibleDuplicates?.length ? (
    <div className="alert dup-warning" role="region" aria-labelledby="dup-title">
      <h2 id="dup-title">{L(S.dupTitle)}</h2>
      <p>{L(S.dupText)}</p>
      <ul>
        {app.possibleDuplicates.map((d) => (
          <li key={d.id}>
            <Link href={`/t/${tenant}/permohonan/${d.id}`}>{fill(L(S.dupItem), { code: d.trackingCode, date: fmtDate(d.submittedAt) })}</Link>
          </li>
        ))}
      </ul>
    </div>
  ) : null;
  // What the NIK says against the answers (birth date, sex, domicile): said before submitting, so
  // the person can correct a typo — or keep it when the NIK is the one that is wrong.
  const identity = app?.identityWarnings?.length ? (
    <div className="alert identity-warning" role="region" aria-labelledby="nik-check-title">
      <h2 id="nik-check-title">{L(S.nikTitle)}</h2>
      <ul>
        {app.identityWarnings.map((w) => (
          <li key={w.pointer}>
            <a href={`#${focusTarget(schema, w.pointer.replace(/^\/data/, ''))}`} onClick={(e) => (e.preventDefault(), focusField(focusTarget(schema, w.pointer.replace(/^\/data/, ''))))}>
              {L(w.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  ) : null;

  // What applying costs, from the server's quote on the tenant's date: each charge with its regulation, or "tidak dipungut biaya".
  const fee = (app as (Application & { fee?: FeeQuoteView }) | undefined)?.fee;
  const feeBlock = fee ? (
    <section className="fee-quote" aria-labelledby="fee-title">
      <h2 id="fee-title">{L(S.feeTitle)}</h2>
      {fee.lines.length > 0 && (
        <ul>
          {fee.lines.map((l) => (
            <li key={l.code}>
              {L(l.name)}: <strong>{rupiah(l.amount)}</strong>
              {l.reason ? ` (${L(l.reason)})` : ''} <span className="muted small">{l.legalBasis}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{L(fee.text)}</strong>
      </p>
      {!fee.complete && <p className="muted small">{L(S.feePending)}</p>}
    </section>
  ) : null;

  const documentsBlock = (
    <ul className="docs">
      {docsList.map((doc) => {
        const required = documentRequired(doc, data);
        const have = (app?.documents ?? []).filter((d) => d.code === doc.code);
        const id = `doc-${doc.code}`;
        const err = docErrors[doc.code];
        return (
          <li key={doc.code} className={err ? 'q-has-error' : undefined}>
            <label htmlFor={id}>
              {L(doc.name)} <span className={required ? 'req' : 'muted'}>({required ? t('required') : t('optional')})</span>
            </label>
            <div className="muted small" id={`${id}-hint`}>
              {t('accepted')}: {doc.accept.map((m) => m.split('/')[1]?.toUpperCase()).join(', ')} · {t('maxSize')} {doc.maxSizeMb} MB · {doc.maxCount} {t('files')}
            </div>
            {err && (
              <p className="q-error" id={`${id}-error`}>
                {L(err)}
              </p>
            )}
            <input
              id={id}
              type="file"
              accept={doc.accept.join(',')}
              multiple={doc.maxCount > 1}
              aria-describedby={err ? `${id}-hint ${id}-error` : `${id}-hint`}
              disabled={busy || have.length >= doc.maxCount}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void upload(doc, files);
              }}
            />
            {uploading === doc.code && <span className="muted small"> {t('uploading')}</span>}
            {have.length > 0 && (
              <ul className="uploaded">
                {have.map((d) => (
                  <li key={d.id}>
                    ✓ {t('uploaded')}: {d.filename ?? d.code} ({Math.ceil(d.size / 1024)} KB)
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );

  const top = (
    <div id="apply-status" tabIndex={-1}>
      <ErrorSummary items={summary} focusKey={summaryKey} />
      <ErrorBox error={fatal} />
      {note && <div className="alert ok">{L(note)}</div>}
      {app && (
        <p className="muted small">
          {t('tracking')}: <strong className="mono">{app.trackingCode}</strong>
        </p>
      )}
    </div>
  );

  if (!loaded) return top;

  // One page: the questions, the documents, submit.
  if (!pages) {
    return (
      <div className="apply">
        {top}
        <form
          className="card"
          noValidate
          aria-labelledby="form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2 id="form">{t('form')}</h2>
          {prefill}
          <ObjectQuestions schema={schema} value={data} pointer="" ctx={ctx} onChange={setData} />
          {docsList.length > 0 && (
            <section aria-labelledby="docs" className="docs-section">
              <h2 id="docs">{t('documents')}</h2>
              {documentsBlock}
            </section>
          )}
          {duplicates}
          {identity}
          {feeBlock}
          {status}
          <div className="actions">
            <button type="submit" className="btn" disabled={busy}>
              {t('submit')}
            </button>
          </div>
        </form>
      </div>
    );
  }

  const total = pages.length;
  const current = page!;
  const stepLine = <p className="step-of muted">{fill(L(S.step), { n: step, total })}</p>;
  const backLink =
    step > 1 ? (
      <a
        className="back-link"
        href={urlFor(app?.id, step - 1)}
        onClick={(e) => {
          e.preventDefault();
          showSummary([]);
          setErrors({});
          goTo(step - 1);
        }}
      >
        {L(S.back)}
      </a>
    ) : null;

  if (current.kind === 'check') {
    const rows = pages.flatMap((p, i) =>
      p.kind !== 'questions'
        ? []
        : p.props
            .filter((k) => shown(schema, k, data))
            .flatMap((k) => {
              const sub = schema.properties![k]!;
              const changeTo = (pointer: string) => ({ n: i + 1, target: focusTarget(schema, pointer) });
              if (sub.type === 'object' && sub.properties) {
                const v = (data[k] ?? {}) as Json;
                return Object.keys(sub.properties)
                  .filter((c) => shown(sub, c, v))
                  .map((c) => ({ key: `${k}/${c}`, label: `${labelFor(k)}: ${labelOf(ui, `/${k}/${c}`, L)}`, value: answerText(sub.properties![c]!, v[c], L, (iso) => fmtDate(iso)), to: changeTo(`/${k}/${c}`) }));
              }
              if (sub.type === 'array') {
                const items = Array.isArray(data[k]) ? (data[k] as unknown[]) : [];
                const value = items.map((it) => (it && typeof it === 'object' ? Object.values(it).map((x) => (sub.items ? answerText({}, x, L, (iso) => fmtDate(iso)) : String(x))).join(', ') : String(it))).join('; ') || '–';
                return [{ key: k, label: labelFor(k), value, to: changeTo(`/${k}`) }];
              }
              return [{ key: k, label: labelFor(k), value: answerText(sub, data[k], L, (iso) => fmtDate(iso)), to: changeTo(`/${k}`) }];
            }),
    );
    return (
      <div className="apply">
        {backLink}
        {top}
        <div className="card">
          {stepLine}
          <h2 ref={heading} tabIndex={-1}>
            {L(S.check)}
          </h2>
          <p>{L(S.checkIntro)}</p>
          <dl className="summary-list">
            {rows.map((r) => (
              <div className="summary-row" key={r.key}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
                <dd className="summary-action">
                  <a
                    href={urlFor(app?.id, r.to.n)}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(r.to.n, r.to.target);
                    }}
                  >
                    {L(S.change)}
                    <span className="sr-only"> {r.label}</span>
                  </a>
                </dd>
              </div>
            ))}
            {docsPage > 0 && (
              <div className="summary-row">
                <dt>{t('documents')}</dt>
                <dd>{(app?.documents ?? []).map((d) => d.filename ?? d.code).join(', ') || L(S.noDocs)}</dd>
                <dd className="summary-action">
                  <a
                    href={urlFor(app?.id, docsPage)}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(docsPage);
                    }}
                  >
                    {L(S.change)}
                    <span className="sr-only"> {t('documents')}</span>
                  </a>
                </dd>
              </div>
            )}
          </dl>
          {duplicates}
          {identity}
          {feeBlock}
          <h2>{L(S.submitTitle)}</h2>
          <p>{L(S.submitText)}</p>
          {status}
          <button type="button" className="btn" disabled={busy} onClick={() => void submit()}>
            {t('submit')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="apply">
      {backLink}
      {top}
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          continueFrom();
        }}
      >
        {stepLine}
        <h2 id="page-title" ref={heading} tabIndex={-1}>
          {current.kind === 'documents' ? L(S.docsTitle) : typeof current.title === 'string' ? current.title : L(current.title)}
        </h2>
        {current.kind === 'documents' ? (
          <>
            <p>{L(S.docsIntro)}</p>
            {documentsBlock}
          </>
        ) : (
          <>
            {prefill}
            <ObjectQuestions schema={schema} value={data} pointer="" ctx={ctx} onChange={setData} only={current.props} />
          </>
        )}
        {status}
        <div className="actions">
          <button type="submit" className="btn" disabled={busy}>
            {L(S.continue)}
          </button>
        </div>
      </form>
    </div>
  );
}

export { fieldId };
