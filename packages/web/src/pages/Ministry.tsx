import { useMemo, useState } from 'react';
import { client, hasStatus, unwrap } from '../api.js';
import { Async, ErrorBox, PageTitle, RequireLogin, ShareLines, StackedBars, useAsync } from '../components.js';
import { useI18n, type DictKey } from '../i18n.js';
import type { CockpitTenant, Localized } from '../types.js';

type SortKey = 'name' | 'provinceName' | 'mppStatus' | 'daysToDeadline' | 'applications' | 'onlineShare' | 'slaCompliance' | 'overdue';

const ALERT_KINDS: Record<string, Localized> = {
  'no-online-uptake': { id: 'Belum ada permohonan daring', en: 'No online uptake' },
  'deadline-passed': { id: 'Tenggat terlewati', en: 'Deadline passed' },
  'deadline-near': { id: 'Tenggat dekat', en: 'Deadline near' },
  'sla-below-threshold': { id: 'SLA di bawah ambang', en: 'SLA below threshold' },
};

const notThere = (e: unknown) => (hasStatus(e, 404) ? null : Promise.reject(e));

export function Ministry() {
  const { t, L, fmtDate, fmtNumber, status } = useI18n();
  // The cockpit API (issue 8) is built alongside this page: a 404 shows a plain notice.
  const cockpit = useAsync(() => unwrap(client.GET('/api/v1/national/cockpit')).catch(notThere), []);
  const weekly = useAsync(() => unwrap(client.GET('/api/v1/national/weekly', { params: { query: { weeks: 12 } } })).catch(notThere), []);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [error, setError] = useState<unknown>(null);
  const rows = useMemo(() => {
    const value = (x: CockpitTenant): string | number => {
      if (sort.key === 'applications') return x.applications.total;
      const v = x[sort.key];
      return v === null || v === undefined ? -Infinity : v;
    };
    return [...(cockpit.data?.tenants ?? [])].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      return (typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb)) * sort.dir;
    });
  }, [cockpit.data, sort]);
  const header = (key: SortKey, label: DictKey | string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}>
        {label in DICT_KEYS ? t(label as DictKey) : label} <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
  const exportCsv = async () => {
    try {
      const blob = await unwrap(client.GET('/api/v1/national/tenants.csv', { parseAs: 'blob' }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `satupintu-tenants-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <RequireLogin>
      <PageTitle sub={cockpit.data ? `${t('asOf')} ${fmtDate(cockpit.data.asOf, true)}` : undefined}>{t('ministry')}</PageTitle>
      <ErrorBox error={error} />
      <Async state={cockpit}>
        {(c) =>
          !c ? (
            <p className="alert">{t('notAvailable')}</p>
          ) : (
            <>
              <ul className="stats" aria-label={t('total')}>
                <li>
                  <strong data-testid="total-applications">{fmtNumber(c.totals.applications.total)}</strong> {t('applications')}
                </li>
                <li>
                  <strong>{fmtNumber(c.totals.tenants)}</strong> {t('tenants')}
                </li>
                <li>
                  <strong>{fmtNumber(c.totals.onlineShare, 'percent')}</strong> {t('onlineShare')}
                </li>
                <li>
                  <strong>{fmtNumber(c.totals.slaCompliance, 'percent')}</strong> {t('sla')}
                </li>
                <li className={c.totals.overdue ? 'warn' : ''}>
                  <strong>{fmtNumber(c.totals.overdue)}</strong> {t('overdue')}
                </li>
              </ul>
              <p className="small muted">
                {t('mppStatus')}: {Object.entries(c.totals.byStatus).map(([k, v]) => `${status(k)} ${v}`).join(' · ')}
              </p>
              <Async state={weekly}>
                {(w) =>
                  w ? (
                    <div className="charts">
                    <StackedBars
                      title={t('weekly')}
                      xLabel={t('week')}
                      series={[
                        { key: 'online', label: t('online'), className: 's-online' },
                        { key: 'assisted', label: t('assisted'), className: 's-assisted' },
                        { key: 'counter', label: t('counterChannel'), className: 's-counter' },
                      ]}
                      rows={w.items.map((i) => ({ x: i.weekStart, values: { online: i.online, assisted: i.assisted, counter: i.counter } }))}
                    />
                    <ShareLines
                      title={`${t('onlineShare')} · ${t('sla')}`}
                      xLabel={t('week')}
                      series={[
                        { key: 'online', label: t('onlineShare'), className: 's-online' },
                        { key: 'sla', label: t('sla'), className: 's-sla' },
                      ]}
                      rows={w.items.map((i) => ({ x: i.weekStart, values: { online: i.onlineShare, sla: i.slaCompliance } }))}
                    />
                    </div>
                  ) : null
                }
              </Async>
              <section aria-labelledby="alerts">
                <h2 id="alerts">{t('alerts')}</h2>
                {c.alerts.length === 0 ? (
                  <p className="muted">{t('noAlerts')}</p>
                ) : (
                  <ul className="alerts">
                    {c.alerts.map((a, i) => (
                      <li key={i} className={`alert-item kind-${a.kind}`}>
                        <span className={`badge kind-${a.kind}`}>{ALERT_KINDS[a.kind] ? L(ALERT_KINDS[a.kind]) : a.kind}</span> {L(a.message)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="tn">
                <div className="row-between">
                  <h2 id="tn">{t('tenants')}</h2>
                  <button type="button" className="btn secondary small" onClick={() => void exportCsv()}>
                    {t('exportCsv')}
                  </button>
                </div>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        {header('name', 'tenants')}
                        {header('provinceName', 'Provinsi')}
                        {header('mppStatus', 'mppStatus')}
                        {header('daysToDeadline', 'deadline')}
                        {header('applications', 'applications')}
                        {header('onlineShare', 'onlineShare')}
                        {header('slaCompliance', 'sla')}
                        {header('overdue', 'overdue')}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.slug}>
                          <th scope="row">{r.name}</th>
                          <td>{r.provinceName}</td>
                          <td>
                            <span className={`badge badge-${r.mppStatus}`}>{status(r.mppStatus)}</span>
                          </td>
                          <td>
                            {fmtDate(r.deadline)}
                            {r.daysToDeadline !== null && <span className="muted small"> ({r.daysToDeadline})</span>}
                          </td>
                          <td data-tenant={r.slug}>{fmtNumber(r.applications.total)}</td>
                          <td>{fmtNumber(r.onlineShare, 'percent')}</td>
                          <td>{fmtNumber(r.slaCompliance, 'percent')}</td>
                          <td>{fmtNumber(r.overdue)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )
        }
      </Async>
    </RequireLogin>
  );
}

const DICT_KEYS: Record<string, true> = { tenants: true, mppStatus: true, deadline: true, applications: true, onlineShare: true, sla: true, overdue: true };
