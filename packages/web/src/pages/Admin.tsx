import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, enc } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync, type MaklumatData } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Installation, Localized, PluginEntry, ServiceSummary } from '../types.js';

interface Onboarding {
  status: string;
  committedAt: string | null;
  deadline: string | null;
  daysToDeadline: number | null;
  progress: number;
  items: { key: string; done: boolean; label: Localized; detail?: string | null }[];
}

export function Admin({ tenant }: { tenant: string }) {
  const { t, L, fmtDate, fmtNumber, status } = useI18n();
  const base = `/api/v1/tenants/${enc(tenant)}`;
  const installs = useAsync(() => api<{ items: Installation[] }>(`${base}/installations`), [base]);
  const plugins = useAsync(() => api<{ items: PluginEntry[] }>('/api/v1/plugins'), []);
  const catalog = useAsync(() => api<{ items: ServiceSummary[]; tenant: { name: string } }>(`${base}/services`), [base]);
  // The onboarding API (issue 8) may not exist on this server yet: a 404 hides the section.
  const onboarding = useAsync(
    () => api<Onboarding>(`${base}/onboarding`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    [base],
  );
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [overlayService, setOverlayService] = useState('');
  const installed = useMemo(() => new Map((installs.data?.items ?? []).map((i) => [i.plugin, i])), [installs.data]);

  const pin = (plugin: string, version: string) => {
    setError(null);
    api<{ action?: string }>(`${base}/installations/${enc(plugin)}`, { method: 'PUT', body: { version } }).then((r) => {
      setNotice(`${plugin} ${version}: ${r.action ?? t('saved')}`);
      installs.reload();
      catalog.reload();
    }, setError);
  };

  return (
    <RequireLogin>
      <PageTitle sub={catalog.data?.tenant.name ?? tenant}>{t('admin')}</PageTitle>
      <ErrorBox error={error} />
      {notice && <Notice>{notice}</Notice>}
      <Async state={onboarding}>
        {(o) =>
          o ? (
            <section className="card" aria-labelledby="onb">
              <h2 id="onb">{t('onboarding')}</h2>
              <p>
                {t('mppStatus')}: <span className={`badge badge-${o.status}`}>{status(o.status)}</span> · {t('deadline')}: {fmtDate(o.deadline)}
                {o.daysToDeadline !== null && ` (${o.daysToDeadline} ${t('daysLeft')})`}
              </p>
              <progress max={1} value={o.progress} aria-label={t('onboarding')}>
                {fmtNumber(o.progress, 'percent')}
              </progress>{' '}
              {fmtNumber(o.progress, 'percent')}
              <ul className="checklist">
                {o.items.map((i) => (
                  <li key={i.key} className={i.done ? 'done' : ''}>
                    <span aria-hidden="true">{i.done ? '☑' : '☐'}</span> {L(i.label)} {i.detail && <span className="muted small">— {i.detail}</span>}
                    <span className="sr-only">{i.done ? '(selesai / done)' : '(belum / to do)'}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null
        }
      </Async>
      <MaklumatEditor tenant={tenant} onSaved={onboarding.reload} />
      <section aria-labelledby="inst">
        <h2 id="inst">{t('installations')}</h2>
        <Async state={plugins}>
          {({ items }) => (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('plugin')}</th>
                    <th scope="col">{t('agency')}</th>
                    <th scope="col">{t('version')}</th>
                    <th scope="col">{t('latest')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('upgrade')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => {
                    const i = installed.get(p.id);
                    const value = chosen[p.id] ?? i?.version ?? p.latest;
                    return (
                      <tr key={p.id}>
                        <th scope="row" className="mono">
                          {p.id}
                        </th>
                        <td>{L(p.agency.name)}</td>
                        <td>{i ? i.version : <span className="muted">{t('notInstalled')}</span>}</td>
                        <td>{p.latest}</td>
                        <td className="nowrap">
                          <label className="sr-only" htmlFor={`v-${p.id}`}>
                            {t('version')} {p.id}
                          </label>
                          <select id={`v-${p.id}`} value={value} onChange={(e) => setChosen({ ...chosen, [p.id]: e.target.value })}>
                            {p.versions.map((v) => (
                              <option key={v.version} value={v.version}>
                                {v.version}
                              </option>
                            ))}
                          </select>{' '}
                          <button type="button" className="btn small" disabled={i?.version === value} onClick={() => pin(p.id, value)}>
                            {i ? t('upgrade') : t('install')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      </section>
      <section aria-labelledby="ovl">
        <h2 id="ovl">{t('overlays')}</h2>
        <p className="muted small">{t('overlayHint')}</p>
        <Async state={catalog}>
          {({ items }) => {
            const installedServices = items.filter((s) => installed.has(s.plugin));
            const chosen = installedServices.find((s) => s.id === overlayService);
            return (
              <div className="overlays card">
                <div className="field">
                  <label htmlFor="ov-service">{t('service')}</label>
                  <select id="ov-service" value={overlayService} onChange={(e) => setOverlayService(e.target.value)}>
                    <option value="">–</option>
                    {installedServices.map((s) => (
                      <option key={s.id} value={s.id}>
                        {L(s.name)} ({s.id})
                      </option>
                    ))}
                  </select>
                </div>
                {chosen && <OverlayEditor key={chosen.id} tenant={tenant} service={chosen} current={installed.get(chosen.plugin)?.overlays[chosen.code]} onSaved={installs.reload} />}
              </div>
            );
          }}
        </Async>
      </section>
    </RequireLogin>
  );
}

function MaklumatEditor({ tenant, onSaved }: { tenant: string; onSaved(): void }) {
  const { t } = useI18n();
  const path = `/api/v1/tenants/${enc(tenant)}/maklumat`;
  const current = useAsync(() => api<{ maklumat: MaklumatData | null }>(path), [path]);
  const [form, setForm] = useState<{ text: string; signedBy: string; signedOn: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const m = current.data?.maklumat;
  const value = form ?? { text: m?.text ?? '', signedBy: m?.signedBy ?? '', signedOn: m?.signedOn ?? new Date().toISOString().slice(0, 10) };
  const set = (k: keyof typeof value, v: string) => setForm({ ...value, [k]: v });
  return (
    <section className="card" aria-labelledby="mk">
      <h2 id="mk">{t('maklumat')}</h2>
      <ErrorBox error={error} />
      {saved && <Notice>{t('saved')}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          setSaved(false);
          api(path, { method: 'PUT', body: value }).then(() => {
            setSaved(true);
            current.reload();
            onSaved();
          }, setError);
        }}
      >
        <div className="field">
          <label htmlFor="mk-text">{t('maklumatText')}</label>
          <textarea id="mk-text" rows={4} required maxLength={5000} value={value.text} onChange={(e) => set('text', e.target.value)} />
        </div>
        <div className="grid2">
          <div className="field">
            <label htmlFor="mk-by">{t('signedBy')}</label>
            <input id="mk-by" required maxLength={200} value={value.signedBy} onChange={(e) => set('signedBy', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="mk-on">{t('signedOn')}</label>
            <input id="mk-on" type="date" required value={value.signedOn} onChange={(e) => set('signedOn', e.target.value)} />
          </div>
        </div>
        <button type="submit" className="btn small">
          {t('publishMaklumat')}
        </button>
      </form>
    </section>
  );
}

function OverlayEditor({ tenant, service, current, onSaved }: { tenant: string; service: ServiceSummary; current: unknown; onSaved(): void }) {
  const { t, L } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(current ?? {}, null, 2));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(JSON.stringify(current ?? {}, null, 2)), [current]);
  const id = `ov-${service.id}`;
  return (
    <div>
      <ErrorBox error={error} />
      {saved && <Notice>{t('saved')}</Notice>}
      <label htmlFor={id}>{t('overlays')}</label>
      <textarea id={id} className="mono" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        className="btn small"
        onClick={() => {
          setError(null);
          setSaved(false);
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch (e) {
            setError(e);
            return;
          }
          api(`/api/v1/tenants/${enc(tenant)}/installations/${enc(service.plugin)}/overlays/${enc(service.code)}`, { method: 'PUT', body }).then(() => {
            setSaved(true);
            onSaved();
          }, setError);
        }}
      >
        {t('save')}
      </button>
    </div>
  );
}
