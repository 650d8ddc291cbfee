import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth.js';
import { useI18n } from '../i18n.js';
import './session.css';

/** Warn this long before the SSO session ends (GOV.UK's timeout pattern warns 2 minutes ahead). */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

const TEXT = {
  warnTitle: { id: 'Sesi Anda akan segera berakhir', en: 'Your session is about to end' },
  warnBody: {
    id: 'Demi keamanan, Anda akan keluar otomatis jika tidak ada kegiatan. Isian Anda tidak hilang.',
    en: 'For your security you will be signed out if nothing happens. What you typed is not lost.',
  },
  timeLeft: { id: 'Sisa waktu', en: 'Time left' },
  lessThan2: { id: 'kurang dari 2 menit', en: 'less than 2 minutes' },
  extend: { id: 'Lanjutkan sesi', en: 'Stay signed in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  extendFailed: {
    id: 'Sesi belum bisa diperpanjang karena tidak ada koneksi. Periksa internet Anda lalu tekan “Lanjutkan sesi” lagi.',
    en: 'The session could not be extended because there is no connection. Check your internet, then press “Stay signed in” again.',
  },
  endedTitle: { id: 'Sesi Anda telah berakhir', en: 'Your session has ended' },
  endedBody: {
    id: 'Demi keamanan, Anda sudah keluar. Isian di halaman ini masih ada dan draf yang tersimpan tidak hilang. Masuk lagi untuk menyimpan atau mengirim; Anda akan kembali ke halaman ini.',
    en: 'For your security you have been signed out. What is on this page is still here and saved drafts are kept. Sign in again to save or send; you will come back to this page.',
  },
  signInAgain: { id: 'Masuk lagi', en: 'Sign in again' },
  close: { id: 'Tutup', en: 'Close' },
};

/**
 * The session timeout dialog, mounted once in the layout: two minutes before the SSO session
 * ends (not the 5-minute access token, which is renewed silently) it asks whether to stay signed
 * in; once the session has ended it offers to sign in again and come back to the same page.
 * A modal <dialog> with role="alertdialog": focus moves to its first button, Tab stays inside,
 * Escape counts as "stay signed in" (or closes the ended notice), focus returns where it was.
 */
export function SessionTimeout() {
  const { user, session, login, logout } = useAuth();
  const { L, lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dismissedEnded, setDismissedEnded] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);

  const endsAt = session.endsAt;
  // A clock only while signed in with a known end: once a second near the end, else every 15 s.
  const near = endsAt !== undefined && endsAt - now <= WARN_BEFORE_MS + 15_000;
  useEffect(() => {
    if (!user || endsAt === undefined) return;
    const timer = window.setInterval(() => setNow(Date.now()), near ? 1000 : 15_000);
    return () => window.clearInterval(timer);
  }, [user, endsAt, near]);

  const left = endsAt === undefined ? Infinity : endsAt - now;
  const ended = Boolean(user) && (session.status === 'ended' || left <= 0);
  const warning = Boolean(user) && !ended && left <= WARN_BEFORE_MS;
  const open = warning || (ended && !dismissedEnded);

  // Closed to read the page: shown again when it ends anew or a save is refused for it.
  useEffect(() => {
    if (!ended) setDismissedEnded(false);
  }, [ended]);
  useEffect(() => setDismissedEnded(false), [session.refusals]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnFocus.current = document.activeElement;
      d.showModal();
      d.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (!open && d.open) {
      d.close();
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  }, [open]);

  const extend = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await session.extend();
    setBusy(false);
    setNow(Date.now());
    // Refused: the view turns to "ended"; no answer: say so and keep the dialog.
    if (!ok) setFailed(true);
  };

  const mins = Math.max(0, Math.floor(left / 60_000));
  const secs = Math.max(0, Math.floor((left % 60_000) / 1000));
  const countdown = lang === 'id' ? `${mins} menit ${secs} detik` : `${mins} min ${secs} s`;

  return (
    <dialog
      ref={ref}
      className="session-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="session-dialog-title"
      aria-describedby="session-dialog-body"
      onCancel={(e) => {
        e.preventDefault();
        if (ended) setDismissedEnded(true);
        else void extend();
      }}
    >
      {ended ? (
        <>
          <h2 id="session-dialog-title">{L(TEXT.endedTitle)}</h2>
          <p id="session-dialog-body">{L(TEXT.endedBody)}</p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void login(window.location.pathname + window.location.search)}>
              {L(TEXT.signInAgain)}
            </button>
            <button type="button" className="btn secondary" onClick={() => setDismissedEnded(true)}>
              {L(TEXT.close)}
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="session-dialog-title">{L(TEXT.warnTitle)}</h2>
          <div id="session-dialog-body">
            <p>{L(TEXT.warnBody)}</p>
            <p>
              {L(TEXT.timeLeft)}: <span className="sr-only">{L(TEXT.lessThan2)}</span>
              <strong aria-hidden="true" className="session-countdown">
                {countdown}
              </strong>
            </p>
          </div>
          {failed && (
            <p className="alert error" role="alert">
              {L(TEXT.extendFailed)}
            </p>
          )}
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void extend()}>
              {L(TEXT.extend)}
            </button>
            <button type="button" className="btn secondary" disabled={busy} onClick={() => void logout()}>
              {L(TEXT.signOut)}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
