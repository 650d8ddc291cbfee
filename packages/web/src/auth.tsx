import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { client, configureApi, unwrap } from './api.js';
import type { Me, Membership } from './types.js';

export interface WebConfig {
  /** OIDC issuer: the embedded issuer at `${origin}/realms/mpp`, or a Keycloak realm (KEYCLOAK_URL). */
  authority: string;
  clientId: string;
}

export const CALLBACK_PATH = '/auth/callback';

/** Authorization code + PKCE (S256) through oidc-client-ts; tokens live in sessionStorage. */
export function createUserManager(cfg: WebConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: cfg.authority,
    client_id: cfg.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

/**
 * Connects the API client to the user manager. Called before the first render: child components
 * fetch in their effects, which React runs before their parents'.
 */
export function connectApi(manager: UserManager): void {
  configureApi(
    async () => {
      const u = await manager.getUser();
      if (!u) return undefined;
      // Access tokens are short-lived (5 minutes); the SSO session signs in again without a prompt.
      if (u.expired) {
        await manager.removeUser();
        await manager.signinRedirect({ state: window.location.pathname + window.location.search });
        return undefined;
      }
      return u.access_token;
    },
    () => {
      void manager.removeUser().then(() => manager.signinRedirect({ state: window.location.pathname + window.location.search }));
    },
  );
}

interface AuthState {
  user: User | null;
  me: Me | null;
  ready: boolean;
  login(returnTo?: string): Promise<void>;
  logout(): Promise<void>;
  completeLogin(): Promise<string>;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  const state = useMemo<AuthState>(() => {
    const login = async (returnTo?: string) => {
      await manager.signinRedirect({ state: returnTo ?? window.location.pathname + window.location.search });
    };
    return {
      user,
      me,
      ready,
      login,
      logout: async () => {
        const u = await manager.getUser();
        await manager.removeUser();
        setUser(null);
        setMe(null);
        await manager.signoutRedirect({ id_token_hint: u?.id_token }).catch(() => window.location.assign('/'));
      },
      completeLogin: async () => {
        const u = await manager.signinRedirectCallback();
        setUser(u);
        return typeof u.state === 'string' && u.state.startsWith('/') ? u.state : '/';
      },
    };
  }, [manager, user, me, ready]);

  useEffect(() => {
    void manager.getUser().then((u) => {
      setUser(u && !u.expired ? u : null);
      setReady(true);
    });
  }, [manager]);

  useEffect(() => {
    if (!user) return;
    unwrap(client.GET('/api/v1/me')).then(setMe, () => setMe(null));
  }, [user]);

  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('AuthProvider missing');
  return v;
}

/** Memberships of one role, e.g. the officer's (tenant, agency) pairs. */
export function membershipsOf<R extends Membership['role']>(me: Me | null, role: R): (Membership & { role: R })[] {
  return (me?.memberships ?? []).filter((m): m is Membership & { role: R } => m.role === role);
}
