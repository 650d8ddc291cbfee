import { Link } from 'wouter';
import { client, everyItem } from '../api.js';
import { Async, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';

export function Home() {
  const { t, status } = useI18n();
  // Every regency and city (at most 514: three pages of 200), to choose one's own from.
  const tenants = useAsync(() => everyItem((cursor) => client.GET('/api/v1/tenants', { params: { query: { limit: 200, cursor } } })), []);
  return (
    <>
      <PageTitle sub={t('tagline')}>{t('appName')}</PageTitle>
      <section aria-labelledby="regencies">
        <h2 id="regencies">{t('chooseRegency')}</h2>
        <Async state={tenants}>
          {(items) => (
            <ul className="cards">
              {[...items]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((tn) => (
                  <li key={tn.slug} className="card">
                    <h3>
                      <Link href={`/t/${tn.slug}`}>{tn.name}</Link>
                    </h3>
                    <p className="muted small">
                      {tn.provinceName} · {t('mppStatus')}: <span className={`badge badge-${tn.mppStatus}`}>{status(tn.mppStatus)}</span>
                    </p>
                  </li>
                ))}
            </ul>
          )}
        </Async>
      </section>
    </>
  );
}
