import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.js';
import './session.css';

const TEXT = {
  offline: {
    id: 'Anda sedang luring (tidak ada internet). Halaman yang sudah dibuka tetap bisa dibaca; menyimpan dan mengirim menunggu sampai koneksi kembali.',
    en: 'You are offline (no internet). Pages already open can still be read; saving and sending wait until the connection is back.',
  },
};

/** Whether the browser says it is online, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** A notice at the top of every page while the device is offline (announced politely once). */
export function OfflineBanner() {
  const online = useOnline();
  const { L } = useI18n();
  return (
    // A live region (no role: pages look up their own role="status" notices) present from the start, so the change is announced.
    <div className="offline-slot" aria-live="polite">
      {!online && <p className="offline-banner">{L(TEXT.offline)}</p>}
    </div>
  );
}
