import { useState } from 'react';
import { Link } from 'wouter';
import { client, everyItem, unwrap } from '../api.js';
import { membershipsOf, useAuth } from '../auth.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { ManifestStandard, ManifestTextComponent } from '../types.js';

/** A manifest read from a file: any JSON object (the API checks it in full, with JSON pointers to what is wrong). */
const isManifest = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an agency publisher sees: their plugins, versions and a per-service check of each version. */
export function Publisher() {
  const { t, L, lang, fmtDate } = useI18n();
  const { me } = useAuth();
  const agencies = membershipsOf(me, 'agency-publisher').map((m) => m.agency);
  const plugins = useAsync(() => everyItem((cursor) => client.GET('/api/v1/plugins', { params: { query: { limit: 200, cursor } } })), []);
  const [open, setOpen] = useState<{ plugin: string; version: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const publish = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotice(null);
    try {
      const body: unknown = JSON.parse(await file.text());
      if (!isManifest(body)) throw new Error(lang === 'id' ? 'Berkas bukan manifest JSON (sebuah objek).' : 'The file is not a JSON manifest (an object).');
      const r = await unwrap(client.POST('/api/v1/plugins', { body }));
      setNotice(`${t('published')}: ${r.pluginId} ${r.version} (${r.contentHash.slice(0, 19)}…)`);
      plugins.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <RequireLogin>
      <PageTitle sub={agencies.join(', ')}>{t('publisher')}</PageTitle>
      <p>
        <Link href="/penerbit/wilayah" className="btn">
          {lang === 'id' ? 'Wilayah: kinerja dan versi di setiap kabupaten/kota' : 'Regions: performance and versions in every regency'}
        </Link>
      </p>
      <ErrorBox error={error} />
      {notice && <Notice>{notice}</Notice>}
      <Async state={plugins}>
        {(items) => (
          <>
            {items
              .filter((p) => agencies.includes(p.agency.code))
              .map((p) => (
                <section key={p.id} className="card" aria-labelledby={`p-${p.id}`}>
                  <h2 id={`p-${p.id}`}>
                    {L(p.agency.name)} <span className="mono muted small">{p.id}</span>
                  </h2>
                  <p>
                    <Link href={`/penerbit/ubah/${p.id}`} className="btn">
                      {lang === 'id' ? 'Ubah formulir dan SOP' : 'Edit forms and SOP'}
                    </Link>
                  </p>
                  <h3>{t('versions')}</h3>
                  <div className="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('version')}</th>
                          <th scope="col">{t('publishedAt')}</th>
                          <th scope="col">{t('servicesCount')}</th>
                          <th scope="col">SHA-256</th>
                          <th scope="col">{t('lint')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.versions.map((v) => (
                          <tr key={v.version}>
                            <th scope="row">{v.version}</th>
                            <td>{fmtDate(v.publishedAt, true)}</td>
                            <td>{v.services}</td>
                            <td className="mono small">{v.contentHash.slice(7, 19)}…</td>
                            <td>
                              <button type="button" className="link" onClick={() => setOpen({ plugin: p.id, version: v.version })}>
                                {t('open')}
                              </button>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {open?.plugin === p.id && <VersionCheck plugin={open.plugin} version={open.version} />}
                </section>
              ))}
          </>
        )}
      </Async>
      <section className="card">
        <label htmlFor="manifest">{t('publish')}</label>
        <p className="muted small" id="manifest-hint">
          {lang === 'id' ? 'Untuk pengembang: unggah manifest JSON yang sudah dirakit. Tanpa JSON, gunakan “Ubah formulir dan SOP” di atas.' : 'For developers: upload an assembled JSON manifest. Without JSON, use “Edit forms and SOP” above.'}
        </p>
        <input id="manifest" aria-describedby="manifest-hint" type="file" accept="application/json,.json" onChange={(e) => void publish(e.target.files?.[0])} />
      </section>
    </RequireLogin>
  );
}

/** Management components of the standar pelayanan a service must state (or leave to the regency). */
const STANDARD_KEYS: (keyof ManifestStandard)[] = ['complaints', 'legalBasis', 'facilities', 'competency', 'supervision', 'staffing', 'serviceGuarantee', 'safetyGuarantee', 'performanceEvaluation'];

/** Whether a component is stated (some text), left to the regency, or missing. */
function componentState(c: ManifestTextComponent | undefined): 'stated' | 'tenant' | 'missing' {
  if (!c) return 'missing';
  if ('tenantProvided' in c && c.tenantProvided) return 'tenant';
  return 'text' in c && Array.isArray(c.text) && c.text.length > 0 ? 'stated' : 'missing';
}

/**
 * A per-service summary of one published version: which standar pelayanan components it states,
 * which it leaves to the regency (tenantProvided) and which it lacks. The full lint runs on the
 * server when a version is published; its errors appear above with their JSON pointers.
 */
function VersionCheck({ plugin, version }: { plugin: string; version: string }) {
  const { t, L, lang } = useI18n();
  const v = useAsync(() => unwrap(client.GET('/api/v1/plugins/{plugin}/versions/{version}', { params: { path: { plugin, version } } })), [plugin, version]);
  return (
    <Async state={v}>
      {({ manifest }) => (
        <div>
          <h3>
            {t('lint')} · {version}
          </h3>
          <ul>
            {manifest.services.map((s) => {
              const missing = STANDARD_KEYS.filter((k) => componentState(s.standard[k]) === 'missing');
              const tenant = STANDARD_KEYS.filter((k) => componentState(s.standard[k]) === 'tenant');
              return (
                <li key={s.code}>
                  <strong>{L(s.name)}</strong> <span className="mono small">{s.code}</span> —{' '}
                  {missing.length === 0 ? <span className="ok-text">{t('lintOk')}</span> : <span className="warn-text">{missing.join(', ')}</span>}
                  {tenant.length > 0 && (
                    <span className="muted small">
                      {' '}
                      · {lang === 'id' ? 'diisi kabupaten/kota' : 'filled by the regency'}: {tenant.join(', ')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Async>
  );
}
