import { useState } from 'react';
import { Link } from 'wouter';
import { client, keyed, RetryKey, unwrap, unwrapWithEtag } from '../../api.js';
import { Async, ErrorBox, Notice, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';

const W = {
  title: { id: 'Sandbox (latihan dengan jam uji)', en: 'Sandboxes (rehearse on a test clock)' },
  intro: {
    id: 'Salinan kabupaten/kota untuk melatih petugas atau mencoba satu periode tanpa menyentuh layanan sungguhan. Jamnya bisa dimajukan; tidak ada pesan atau panggilan ke sistem sungguhan.',
    en: 'A copy of the regency to train officers or rehearse a period without touching the real service. Its clock can be moved forward; nothing goes to real people or systems.',
  },
  none: { id: 'Belum ada sandbox.', en: 'No sandboxes yet.' },
  create: { id: 'Buat sandbox', en: 'Create a sandbox' },
  created: { id: 'Sandbox dibuat', en: 'Sandbox created' },
  clock: { id: 'Jam sandbox', en: 'Sandbox clock' },
  day: { id: 'Majukan 1 hari', en: 'Advance 1 day' },
  week: { id: 'Majukan 1 minggu', en: 'Advance 1 week' },
  moved: { id: 'Jam dimajukan; tugas terjadwal dijalankan', en: 'Clock moved; scheduled jobs run' },
  open: { id: 'Buka admin sandbox', en: 'Open the sandbox admin' },
} as const;

/** On the regency admin page: the tenant's sandboxes, create one, each with its clock to advance. */
export function Sandboxes({ tenant }: { tenant: string }) {
  const { L } = useI18n();
  const list = useAsync(async () => (await unwrap(client.GET('/api/v1/tenants/{tenant}/sandboxes', { params: { path: { tenant } } }))).items, [tenant]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [retry] = useState(() => new RetryKey());
  const create = () => {
    setError(null);
    setNotice(null);
    keyed(retry, { tenant }, (key) => unwrap(client.POST('/api/v1/tenants/{tenant}/sandboxes', { params: { path: { tenant }, header: { 'Idempotency-Key': key } }, body: {} }))).then((r) => {
      setNotice(`${L(W.created)}: ${r.slug}`);
      list.reload();
    }, setError);
  };
  return (
    <section className="card" aria-labelledby="sandboxes">
      <h2 id="sandboxes">{L(W.title)}</h2>
      <p className="muted small">{L(W.intro)}</p>
      <ErrorBox error={error} />
      {notice && <Notice>{notice}</Notice>}
      <Async state={list}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{L(W.none)}</p>
          ) : (
            <ul className="cards">
              {items.map((s) => (
                <li key={s.slug} className="card">
                  <p>
                    <strong>{s.name}</strong> <span className="mono small">{s.slug}</span>
                  </p>
                  <SandboxClock sandbox={s.slug} />
                  <p>
                    <Link href={`/admin/${s.slug}`} className="btn small">
                      {L(W.open)}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <button type="button" className="btn small" onClick={create}>
        {L(W.create)}
      </button>
    </section>
  );
}

/** A sandbox's clock with "advance 1 day / 1 week": the advance quotes the clock's ETag (If-Match), so a retry never moves it twice. */
function SandboxClock({ sandbox }: { sandbox: string }) {
  const { L, fmtDate } = useI18n();
  const clock = useAsync(() => unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/clock', { params: { path: { tenant: sandbox } } })), [sandbox]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [moved, setMoved] = useState(false);
  const advance = (days: number) => {
    const etag = clock.data?.etag;
    if (!etag) return;
    setError(null);
    setMoved(false);
    setBusy(true);
    unwrap(client.POST('/api/v1/tenants/{tenant}/clock/advance', { params: { path: { tenant: sandbox }, header: { 'If-Match': etag } }, body: { days } }))
      .then(
        () => setMoved(true),
        (e: unknown) => setError(e),
      )
      .finally(() => {
        setBusy(false);
        clock.reload();
      });
  };
  return (
    <div aria-live="polite">
      <Async state={clock}>
        {(c) => (
          <p>
            {L(W.clock)}: <strong>{fmtDate(c.data.now, true)}</strong>
          </p>
        )}
      </Async>
      <ErrorBox error={error} />
      {moved && <p className="small ok-text">{L(W.moved)}</p>}
      <button type="button" className="btn small" disabled={busy || !clock.data} onClick={() => advance(1)}>
        {L(W.day)}
      </button>{' '}
      <button type="button" className="btn small" disabled={busy || !clock.data} onClick={() => advance(7)}>
        {L(W.week)}
      </button>
    </div>
  );
}
