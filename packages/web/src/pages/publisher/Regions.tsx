import { useState } from 'react';
import { client, unwrap } from '../../api.js';
import { membershipsOf, useAuth } from '../../auth.js';
import { Async, PageTitle, RequireLogin, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';

const W = {
  title: { id: 'Wilayah', en: 'Regions' },
  intro: {
    id: 'Setiap kabupaten/kota yang memakai layanan instansi Anda, yang paling perlu bantuan lebih dulu. Hanya angka agregat, tanpa data pribadi.',
    en: 'Every regency running your agency’s services, the one needing help first. Aggregates only, no personal data.',
  },
  period: { id: 'Periode (triwulan 2026-Q4 atau bulan 2026-11)', en: 'Period (quarter 2026-Q4 or month 2026-11)' },
  show: { id: 'Tampilkan', en: 'Show' },
  tenant: { id: 'Kabupaten/kota', en: 'Regency' },
  version: { id: 'Versi', en: 'Version' },
  behind: { id: 'tertinggal', en: 'behind' },
  held: { id: 'ditahan', en: 'held' },
  sla: { id: 'Kepatuhan SLA', en: 'SLA compliance' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  complaints: { id: 'Pengaduan terbuka (terlambat)', en: 'Open complaints (overdue)' },
  ikm: { id: 'IKM (mutu)', en: 'IKM (grade)' },
  totals: { id: 'Jumlah', en: 'Totals' },
  asOf: { id: 'Per', en: 'As of' },
  none: { id: 'Belum ada kabupaten/kota yang memakai layanan ini.', en: 'No regency runs these services yet.' },
  distribution: { id: 'Sebaran versi', en: 'Version distribution' },
  latest: { id: 'terbaru', en: 'latest' },
  tenants: { id: 'kab/kota', en: 'regencies' },
  whoBehind: { id: 'Yang tertinggal', en: 'Behind' },
  heldUpgrades: { id: 'Pembaruan ditahan', en: 'Held upgrades' },
  policy: { id: 'Kebijakan pembaruan', en: 'Upgrade policy' },
  noAgency: { id: 'Akun ini bukan penerbit instansi.', en: 'This account is not an agency publisher.' },
} as const;

/** `/penerbit/wilayah`: the agency's view of every region, and each plugin's version distribution. */
export function Regions() {
  const { L } = useI18n();
  const { me } = useAuth();
  const agencies = [...new Set(membershipsOf(me, 'agency-publisher').map((m) => m.agency))];
  return (
    <RequireLogin>
      <PageTitle sub={agencies.join(', ')}>{L(W.title)}</PageTitle>
      <p className="muted">{L(W.intro)}</p>
      {me && agencies.length === 0 && <p>{L(W.noAgency)}</p>}
      {agencies.map((a) => (
        <AgencyRegions key={a} agency={a} />
      ))}
    </RequireLogin>
  );
}

function AgencyRegions({ agency }: { agency: string }) {
  const { L, fmtDate, fmtNumber } = useI18n();
  const [period, setPeriod] = useState('');
  const [shown, setShown] = useState<string | undefined>(undefined);
  const regions = useAsync(() => unwrap(client.GET('/api/v1/agencies/{agency}/regions', { params: { path: { agency }, query: shown ? { period: shown } : {} } })), [agency, shown]);
  const pct = (n: number | null) => fmtNumber(n, 'percent');
  return (
    <section aria-labelledby={`reg-${agency}`}>
      <h2 id={`reg-${agency}`}>{agency}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(period || undefined);
        }}
      >
        <label htmlFor={`period-${agency}`}>{L(W.period)}</label>
        <input id={`period-${agency}`} value={period} pattern="\d{4}-(Q[1-4]|0[1-9]|1[0-2])" placeholder="2026-Q4" onChange={(e) => setPeriod(e.target.value)} />{' '}
        <button type="submit" className="btn small">
          {L(W.show)}
        </button>
      </form>
      <Async state={regions}>
        {(r) => (
          <>
            <p className="muted small">
              {fmtDate(r.period.from)} – {fmtDate(r.period.to)} · {L(W.asOf)} {fmtDate(r.asOf, true)}
            </p>
            {r.tenants.length === 0 ? (
              <p>{L(W.none)}</p>
            ) : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={`${L(W.title)} ${agency}`}>
                <table>
                  <caption className="sr-only">{`${L(W.title)} ${agency}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{L(W.tenant)}</th>
                      <th scope="col">{L(W.version)}</th>
                      <th scope="col">{L(W.sla)}</th>
                      <th scope="col">{L(W.overdue)}</th>
                      <th scope="col">{L(W.complaints)}</th>
                      <th scope="col">{L(W.ikm)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.tenants.map((t) => (
                      <tr key={t.tenant}>
                        <th scope="row">
                          {t.name}
                          <div className="muted small">{t.province}</div>
                        </th>
                        <td>
                          {t.plugins.map((p) => (
                            <div key={p.plugin}>
                              <span className="mono">{r.plugins.length > 1 ? `${p.plugin} ` : ''}{p.version}</span>
                              {p.behind && <span className="badge badge-draft"> {L(W.behind)}</span>}
                              {p.heldVersion && <span className="muted small"> ({L(W.held)} {p.heldVersion})</span>}
                            </div>
                          ))}
                        </td>
                        <td className={t.slaCompliance !== null && t.slaCompliance < 0.9 ? 'warn-text' : ''}>{pct(t.slaCompliance)}</td>
                        <td className={t.overdue ? 'warn-text' : ''}>{fmtNumber(t.overdue)}</td>
                        <td>
                          {fmtNumber(t.complaints.open)} ({fmtNumber(t.complaints.overdue)})
                        </td>
                        <td>{t.skm.ikm === null ? '–' : `${fmtNumber(t.skm.ikm)} (${t.skm.category ?? '–'})`}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">
                        {L(W.totals)} ({fmtNumber(r.totals.tenants)})
                      </th>
                      <td />
                      <td>{pct(r.totals.slaCompliance)}</td>
                      <td>{fmtNumber(r.totals.overdue)}</td>
                      <td>
                        {fmtNumber(r.totals.complaints.open)} ({fmtNumber(r.totals.complaints.overdue)})
                      </td>
                      <td>{r.totals.skm.ikm === null ? '–' : `${fmtNumber(r.totals.skm.ikm)} (${r.totals.skm.category ?? '–'})`}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            {r.plugins.map((p) => (
              <Distribution key={p.plugin} plugin={p.plugin} />
            ))}
          </>
        )}
      </Async>
    </section>
  );
}

/** One plugin's versions in use: regencies per version, who is behind, held upgrades. */
function Distribution({ plugin }: { plugin: string }) {
  const { L, fmtNumber } = useI18n();
  const d = useAsync(() => unwrap(client.GET('/api/v1/plugins/{plugin}/distribution', { params: { path: { plugin } } })), [plugin]);
  return (
    <section className="card" aria-labelledby={`dist-${plugin}`}>
      <h3 id={`dist-${plugin}`}>
        {L(W.distribution)} <span className="mono">{plugin}</span>
      </h3>
      <Async state={d}>
        {(x) => {
          const behind = x.tenants.filter((t) => t.behind);
          const held = x.tenants.filter((t) => t.heldVersion);
          return (
            <>
              <ul>
                {x.versions.map((v) => (
                  <li key={v.version}>
                    <span className="mono">{v.version}</span>
                    {v.version === x.latest && <span className="badge badge-completed"> {L(W.latest)}</span>}
                    {v.behind && <span className="badge badge-draft"> {L(W.behind)}</span>}: {fmtNumber(v.tenants)} {L(W.tenants)}
                  </li>
                ))}
              </ul>
              <p className="small muted">
                {L(W.policy)}: manual {fmtNumber(x.totals.byPolicy.manual)} · patch {fmtNumber(x.totals.byPolicy.patch)} · minor {fmtNumber(x.totals.byPolicy.minor)}
              </p>
              {behind.length > 0 && (
                <p>
                  {L(W.whoBehind)} ({fmtNumber(behind.length)}): {behind.map((t) => `${t.name} ${t.version}`).join(', ')}
                </p>
              )}
              {held.length > 0 && (
                <p>
                  {L(W.heldUpgrades)} ({fmtNumber(held.length)}): {held.map((t) => `${t.name} → ${t.heldVersion}`).join(', ')}
                </p>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
