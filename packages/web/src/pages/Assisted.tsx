import { useState } from 'react';
import { Link } from 'wouter';
import { client, errorText, unwrap } from '../api.js';
import { useAuth } from '../auth.js';
import { Async, Loading, PageTitle, RequireLogin, StatusBadge, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Application, ServiceSummary } from '../types.js';
import { DuplicateWarning } from '../ui/DuplicateWarning.js';
import { ApplicationEditor, type OnBehalf } from './Apply.js';
import { Recipients } from './Recipients.js';
import './Assisted.css';

const S = {
  person: { id: 'Data pemohon', en: 'The applicant' },
  personHint: { id: 'Isi sesuai KTP-el atau KK orang yang dibantu.', en: 'As on the ID card or family card of the person you help.' },
  nik: { id: 'NIK (16 angka)', en: 'NIK (national ID number, 16 digits)' },
  nikError: { id: 'Tulis NIK 16 angka, tanpa spasi.', en: 'Enter the 16-digit NIK, without spaces.' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  nameError: { id: 'Tulis nama lengkap pemohon.', en: 'Enter the applicant’s full name.' },
  phone: { id: 'Nomor HP (untuk kabar permohonan, boleh kosong)', en: 'Mobile number (for news about the application, optional)' },
  consent: { id: 'Persetujuan pemohon', en: 'The applicant’s consent' },
  consentHow: { id: 'Bagaimana pemohon menyatakan setuju?', en: 'How did the applicant agree?' },
  counterConsent: { id: 'Langsung di depan saya (lisan, di loket)', en: 'In person, in front of me (spoken, at the counter)' },
  paperConsent: { id: 'Menandatangani formulir kertas', en: 'Signed a paper form' },
  statement: { id: 'Pernyataan yang disetujui pemohon', en: 'The statement the applicant agreed to' },
  statementDefault: {
    id: 'Saya menyetujui petugas/operator mengajukan permohonan ini atas nama saya dan memakai data serta dokumen saya untuk permohonan ini.',
    en: 'I agree that the officer/operator files this application on my behalf and uses my data and documents for it.',
  },
  agreed: { id: 'Pemohon sudah membaca (atau dibacakan) pernyataan ini dan menyetujuinya', en: 'The applicant read (or was read) this statement and agrees' },
  agreedError: { id: 'Tanyakan persetujuan pemohon dulu, lalu centang kotak ini.', en: 'Ask the applicant for their consent first, then tick this box.' },
  recordedBy: { id: 'Dicatat oleh', en: 'Recorded by' },
  service: { id: 'Layanan', en: 'Service' },
  chooseService: { id: 'Pilih layanan', en: 'Choose a service' },
  serviceError: { id: 'Pilih layanan yang diminta pemohon.', en: 'Choose the service the applicant asks for.' },
  next: { id: 'Lanjut ke formulir', en: 'Continue to the form' },
  change: { id: 'Ubah data pemohon', en: 'Change the applicant' },
  find: { id: 'Cari dengan NIK', en: 'Find by NIK' },
  found: { id: 'Ditemukan dari permohonan sebelumnya: nama dan nomor HP sudah diisi. Periksa bersama pemohon.', en: 'Found in an earlier application: name and phone are filled in. Check them with the applicant.' },
  notFound: { id: 'Belum pernah diajukan oleh Anda. Isi nama dan nomor HP untuk mendaftarkannya.', en: 'Not filed by you before. Enter the name and phone to register them.' },
  earlier: { id: 'Permohonan sebelumnya', en: 'Earlier applications' },
  fixThese: { id: 'Periksa isian berikut', en: 'Check the following' },
  filedFor: { id: 'Diajukan untuk', en: 'Filed for' },
  done: { id: 'Permohonan terkirim', en: 'Application sent' },
  tracking: { id: 'Kode lacak', en: 'Tracking code' },
  trackingHint: { id: 'Berikan kode ini kepada pemohon: dengan kode ini ia bisa melacak permohonannya.', en: 'Give this code to the applicant: they can follow the application with it.' },
  receipt: { id: 'Cetak tanda terima (PDF)', en: 'Print the receipt (PDF)' },
  receiptMissing: { id: 'Tanda terima PDF belum tersedia di sini. Tuliskan kode lacak untuk pemohon, lalu coba lagi nanti.', en: 'The PDF receipt is not available here yet. Write down the tracking code for the applicant and try again later.' },
  queue: { id: 'Nomor antrean', en: 'Queue number' },
  takeQueue: { id: 'Ambil nomor antrean hari ini', en: 'Take today’s queue number' },
  queueHint: { id: 'Untuk pemohon yang akan dilayani di loket MPP hari ini.', en: 'For an applicant who will be served at the MPP counter today.' },
  yourNumber: { id: 'Nomor antrean', en: 'Queue number' },
  atCounter: { id: 'di loket', en: 'at counter' },
  ahead: { id: 'orang menunggu sebelumnya', en: 'people waiting before' },
  notSubmitted: { id: 'Nomor antrean diberikan setelah permohonan terkirim.', en: 'A queue number is given once the application is sent.' },
  another: { id: 'Ajukan untuk orang lain', en: 'File for someone else' },
  state: { id: 'Status', en: 'Status' },
};

type Consent = OnBehalf['consent'];

/** Where an earlier application stands, in plain words. */
export const STATUS: Record<string, { id: string; en: string }> = {
  draft: { id: 'draf, belum dikirim', en: 'draft, not sent' },
  submitted: { id: 'sedang diproses', en: 'being handled' },
  completed: { id: 'selesai', en: 'done' },
  rejected: { id: 'ditolak', en: 'refused' },
  withdrawn: { id: 'dibatalkan', en: 'withdrawn' },
};

/**
 * Assisted filing (a village operator) and counter filing (an officer): the person, their recorded
 * consent and the service first; then the service's own form and documents (ApplicationEditor),
 * as the citizen would fill them online.
 */
export function AssistedFiling({ tenant, services, doneHref, title }: { tenant: string; services: ServiceSummary[] | undefined; doneHref: (a: Application) => string; title: string }) {
  const { L, lang } = useI18n();
  const { me } = useAuth();
  const [person, setPerson] = useState({ nik: '', name: '', phone: '' });
  const [method, setMethod] = useState<Consent['method']>('verbal');
  const [statement, setStatement] = useState(L(S.statementDefault));
  const [agreed, setAgreed] = useState(false);
  const [serviceId, setServiceId] = useState('');
  const [ready, setReady] = useState(false);
  const [tried, setTried] = useState(false);
  const [lookup, setLookup] = useState<{ found: boolean; applications: { id: string; trackingCode: string; service: string; status: string }[] } | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const find = () => {
    setLookup(null);
    setLookupError(null);
    if (!/^\d{16}$/.test(person.nik)) {
      setTried(true);
      return;
    }
    unwrap(client.POST('/api/v1/tenants/{tenant}/applicant-lookup', { params: { path: { tenant } }, body: { nik: person.nik } })).then(
      (r) => {
        if (r.applicant) setPerson((p) => ({ ...p, name: r.applicant!.name, phone: r.applicant!.phone ?? p.phone }));
        setLookup({ found: r.applicant !== null, applications: r.applications });
      },
      (e: unknown) => setLookupError(errorText(e, lang)),
    );
  };
  const svc = useAsync(
    () => (ready && serviceId ? unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service: serviceId } } })) : Promise.resolve(undefined)),
    [tenant, serviceId, ready],
  );
  const errors: { field: string; text: string }[] = [];
  if (!/^\d{16}$/.test(person.nik)) errors.push({ field: 'p-nik', text: L(S.nikError) });
  if (person.name.trim().length < 2) errors.push({ field: 'p-name', text: L(S.nameError) });
  if (!agreed) errors.push({ field: 'c-agreed', text: L(S.agreedError) });
  if (!serviceId) errors.push({ field: 'p-service', text: L(S.serviceError) });
  const shown = tried ? errors : [];
  const err = (field: string) => shown.find((e) => e.field === field);
  const describe = (field: string, hint?: string) => [hint, err(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const onBehalf = (): OnBehalf => ({
    applicant: { nik: person.nik, name: person.name.trim(), ...(person.phone.trim() ? { phone: person.phone.trim() } : {}) },
    consent: { method, statement: statement.trim() },
  });

  if (ready) {
    const chosen = services?.find((s) => s.id === serviceId);
    return (
      <>
        <PageTitle sub={`${L(S.filedFor)}: ${person.name} · ${chosen ? L(chosen.name) : serviceId}`}>{title}</PageTitle>
        <p>
          <button type="button" className="link" onClick={() => setReady(false)}>
            ← {L(S.change)}
          </button>
        </p>
        <Async state={svc}>{(s) => (s ? <ApplicationEditor key={s.id} tenant={tenant} service={s} onBehalf={onBehalf} doneHref={doneHref} /> : <Loading />)}</Async>
      </>
    );
  }

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (errors.length) {
            window.setTimeout(() => document.getElementById('assist-errors')?.focus(), 0);
            return;
          }
          setReady(true);
        }}
      >
        {shown.length > 0 && (
          <div className="error-summary" role="alert" tabIndex={-1} id="assist-errors" aria-labelledby="assist-errors-h">
            <h2 id="assist-errors-h">{L(S.fixThese)}</h2>
            <ul>
              {shown.map((e) => (
                <li key={e.field}>
                  <a href={`#${e.field}`}>{e.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="card">
          <legend>{L(S.person)}</legend>
          <p className="muted small" id="p-hint">
            {L(S.personHint)}
          </p>
          <div className="field">
            <label htmlFor="p-nik">{L(S.nik)}</label>
            {err('p-nik') && (
              <span id="p-nik-error" className="warn-text small">
                {err('p-nik')!.text}
              </span>
            )}
            <input id="p-nik" inputMode="numeric" autoComplete="off" maxLength={16} value={person.nik} aria-invalid={Boolean(err('p-nik'))} aria-describedby={describe('p-nik', 'p-hint')} onChange={(e) => setPerson({ ...person, nik: e.target.value.replace(/\D/g, '') })} />
            <button type="button" className="btn secondary small" onClick={find}>
              {L(S.find)}
            </button>
          </div>
          <div role="status">
            {lookup && <p>{L(lookup.found ? S.found : S.notFound)}</p>}
            {lookup && lookup.applications.length > 0 && (
              <>
                <p className="muted small">{L(S.earlier)}:</p>
                <ul className="small">
                  {lookup.applications.map((a) => (
                    <li key={a.id}>
                      <span className="mono">{a.trackingCode}</span> · {services?.find((x) => x.id === a.service) ? L(services.find((x) => x.id === a.service)!.name) : a.service} · {L(STATUS[a.status] ?? S.state)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {lookupError && <p className="warn-text">{lookupError}</p>}
          </div>
          <div className="field">
            <label htmlFor="p-name">{L(S.name)}</label>
            {err('p-name') && (
              <span id="p-name-error" className="warn-text small">
                {err('p-name')!.text}
              </span>
            )}
            <input id="p-name" autoComplete="off" value={person.name} aria-invalid={Boolean(err('p-name'))} aria-describedby={describe('p-name')} onChange={(e) => setPerson({ ...person, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="p-phone">{L(S.phone)}</label>
            <input id="p-phone" type="tel" inputMode="tel" autoComplete="off" value={person.phone} onChange={(e) => setPerson({ ...person, phone: e.target.value })} />
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>{L(S.consent)}</legend>
          <fieldset className="radios">
            <legend>{L(S.consentHow)}</legend>
            {(
              [
                ['verbal', S.counterConsent],
                ['signed-form', S.paperConsent],
              ] as const
            ).map(([m, label]) => (
              <label key={m} className="radio">
                <input type="radio" name="c-method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {L(label)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="c-stmt">{L(S.statement)}</label>
            <textarea id="c-stmt" rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
          </div>
          {err('c-agreed') && (
            <span id="c-agreed-error" className="warn-text small">
              {err('c-agreed')!.text}
            </span>
          )}
          <label className="check">
            <input id="c-agreed" type="checkbox" checked={agreed} aria-describedby={describe('c-agreed')} onChange={(e) => setAgreed(e.target.checked)} /> {L(S.agreed)}
          </label>
          <p className="muted small">
            {L(S.recordedBy)}: {me?.username ?? '–'}
          </p>
        </fieldset>
        <div className="card">
          <div className="field">
            <label htmlFor="p-service">{L(S.service)}</label>
            {err('p-service') && (
              <span id="p-service-error" className="warn-text small">
                {err('p-service')!.text}
              </span>
            )}
            <select id="p-service" value={serviceId} aria-describedby={describe('p-service')} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">{L(S.chooseService)}</option>
              {(services ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {L(s.name)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            {L(S.next)}
          </button>
        </div>
      </form>
    </>
  );
}

/** The receipt PDF (GET …/receipt), opened with the caller's token; a plain message while it is not there. */
function ReceiptButton({ tenant, id }: { tenant: string; id: string }) {
  const { L, lang } = useI18n();
  const { user } = useAuth();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setProblem(null);
    const tab = window.open('', '_blank');
    try {
      const r = await fetch(`/api/v1/tenants/${encodeURIComponent(tenant)}/applications/${encodeURIComponent(id)}/receipt?lang=${lang}`, {
        headers: { accept: 'application/pdf', ...(user?.access_token ? { authorization: `Bearer ${user.access_token}` } : {}) },
      });
      if (!r.ok || !(r.headers.get('content-type') ?? '').includes('pdf')) throw new Error(String(r.status));
      const url = URL.createObjectURL(await r.blob());
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch {
      tab?.close();
      setProblem(L(S.receiptMissing));
    }
  };
  return (
    <>
      <button type="button" className="btn secondary" data-receipt={`/api/v1/tenants/${tenant}/applications/${id}/receipt`} onClick={() => void open()}>
        {L(S.receipt)}
      </button>
      {problem && (
        <p className="warn-text" role="status">
          {problem}
        </p>
      )}
    </>
  );
}

/** Today's walk-in queue number for the application (one a day: asking again shows the same). */
function QueueNumber({ tenant, application }: { tenant: string; application: Application }) {
  const { L, lang } = useI18n();
  const [ticket, setTicket] = useState<{ ticket: string; counter: string; counterName: string | null; waitingAhead: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (application.status !== 'submitted') return <p className="muted">{L(S.notSubmitted)}</p>;
  const take = () => {
    setBusy(true);
    setError(null);
    unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/queue-ticket', { params: { path: { tenant, id: application.id } } }))
      .then(setTicket, (e: unknown) => setError(errorText(e, lang)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="card" aria-labelledby="q-h">
      <h2 id="q-h">{L(S.queue)}</h2>
      {ticket ? (
        <p className="ticket" role="status">
          <span className="muted">{L(S.yourNumber)}</span>
          <strong className="ticket-number">{ticket.ticket}</strong>
          <span>
            {L(S.atCounter)} {ticket.counterName ?? ticket.counter} · {ticket.waitingAhead} {L(S.ahead)}
          </span>
        </p>
      ) : (
        <>
          <p className="muted small">{L(S.queueHint)}</p>
          <button type="button" className="btn" disabled={busy} onClick={take}>
            {L(S.takeQueue)}
          </button>
        </>
      )}
      {error && <p className="warn-text">{error}</p>}
    </section>
  );
}

/** After filing for someone: the tracking code, the receipt, a queue number and their phone for notices. */
export function AssistedDone({ tenant, id, again }: { tenant: string; id: string; again: string }) {
  const { L } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } })), [tenant, id]);
  return (
    <RequireLogin>
      <Async state={state}>
        {(a) => (
          <>
            <PageTitle sub={`${L(S.filedFor)}: ${a.applicant.name ?? '–'} · ${L(a.service.name)}`}>{L(S.done)}</PageTitle>
            <DuplicateWarning application={a} />
            <section className="card done-panel" aria-labelledby="d-h">
              <h2 id="d-h">{L(S.tracking)}</h2>
              <p className="tracking-code mono">{a.trackingCode}</p>
              <p className="muted small">{L(S.trackingHint)}</p>
              <p>
                {L(S.state)}: <StatusBadge status={a.status} label={L(a.state.name)} />
              </p>
              <ReceiptButton tenant={tenant} id={a.id} />
            </section>
            <QueueNumber tenant={tenant} application={a} />
            <Recipients tenant={tenant} application={a.id} />
            <p>
              <Link className="btn secondary" href={again}>
                {L(S.another)}
              </Link>
            </p>
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

