/**
 * Registers the service worker (public/sw.js: the app shell and hashed files for offline use;
 * never the API) once the page has loaded, so it does not compete with the first render on a slow
 * network. Not in `vite dev`, where files are not hashed and a cached shell would only confuse.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
