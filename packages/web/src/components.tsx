import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { client, errorText, isStale, problems, unwrap } from './api.js';
import { membershipsOf, useAuth } from './auth.js';
import { useI18n } from './i18n.js';
import type { Application, Localized } from './types.js';
import { OfflineBanner } from './ui/OfflineBanner.js';
import { RouteErrorBoundary } from './ui/RouteErrorBoundary.js';
import { SessionTimeout } from './ui/SessionTimeout.js';

/** Loads data once per dependency change; `reload` fetches again; `set` takes a newer answer (e.g. a write's). */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload(): void; set(data: T): void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}

/** A page of a cursor-paged list as the API answers it (`next`: the following page's cursor, null on the last). */
export interface Page<I> {
  items: I[];
  next: string | null;
}

export interface Paged<P extends Page<unknown>> {
  /** The first page as answered (with whatever else it carries, e.g. the queue's counts). */
  first: P | undefined;
  /** Every item loaded so far. */
  items: P['items'][number][];
  /** The items once the first page is in (for `<Async state={list}>`). */
  data: P['items'][number][] | undefined;
  /** Whether there is a further page. */
  more: boolean;
  /** The first page's error (the list cannot be shown). */
  error: unknown;
  /** A further page's error (the items loaded stay; the button tries again). */
  moreError: unknown;
  loading: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A paged list shown a page at a time: the first page on load, the next one appended on
 * "Muat lebih banyak" (cheap on slow networks; nothing is cut: the button stays while there is more).
 */
export function usePaged<P extends Page<unknown>>(load: (cursor: string | undefined) => Promise<P>, deps: unknown[]): Paged<P> {
  const first = useAsync(() => load(undefined), deps);
  const [extra, setExtra] = useState<{ items: P['items'][number][]; next: string | null; error?: unknown; loading: boolean }>({ items: [], next: null, loading: false });
  useEffect(() => {
    setExtra({ items: [], next: first.data?.next ?? null, loading: false });
  }, [first.data]);
  const loadMore = () => {
    if (!extra.next || extra.loading) return;
    const cursor = extra.next;
    setExtra((e) => ({ ...e, loading: true, error: undefined }));
    load(cursor).then(
      (page) => setExtra((e) => ({ items: [...e.items, ...page.items], next: page.next, loading: false })),
      (error: unknown) => setExtra((e) => ({ ...e, error, loading: false })),
    );
  };
  const items = first.data ? [...first.data.items, ...extra.items] : [];
  return {
    first: first.data,
    items,
    data: first.data ? items : undefined,
    more: extra.next !== null,
    error: first.error,
    moreError: extra.error,
    loading: first.loading,
    loadingMore: extra.loading,
    loadMore,
    reload: first.reload,
  };
}

/** The "load more" button of a paged list (only while there is a further page). */
export function LoadMore({ list }: { list: Paged<Page<unknown>> }) {
  const { t } = useI18n();
  if (!list.more) return null;
  return (
    <div className="load-more">
      <ErrorBox error={list.moreError} />
      <button type="button" className="btn secondary small" disabled={list.loadingMore} onClick={list.loadMore}>
        {list.loadingMore ? t('loading') : t('loadMore')}
      </button>
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const { lang, t, L } = useI18n();
  if (!error) return null;
  const list = problems(error);
  return (
    <div className="alert error" role="alert">
      <strong>{t('error')}:</strong> {isStale(error) ? t('staleEdit') : errorText(error, lang)}
      {list.length > 0 && (
        <ul>
          {list.map((p, i) => (
            <li key={i}>
              <code>{p.pointer}</code> {L(p.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert ok" role="status" aria-live="polite">
      {children}
    </div>
  );
}

/** Shows loading/error states around async data. */
export function Async<T>({ state, children }: { state: { data: T | undefined; error: unknown; loading: boolean }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}

/** Timeline events that do not move the state (the SOP's own actions carry their names in `to`). */
const ACTION_LABELS: Record<string, Localized> = {
  claimed: { id: 'diambil petugas', en: 'claimed by an officer' },
  released: { id: 'dilepas petugas', en: 'released by the officer' },
  escalated: { id: 'dieskalasi (lewat batas waktu)', en: 'escalated (overdue)' },
  'document-added': { id: 'dokumen ditambahkan', en: 'document added' },
};

export function Timeline({ items }: { items: Application['timeline'] }) {
  const { L, fmtDate } = useI18n();
  return (
    <ol className="timeline">
      {items.map((e, i) => (
        <li key={i}>
          <div className="tl-state">
            {e.to ? L(e.to.name) : L(ACTION_LABELS[e.action]) || e.action}
            {e.to && e.from?.code === e.to.code && <span className="muted small"> · {ACTION_LABELS[e.action] ? L(ACTION_LABELS[e.action]) : e.action}</span>}
          </div>
          <div className="muted small">
            <time dateTime={e.at}>{fmtDate(e.at, true)}</time> · {e.actor.name ?? '–'} ({e.actor.role})
          </div>
          {e.comment && <blockquote>{e.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

/** A QR code for a URL, as an image with a text alternative and a download link. */
export function QrCode({ url, filename }: { url: string; filename: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    // The encoder is loaded with the first QR code shown, not with every page (~8 KB brotli).
    import('qrcode').then((QRCode) => QRCode.toDataURL(url, { margin: 2, width: 240, errorCorrectionLevel: 'M' })).then(setSrc, () => setSrc(undefined));
  }, [url]);
  if (!src) return null;
  return (
    <figure className="qr">
      <img src={src} width={160} height={160} alt={`${t('qrAlt')}: ${url}`} />
      <figcaption>
        <a href={src} download={filename}>
          {t('downloadQr')}
        </a>
      </figcaption>
    </figure>
  );
}

export interface Series {
  key: string;
  label: string;
  className: string;
}

/** A chart's legend and, behind a disclosure, the same numbers as a table (for screen readers and checking). */
function LegendAndTable({ rows, series, xLabel, cell }: { rows: { x: string; values: Record<string, number | null> }[]; series: Series[]; xLabel: string; cell: (v: number | null | undefined) => string }) {
  const { t } = useI18n();
  return (
    <>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.className}`} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.x}>
                <th scope="row">{r.x}</th>
                {series.map((s) => (
                  <td key={s.key}>{cell(r.values[s.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/**
 * A stacked bar chart as accessible SVG: a title and description for screen readers and the same
 * numbers as a table behind a disclosure.
 */
export function StackedBars({ title, rows, series, xLabel }: { title: string; rows: { x: string; values: Record<string, number> }[]; series: Series[]; xLabel: string }) {
  const { t, fmtNumber } = useI18n();
  const width = 640;
  const height = 200;
  const pad = { l: 40, r: 8, t: 10, b: 28 };
  const totals = rows.map((r) => series.reduce((s, se) => s + (r.values[se.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const bw = rows.length ? (width - pad.l - pad.r) / rows.length : 0;
  const y = (v: number) => pad.t + (height - pad.t - pad.b) * (1 - v / max);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{rows.map((r, i) => `${r.x}: ${totals[i]}`).join('; ')}</desc>
        {[...new Set([0, Math.round(max / 2), max])].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={width - pad.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.l - 4} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          let acc = 0;
          return (
            <g key={r.x}>
              {series.map((se) => {
                const v = r.values[se.key] ?? 0;
                const y0 = y(acc);
                acc += v;
                return <rect key={se.key} x={pad.l + i * bw + 2} width={Math.max(1, bw - 4)} y={y(acc)} height={Math.max(0, y0 - y(acc))} className={se.className} />;
              })}
              {(rows.length <= 14 || i % 2 === 0) && (
                <text x={pad.l + i * bw + bw / 2} y={height - 8} textAnchor="middle" className="axis">
                  {r.x.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <LegendAndTable rows={rows} series={series} xLabel={xLabel} cell={(v) => fmtNumber(v ?? 0)} />
    </figure>
  );
}

const VILLAGE_OPERATOR = { id: 'Operator desa', en: 'Village operator' };

export function Layout({ children }: { children: ReactNode }) {
  const { t, L, lang, setLang } = useI18n();
  const { user, me, login, logout } = useAuth();
  const [location] = useLocation();
  const tenantMatch = /^\/t\/([a-z0-9-]+)/.exec(location);
  const officer = membershipsOf(me, 'officer');
  const admins = membershipsOf(me, 'tenant-admin');
  const operators = membershipsOf(me, 'village-operator');
  const publishers = membershipsOf(me, 'agency-publisher');
  const national = me?.roles.some((r) => r === 'ministry-analyst' || r === 'platform-admin');
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location]);
  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <div className="bar">
          <Link href="/" className="brand">
            <span aria-hidden="true">◆</span> {t('appName')}
          </Link>
          <div className="bar-right">
            <button type="button" className="link" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} aria-label={t('languageLabel')} lang={lang === 'id' ? 'en' : 'id'}>
              {t('language')}
            </button>
            {user ? (
              <button type="button" className="link" onClick={() => void logout()}>
                {t('logout')} <span className="muted small">({me?.username ?? user.profile.preferred_username})</span>
              </button>
            ) : (
              <button type="button" className="btn small" onClick={() => void login()}>
                {t('login')}
              </button>
            )}
          </div>
        </div>
        <nav aria-label="Utama / Main">
          <ul>
            <li>
              <Link href="/">{t('home')}</Link>
            </li>
            {tenantMatch && (
              <>
                <li>
                  <Link href={`/t/${tenantMatch[1]}`}>{t('catalog')}</Link>
                </li>
                {user && me?.roles.includes('citizen') && (
                  <>
                    <li>
                      <Link href={`/t/${tenantMatch[1]}/permohonan`}>{t('myApplications')}</Link>
                    </li>
                    <li>
                      <Link href={`/t/${tenantMatch[1]}/pengaduan`}>{t('complaints')}</Link>
                    </li>
                    <li>
                      <Link href={`/t/${tenantMatch[1]}/pesan`}>{t('myMessages')}</Link>
                    </li>
                    <li>
                      <Link href={`/t/${tenantMatch[1]}/saluran`}>{t('messageChannels')}</Link>
                    </li>
                    <li>
                      <Link href={`/t/${tenantMatch[1]}/profil`}>{t('applicantProfile')}</Link>
                    </li>
                  </>
                )}
                <li>
                  <Link href={`/t/${tenantMatch[1]}/skm`}>{t('survey')}</Link>
                </li>
              </>
            )}
            {officer.length > 0 && (
              <li>
                <Link href="/petugas">{t('officerDesk')}</Link>
              </li>
            )}
            {operators.length > 0 && (
              <li>
                <Link href={`/operator/${operators[0]!.tenant}`}>{L(VILLAGE_OPERATOR)}</Link>
              </li>
            )}
            {admins.length > 0 && (
              <>
                <li>
                  <Link href={`/admin/${admins[0]!.tenant}`}>{t('admin')}</Link>
                </li>
                <li>
                  <Link href={`/admin/${admins[0]!.tenant}/notifikasi`}>{t('messageSenders')}</Link>
                </li>
              </>
            )}
            {publishers.length > 0 && (
              <li>
                <Link href="/penerbit">{t('publisher')}</Link>
              </li>
            )}
            {national && (
              <li>
                <Link href="/kementerian">{t('ministry')}</Link>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary resetKey={location}>{children}</RouteErrorBoundary>
      </main>
      <SessionTimeout />
      <footer className="foot muted small">
        Satupintu · Mal Pelayanan Publik (Perpres 89/2021) · <a href="/api/docs">API</a>
      </footer>
    </>
  );
}

/** Requires a signed-in user; offers the sign-in button otherwise. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { user, ready, login } = useAuth();
  const { t } = useI18n();
  if (!ready) return <Loading />;
  if (!user)
    return (
      <section className="card">
        <p>{t('needLogin')}</p>
        <button type="button" className="btn" onClick={() => void login()}>
          {t('login')}
        </button>
      </section>
    );
  return <>{children}</>;
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} · Satupintu`;
  }, [children]);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {sub && <p className="muted">{sub}</p>}
    </div>
  );
}

export const text = (l: Localized | undefined, lang: 'id' | 'en') => (l ? l[lang] : '');

/** Shares (0–1) per week as lines in accessible SVG, with the numbers as a table. */
export function ShareLines({ title, rows, series, xLabel }: { title: string; rows: { x: string; values: Record<string, number | null> }[]; series: Series[]; xLabel: string }) {
  const { t, fmtNumber } = useI18n();
  const width = 640;
  const height = 180;
  const pad = { l: 44, r: 24, t: 12, b: 28 };
  const step = rows.length > 1 ? (width - pad.l - pad.r) / (rows.length - 1) : 0;
  const x = (i: number) => pad.l + i * step;
  const y = (v: number) => pad.t + (height - pad.t - pad.b) * (1 - v);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`} className="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={width - pad.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.l - 4} y={y(v) + 4} textAnchor="end" className="axis">
              {v * 100}%
            </text>
          </g>
        ))}
        {series.map((se) => {
          const pts = rows.map((r, i) => [i, r.values[se.key]] as const).filter((p): p is readonly [number, number] => typeof p[1] === 'number');
          return (
            <g key={se.key} className={`line ${se.className}`}>
              <polyline points={pts.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')} fill="none" strokeWidth={2.5} />
              {pts.map(([i, v]) => (
                <circle key={i} cx={x(i)} cy={y(v)} r={se.key === series[0]?.key ? 3.5 : 5.5} />
              ))}
            </g>
          );
        })}
        {rows.map((r, i) =>
          rows.length <= 14 || i % 2 === 0 ? (
            <text key={r.x} x={x(i)} y={height - 8} textAnchor="middle" className="axis">
              {r.x.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      <LegendAndTable rows={rows} series={series} xLabel={xLabel} cell={(v) => fmtNumber(v, 'percent')} />
    </figure>
  );
}

/** The tenant's published maklumat pelayanan (service pledge), when there is one. */
export function Maklumat({ tenant }: { tenant: string }) {
  const { t, fmtDate } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/maklumat', { params: { path: { tenant } } })).catch(() => ({ maklumat: null })), [tenant]);
  const m = state.data?.maklumat;
  if (!m) return null;
  return (
    <section className="card maklumat" aria-labelledby="maklumat">
      <h2 id="maklumat" className="h3">
        {t('maklumat')}
      </h2>
      <blockquote lang="id">{m.text}</blockquote>
      <p className="muted small">
        {m.signedBy} · {fmtDate(m.signedOn)}
      </p>
    </section>
  );
}
