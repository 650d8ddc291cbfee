import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App.js';
import { AuthProvider, connectApi, createUserManager, type WebConfig } from './auth.js';
import { I18nProvider } from './i18n.js';
import { registerServiceWorker } from './ui/serviceWorker.js';
import { appContainer, serverRendered } from './ui/ssr.js';
import './styles.css';

// The platform serves /config.json: the realm to sign in at (embedded issuer or KEYCLOAK_URL).
async function boot() {
  const root = createRoot(appContainer());
  let cfg: WebConfig;
  try {
    const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`config.json: ${res.status}`);
    cfg = (await res.json()) as WebConfig;
  } catch {
    cfg = { authority: `${window.location.origin}/realms/mpp`, clientId: 'satupintu-web' };
  }
  const manager = createUserManager(cfg);
  connectApi(manager);
  const app = (
    <StrictMode>
      <I18nProvider>
        <AuthProvider manager={manager}>
          <Router>
            <App />
          </Router>
        </AuthProvider>
      </I18nProvider>
    </StrictMode>
  );
  // Over server-rendered content the first render may yield to the browser (time-sliced): the page
  // is already readable and stays responsive while the app builds beside it.
  if (serverRendered()) startTransition(() => root.render(app));
  else root.render(app);
}

void boot();
registerServiceWorker();
