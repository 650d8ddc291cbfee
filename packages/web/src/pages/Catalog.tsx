import { useEffect, useMemo, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, Maklumat, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { ServiceSummary } from '../types.js';
import { pageReady, serverValue } from '../ui/ssr.js';

const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function Catalog({ tenant }: { tenant: string }) {
  const { t, L } = useI18n();
  const params = new URLSearchParams(useSearch());
  const [q, setQ] = useState(params.get('q') ?? '');
  const [category, setCategory] = useState(params.get('category') ?? '');
  const [agency, setAgency] = useState(params.get('agency') ?? '');
  // The list needs names and summaries only (the standar pelayanan is on the service page).
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/service-summaries', { params: { path: { tenant } } })), [tenant]);
  const data = state.data;
  useEffect(() => {
    if (!data && !state.error) return;
    // Anything typed into the server-rendered form while the app loaded is kept.
    const typed = { q: serverValue('q'), category: serverValue('cat'), agency: serverValue('agency') };
    if (typed.q !== undefined) setQ(typed.q);
    if (typed.category !== undefined) setCategory(typed.category);
    if (typed.agency !== undefined) setAgency(typed.agency);
    pageReady();
  }, [data, state.error]);
  // The filters live in the address too (as the server-rendered GET form puts them): a reload or a shared link keeps them.
  useEffect(() => {
    const u = new URL(window.location.href);
    for (const [k, v] of [['q', q], ['category', category], ['agency', agency]] as const) if (v) u.searchParams.set(k, v);
    else u.searchParams.delete(k);
    if (u.href !== window.location.href) window.history.replaceState(window.history.state, '', u.href);
  }, [q, category, agency]);
  const agencies = useMemo(() => {
    const m = new Map<string, ServiceSummary['agency']>();
    for (const s of data?.items ?? []) m.set(s.agency.code, s.agency);
    return [...m.values()];
  }, [data]);
  const categories = useMemo(() => [...new Set((data?.items ?? []).map((s) => s.category))].sort(), [data]);
  const filtered = useMemo(() => {
    const words = norm(q).split(/\s+/).filter(Boolean);
    return (data?.items ?? []).filter((s) => {
      if (category && s.category !== category) return false;
      if (agency && s.agency.code !== agency) return false;
      const hay = norm([s.name.id, s.name.en, s.summary.id, s.summary.en, s.agency.name.id, s.agency.name.en, ...s.keywords].join(' '));
      return words.every((w) => hay.includes(w));
    });
  }, [data, q, category, agency]);
  return (
    <Async state={state}>
      {(d) => (
        <>
          <PageTitle sub={`${t('catalog')} · ${d.items.length} ${t('servicesFound')}`}>{d.tenant.name}</PageTitle>
          <Maklumat tenant={tenant} />
          <form className="filters" role="search" method="get" action={`/t/${tenant}`} onSubmit={(e) => e.preventDefault()}>
            <div className="field grow">
              <label htmlFor="q">{t('search')}</label>
              <input id="q" name="q" type="search" value={q} placeholder={t('searchHint')} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="cat">{t('category')}</label>
              <select id="cat" name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('allCategories')}</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="agency">{t('agency')}</label>
              <select id="agency" name="agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
                <option value="">{t('allAgencies')}</option>
                {agencies.map((a) => (
                  <option key={a.code} value={a.code}>
                    {L(a.name)}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p className="muted small" role="status" aria-live="polite">
            {filtered.length} {t('servicesFound')}
          </p>
          {filtered.length === 0 ? (
            <p>{t('noServices')}</p>
          ) : (
            <ul className="cards">
              {filtered.map((s) => (
                <li key={s.id} className="card service-card">
                  <h2 className="h3">
                    <Link href={`/t/${tenant}/layanan/${s.id}`}>{L(s.name)}</Link>
                  </h2>
                  <p className="muted small">
                    {L(s.agency.name)} · <span className="badge">{s.category}</span>
                  </p>
                  <p className="small">{L(s.summary)}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Async>
  );
}
