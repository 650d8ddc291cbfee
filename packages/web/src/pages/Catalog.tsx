import { useMemo, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, Maklumat, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { ServiceSummary } from '../types.js';

const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function Catalog({ tenant }: { tenant: string }) {
  const { t, L } = useI18n();
  const params = new URLSearchParams(useSearch());
  const [q, setQ] = useState(params.get('q') ?? '');
  const [category, setCategory] = useState('');
  const [agency, setAgency] = useState('');
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })), [tenant]);
  const data = state.data;
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
          <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div className="field grow">
              <label htmlFor="q">{t('search')}</label>
              <input id="q" type="search" value={q} placeholder={t('searchHint')} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="cat">{t('category')}</label>
              <select id="cat" value={category} onChange={(e) => setCategory(e.target.value)}>
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
              <select id="agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
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
