/*
 * The public catalog and service pages arrive rendered by the server (ADR 0028) and work without
 * JavaScript. The app renders beside them, hidden, and takes their place once its own page has
 * its data (or failed), so the person never sees the page blank or a spinner over ready content.
 */

const SERVER = '[data-ssr]';
let handedOver = false;

/** The element the app renders into: #root, or, over server markup, a hidden sibling that takes its place later. */
export function appContainer(): HTMLElement {
  const root = document.getElementById('root')!;
  if (!root.hasAttribute('data-ssr')) {
    handedOver = true;
    return root;
  }
  const app = document.createElement('div');
  app.hidden = true;
  root.after(app);
  // A page that never calls pageReady still appears once it shows its heading; an app still loading
  // (a slow network) or that rendered nothing (a chunk that failed) leaves the server page, which works on its own.
  const check = window.setInterval(() => {
    if (handedOver) window.clearInterval(check);
    else if (app.querySelector('main h1')) pageReady();
  }, 4000);
  return app;
}

/** The app's page is ready: the server markup goes, the app shows (once; later calls do nothing). */
export function pageReady(): void {
  if (handedOver) return;
  handedOver = true;
  const server = document.querySelector<HTMLElement>(SERVER);
  const app = server?.nextElementSibling as HTMLElement | null | undefined;
  const focused = server?.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
  server?.remove();
  if (app) {
    app.id = 'root';
    app.hidden = false;
  }
  // Keep the person where they were (the search box they started typing in).
  if (focused?.id) document.getElementById(focused.id)?.focus({ preventScroll: true });
}

/** Whether the page was served rendered and the app has not taken over yet. */
export const serverRendered = (): boolean => !handedOver && document.querySelector(SERVER) !== null;

/** What the person has typed or chosen in a field of the server markup so far (carried over at the handover). */
export function serverValue(id: string): string | undefined {
  if (handedOver) return undefined;
  const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`${SERVER} #${CSS.escape(id)}`);
  return el ? el.value : undefined;
}
