import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { client, fileBody, isStale, keyed, RetryKey, unwrap, unwrapWithEtag } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { documentRequired, ServiceForm } from '../forms.js';
import { useI18n } from '../i18n.js';
import type { Application, DocumentRequirement, RequestBody, ServiceDetail } from '../types.js';

/** Who files: the citizen online, or an officer at the counter for a citizen (with consent). */
export type OnBehalf = Required<Pick<RequestBody<'createApplication'>, 'applicant' | 'consent'>>;

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
            <ApplicationEditor tenant={tenant} service={s} draftId={draftId} />
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

export function ApplicationEditor({ tenant, service, draftId, onBehalf, doneHref }: { tenant: string; service: ServiceDetail; draftId?: string | null; onBehalf?: () => OnBehalf | null; doneHref?: (app: Application) => string }) {
  const { t, L, lang } = useI18n();
  const [, navigate] = useLocation();
  const [data, setData] = useState<Record<string, unknown>>({});
  const [app, setApp] = useState<Application | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const held = useRef<Held | null>(null);
  // One Idempotency-Key per write, kept while the same write is retried (a flaky network).
  const keys = useRef({ create: new RetryKey(), submit: new RetryKey(), upload: new RetryKey() }).current;
  const hold = (a: Application, etag: string | undefined) => {
    held.current = { app: a, etag };
    setApp(a);
  };
  const read = (id: string) => unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } }));

  useEffect(() => {
    if (!draftId) return;
    read(draftId).then(({ data: a, etag }) => {
      hold(a, etag);
      setData(a.data);
    }, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant, draftId]);

  /** Creates the draft on first need, or updates it with the current form data (If-Match: the ETag held). */
  const saveDraft = async (formData: Record<string, unknown>): Promise<Application> => {
    const current = held.current;
    if (!current) {
      const who = onBehalf?.();
      if (onBehalf && !who) throw new Error(lang === 'id' ? 'Lengkapi data pemohon dan persetujuannya.' : 'Fill in the applicant and their consent.');
      const body = { service: service.id, data: formData, ...(who ?? {}) };
      const made = await keyed(keys.create, body, (key) =>
        unwrapWithEtag(client.POST('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, header: { 'Idempotency-Key': key } }, body })),
      );
      hold(made.data, made.etag);
      return made.data;
    }
    try {
      const saved = await unwrapWithEtag(
        client.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id: current.app.id }, header: { 'If-Match': current.etag } }, body: { data: formData } }),
      );
      hold(saved.data, saved.etag);
      return saved.data;
    } catch (e) {
      // Saved meanwhile on another device: take the latest version (and its ETag) but keep what
      // the person typed in the form; the error box says so, and saving again writes it.
      if (isStale(e)) await read(current.app.id).then(({ data: a, etag }) => hold(a, etag), () => {});
      throw e;
    }
  };

  /**
   * After uploads (each a new version of the application, answered without an ETag): the latest
   * documents, and its ETag when only documents changed. When the form data changed too (another
   * device saved), the ETag held stays, so the next save is refused (412) rather than written over it.
   */
  const refreshAfterUpload = async (id: string) => {
    const fresh = await read(id);
    const before = held.current;
    if (!before || sameJson(fresh.data.data, before.app.data)) hold(fresh.data, fresh.etag);
    else hold({ ...before.app, documents: fresh.data.documents }, before.etag);
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
      document.getElementById('apply-status')?.focus();
    } finally {
      setBusy(false);
    }
  };

  const upload = (doc: DocumentRequirement, files: File[]) =>
    run(async () => {
      if (!files.length) return;
      for (const f of files) {
        if (f.size > doc.maxSizeMb * 1024 * 1024) throw new Error(`${t('tooLarge')}: ${f.name} (${t('maxSize')} ${doc.maxSizeMb} MB)`);
      }
      const a = held.current?.app ?? (await saveDraft(data));
      setUploading(doc.code);
      const added: string[] = [];
      try {
        for (const f of files) {
          const request = { application: a.id, code: doc.code, name: f.name, size: f.size, lastModified: f.lastModified };
          const d = await keyed(keys.upload, request, (key) =>
            unwrap(
              client.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', {
                params: { path: { tenant, id: a.id, code: doc.code }, query: { filename: f.name }, header: { 'Idempotency-Key': key } },
                ...fileBody(f),
              }),
            ),
          );
          added.push(d.filename ?? d.code);
        }
      } finally {
        setUploading(null);
        if (added.length) await refreshAfterUpload(a.id).catch(() => {});
      }
      setNotice(`${t('uploaded')}: ${added.join(', ')}`);
    });

  const submit = (formData: Record<string, unknown>) =>
    run(async () => {
      const a = await saveDraft(formData);
      const done = await keyed(keys.submit, { submit: a.id }, (key) =>
        unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/submit', { params: { path: { tenant, id: a.id }, header: { 'Idempotency-Key': key } } })),
      );
      navigate(doneHref ? doneHref(done) : `/t/${tenant}/permohonan/${done.id}?submitted=1`);
    });

  return (
    <div className="apply">
      <div id="apply-status" tabIndex={-1}>
        <ErrorBox error={error} />
        {notice && <Notice>{notice}</Notice>}
        {app && (
          <p className="muted small">
            {t('tracking')}: <strong className="mono">{app.trackingCode}</strong> · {L(app.state.name)}
          </p>
        )}
      </div>
      <section aria-labelledby="form" className="card">
        <h2 id="form">{t('form')}</h2>
        <ServiceForm schema={service.form.schema} ui={service.form.ui} formData={data} onChange={setData} onSubmit={(d) => void submit(d)}>
            <section aria-labelledby="docs" className="docs-section">
              <h2 id="docs">{t('documents')}</h2>
              <ul className="docs">
                {service.documents.map((doc) => {
                  const required = documentRequired(doc, data);
                  const have = (app?.documents ?? []).filter((d) => d.code === doc.code);
                  const id = `doc-${doc.code}`;
                  return (
                    <li key={doc.code}>
                      <label htmlFor={id}>
                        {L(doc.name)} <span className={required ? 'req' : 'muted'}>({required ? t('required') : t('optional')})</span>
                      </label>
                      <div className="muted small" id={`${id}-hint`}>
                        {t('accepted')}: {doc.accept.map((m) => m.split('/')[1]?.toUpperCase()).join(', ')} · {t('maxSize')} {doc.maxSizeMb} MB · {doc.maxCount} {t('files')}
                      </div>
                      <input
                        id={id}
                        type="file"
                        accept={doc.accept.join(',')}
                        multiple={doc.maxCount > 1}
                        aria-describedby={`${id}-hint`}
                        disabled={busy || have.length >= doc.maxCount}
                        onChange={(e) => {
                          // Copy first: clearing the input empties its live FileList.
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
            </section>
          <div className="actions">
            <button type="button" className="btn secondary" disabled={busy} onClick={() => void run(async () => {
              await saveDraft(data);
              setNotice(t('draftSaved'));
            })}>
              {t('saveDraft')}
            </button>
            <button type="submit" className="btn" disabled={busy}>
              {t('submit')}
            </button>
          </div>
        </ServiceForm>
      </section>
    </div>
  );
}
