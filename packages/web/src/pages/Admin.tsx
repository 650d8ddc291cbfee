import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { client, everyItem, hasStatus, isStale, unwrap, unwrapWithEtag } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import { DayMonthYear } from '../ui/DayMonthYear.js';
import { OverlayForm } from './admin/OverlayForm.js';
import { Sandboxes } from './admin/Sandboxes.js';

export function Admin({ tenant }: { tenant: string }) {
  const { t, L, fmtDate, fmtNumber, status } = useI18n();
  const path = { tenant };
  const installs = useAsync(() => everyItem((cursor) => client.GET('/api/v1/tenants/{tenant}/installations', { params: { path, query: { limit: 200, cursor } } })), [tenant]);
  const plugins = useAsync(() => everyItem((cursor) => client.GET('/api/v1/plugins', { params: { query: { limit: 200, cursor } } })), []);
  // The public catalog may be cached for a minute; the admin sees their changes at once (revalidated).
  const catalog = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path }, cache: 'no-cache' })), [tenant]);
  // A tenant without an onboarding record (404) shows no checklist.
  const onboarding = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/onboarding', { params: { path } })).catch((e: unknown) => (hasStatus(e, 404) ? null : Promise.reject(e))),
    [tenant],
  );
  // A sandbox is marked on every admin view (ADR 0031). `sandbox` is read by name until the typed client is regenerated from the new document.
  const info = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}', { params: { path } })), [tenant]);
  const sandboxOf = (info.data as { sandbox?: { of: string } | null } | undefined)?.sandbox?.of;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [overlayService, setOverlayService] = useState('');
  const installed = useMemo(() => new Map((installs.data ?? []).map((i) => [i.plugin, i])), [installs.data]);

  /**
   * Pins a plugin version. Installing is create-only (If-None-Match: *): a plugin someone else
   * installed meanwhile is refused (412) and the list reloads. Changing the version names the
   * whole target state, so repeating it changes nothing (If-Match is optional there).
   */
  const pin = (plugin: string, version: string) => {
    setError(null);
    const header = installed.has(plugin) ? {} : { 'If-None-Match': '*' };
    unwrap(client.PUT('/api/v1/tenants/{tenant}/installations/{plugin}', { params: { path: { tenant, plugin }, header }, body: { version } })).then(
      (r) => {
        setNotice(`${plugin} ${version}: ${r.action}`);
        installs.reload();
        catalog.reload();
      },
      (e: unknown) => {
        setError(e);
        if (isStale(e)) installs.reload();
      },
    );
  };

  return (
    <RequireLogin>
      <PageTitle sub={catalog.data?.tenant.name ?? tenant}>{t('admin')}</PageTitle>
      {sandboxOf && (
        <div className="alert" role="note">
          <strong>{t('sandboxBanner')}</strong> {sandboxOf}
        </div>
      )}
      <nav aria-label={L({ id: 'Halaman admin', en: 'Admin pages' })}>
        <ul className="admin-nav">
          {[
            { to: 'koneksi', label: { id: 'Koneksi nasional (LAPOR!, OSS)', en: 'National connections (LAPOR!, OSS)' } },
            { to: 'impor', label: { id: 'Impor riwayat', en: 'Import history' } },
            { to: 'notifikasi', label: { id: 'Pengirim pesan', en: 'Message senders' } },
            { to: 'webhook', label: { id: 'Endpoint peristiwa (webhook)', en: 'Event endpoints (webhooks)' } },
          ].map((l) => (
            <li key={l.to}>
              <Link href={`/admin/${tenant}/${l.to}`}>{L(l.label)}</Link>
            </li>
          ))}
        </ul>
      </nav>
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
              <p>
                <Link href={`/admin/${tenant}/persiapan`} className="btn small">
                  {L({ id: 'Selesaikan persiapan MPP', en: 'Complete the MPP onboarding' })}
                </Link>
              </p>
            </section>
          ) : null
        }
      </Async>
      <MaklumatEditor tenant={tenant} onSaved={onboarding.reload} />
      <section aria-labelledby="inst">
        <h2 id="inst">{t('installations')}</h2>
        <Async state={plugins}>
          {(items) => (
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
        <p className="muted small">
          {L({
            id: 'Pilih layanan untuk mengatur gerai, jadwal sesi dan komponen standar pelayanan yang menjadi tugas daerah.',
            en: 'Choose a service to set its counter, session schedule and the parts of the standar pelayanan the regency provides.',
          })}
        </p>
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
                {chosen && installed.get(chosen.plugin) && (
                  <OverlayForm key={chosen.id} tenant={tenant} plugin={chosen.plugin} version={installed.get(chosen.plugin)!.version} service={chosen.code} onSaved={() => (installs.reload(), onboarding.reload())} />
                )}
              </div>
            );
          }}
        </Async>
      </section>
      {info.data && !sandboxOf && <Sandboxes tenant={tenant} />}
    </RequireLogin>
  );
}

/**
 * The regency's maklumat pelayanan: published with If-Match (the ETag read: `"0"` before the
 * first). The public answer may be cached for a minute; the editor revalidates it (`no-cache`), so
 * it quotes the current ETag, and after publishing its read refreshes the browser's cached copy.
 */
/** `template`: kaji tiru, the role model's text offered until the regency publishes its own. */
export function MaklumatEditor({ tenant, onSaved, template }: { tenant: string; onSaved(): void; template?: string | null }) {
  const { t } = useI18n();
  const current = useAsync(() => unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/maklumat', { params: { path: { tenant } }, cache: 'no-cache' })), [tenant]);
  const [form, setForm] = useState<{ text: string; signedBy: string; signedOn: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const m = current.data?.data.maklumat;
  const value = form ?? { text: m?.text ?? template ?? '', signedBy: m?.signedBy ?? '', signedOn: m?.signedOn ?? new Date().toISOString().slice(0, 10) };
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
          unwrapWithEtag(client.PUT('/api/v1/tenants/{tenant}/maklumat', { params: { path: { tenant }, header: { 'If-Match': current.data?.etag } }, body: value })).then(
            ({ data, etag }) => {
              setSaved(true);
              current.set({ data: { maklumat: data }, etag });
              current.reload();
              onSaved();
            },
            (e: unknown) => {
              setError(e);
              // Published by someone else meanwhile: read it again (its ETag); what was typed stays.
              if (isStale(e)) current.reload();
            },
          );
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
          <DayMonthYear id="mk-on" legend={t('signedOn')} value={value.signedOn} onChange={(v) => set('signedOn', v)} />
        </div>
        <button type="submit" className="btn small">
          {t('publishMaklumat')}
        </button>
      </form>
    </section>
  );
}
