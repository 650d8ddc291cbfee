import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';

const TEXT = {
  offlineTitle: { id: 'Halaman ini perlu internet', en: 'This page needs the internet' },
  offlineBody: {
    id: 'Halaman ini belum pernah dibuka di perangkat ini, jadi belum tersimpan untuk dipakai luring. Sambungkan ke internet, lalu tekan “Coba lagi”.',
    en: 'This page has not been opened on this device before, so it is not kept for offline use. Connect to the internet, then press “Try again”.',
  },
  failedTitle: { id: 'Halaman ini tidak dapat dimuat', en: 'This page could not be loaded' },
  failedBody: {
    id: 'Mungkin koneksi terputus atau aplikasi baru saja diperbarui. Tekan “Coba lagi”; jika masih gagal, buka lagi dari Beranda.',
    en: 'The connection may have dropped or the app was just updated. Press “Try again”; if it still fails, start again from the home page.',
  },
  retry: { id: 'Coba lagi', en: 'Try again' },
};

function Fallback() {
  const { L } = useI18n();
  const offline = !navigator.onLine;
  return (
    <section className="card" role="alert">
      <h1>{L(offline ? TEXT.offlineTitle : TEXT.failedTitle)}</h1>
      <p>{L(offline ? TEXT.offlineBody : TEXT.failedBody)}</p>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        {L(TEXT.retry)}
      </button>
    </section>
  );
}

/**
 * Keeps the layout (menu, offline notice, session dialog) when a page cannot render, above all
 * when its code chunk cannot be fetched (offline, a page never opened on this device): a message
 * that says what to do instead of a blank screen. A new `resetKey` (the location) tries again;
 * otherwise pages stay mounted across navigation as before.
 */
export class RouteErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Shown to the person; nothing to send anywhere (no personal data leaves the page).
  }
  override componentDidUpdate(prev: { resetKey: string }): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }
  override render(): ReactNode {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
