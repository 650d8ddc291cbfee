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

/** Where the SSO session's end (epoch ms) is kept, so a reload still warns in time. */
const ENDS_AT_KEY = 'satupintu.session.endsAt';
/** Renew an access token this many seconds before it expires. */
const RENEW_AHEAD_S = 60;
/** From this long before the SSO session ends, activity alone no longer renews (the dialog shows 2 minutes before). */
const QUIET_BEFORE_END_MS = 3 * 60 * 1000;

/**
 * Authorization code + PKCE (S256) through oidc-client-ts; tokens live in sessionStorage.
 * Renewal is ours, not the library's automatic timer: with the refresh token, before the access
 * token expires, but only while the person uses the page (or the page calls the API), so the SSO
 * session's idle timeout still ends a session left alone on a shared computer (ADR 0029).
 */
export function createUserManager(cfg: WebConfig): UserManager {
  const origin = window.location.origin;
  watchTokenResponses();
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
 * Keycloak's token response says when the refresh token, and so the SSO session for this app,
 * ends (`refresh_expires_in`; the embedded issuer says it too). oidc-client-ts drops the field, so
 * the answers of the token endpoint are read here as they pass.
 */
function watchTokenResponses(): void {
  const w = window as Window & { __satupintuTokenWatch?: boolean };
  if (w.__satupintuTokenWatch) return;
  w.__satupintuTokenWatch = true;
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (res.ok && url.endsWith('/protocol/openid-connect/token')) {
      try {
        const body = (await res.clone().json()) as { refresh_expires_in?: unknown };
        if (typeof body.refresh_expires_in === 'number' && body.refresh_expires_in > 0) sessionEnds.set(Date.now() + body.refresh_expires_in * 1000);
        else sessionEnds.set(undefined);
      } catch {
        // Not JSON: nothing to learn.
      }
    }
    return res;
  };
}

/** When the SSO session ends if nothing renews it (epoch ms), as the last token response said. */
const sessionEnds = {
  get(): number | undefined {
    const v = Number(window.sessionStorage.getItem(ENDS_AT_KEY));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  },
  set(at: number | undefined) {
    if (at === undefined) window.sessionStorage.removeItem(ENDS_AT_KEY);
    else window.sessionStorage.setItem(ENDS_AT_KEY, String(at));
    for (const l of endsListeners) l();
  },
};
const endsListeners = new Set<() => void>();

/** The session as the page sees it: signed in, or ended at the issuer (the page and what was typed stay). */
export type SessionStatus = 'active' | 'ended';

/**
 * Renews tokens with the refresh token, one renewal at a time. `ended` once the issuer refuses
 * (the SSO session is over); a network failure is not an ending, the next call tries again.
 */
class SessionKeeper {
  status: SessionStatus = 'active';
  private renewing: Promise<User | null> | undefined;
  private lastActivity = Date.now();
  private lastRenewal = Date.now();
  private listeners = new Set<() => void>();
  constructor(private manager: UserManager) {}

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  /** How many times the issuer has refused a renewal (the ended notice shows again on each). */
  refusals = 0;
  private setStatus(s: SessionStatus) {
    if (s === 'ended') this.refusals += 1;
    else if (this.status === s) return;
    this.status = s;
    for (const l of this.listeners) l();
  }

  /** A new access token now; null when the session has ended. Throws on a network failure. */
  renew(): Promise<User | null> {
    this.renewing ??= (async () => {
      const u = await this.manager.getUser();
      if (!u?.refresh_token) {
        this.setStatus('ended');
        return null;
      }
      try {
        const fresh = await this.manager.signinSilent();
        this.lastRenewal = Date.now();
        this.setStatus('active');
        return fresh;
      } catch (e) {
        // The issuer answered (invalid_grant: session over, token revoked): ended. No answer: offline.
        if (isIssuerRefusal(e)) {
          this.setStatus('ended');
          return null;
        }
        throw e;
      }
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** The access token for an API call, renewed first when it is about to expire. */
  async token(): Promise<string | undefined> {
    const u = await this.manager.getUser();
    if (!u) return undefined;
    if (this.status === 'active' && (u.expires_in ?? 0) < 30) {
      const fresh = await this.renew().catch(() => u);
      return (fresh ?? u).access_token;
    }
    return u.access_token;
  }

  activity(): void {
    this.lastActivity = Date.now();
  }

  /** Called every few seconds: renews ahead of expiry while the person has used the page since the last renewal. */
  async tick(): Promise<void> {
    if (this.status !== 'active' || this.lastActivity <= this.lastRenewal) return;
    // Near the end the timeout dialog asks; only the person's answer extends the session then.
    const ends = sessionEnds.get();
    if (ends !== undefined && ends - Date.now() <= QUIET_BEFORE_END_MS) return;
    const u = await this.manager.getUser();
    if (u?.refresh_token && (u.expires_in ?? 0) < RENEW_AHEAD_S) await this.renew().catch(() => {});
  }
}

function isIssuerRefusal(e: unknown): boolean {
  // oidc-client-ts raises ErrorResponse (with `error`, e.g. invalid_grant) when the token endpoint answers an OAuth error.
  return typeof e === 'object' && e !== null && 'error' in e && typeof (e as { error: unknown }).error === 'string';
}

let keeper: SessionKeeper | undefined;

/**
 * Connects the API client to the user manager. Called before the first render: child components
 * fetch in their effects, which React runs before their parents'. A 401 to a call that carried a
 * token is retried once with a renewed token; when the session has truly ended the page stays as
 * it is and the session dialog offers to sign in again (SessionTimeout.tsx).
 */
export function connectApi(manager: UserManager): void {
  const k = (keeper = new SessionKeeper(manager));
  const pending = new Map<string, Request>();
  configureApi(
    () => k.token(),
    () => {
      // The retry below was refused too: the session is over (the dialog says so; nothing is dropped).
      void k.renew().catch(() => {});
    },
  );
  client.use({
    onRequest({ request, id }) {
      // Kept to send again after a renewal (the body of the one sent is spent).
      if (request.headers.has('Authorization')) pending.set(id, request.clone());
      return undefined;
    },
    async onResponse({ response, id, options }) {
      const copy = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !copy) return undefined;
      const fresh = await k.renew().catch(() => null);
      if (!fresh) return undefined;
      copy.headers.set('Authorization', `Bearer ${fresh.access_token}`);
      // window.fetch refuses a `this` other than the window (options is not).
      return options.fetch.call(globalThis, copy);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  });
}

interface AuthState {
  user: User | null;
  me: Me | null;
  ready: boolean;
  /** The SSO session: when it ends if not renewed (epoch ms, when the issuer says), and whether it has. */
  session: { endsAt: number | undefined; status: SessionStatus; refusals: number; extend(): Promise<boolean> };
  login(returnTo?: string): Promise<void>;
  logout(): Promise<void>;
  completeLogin(): Promise<string>;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  const [endsAt, setEndsAt] = useState<number | undefined>(() => sessionEnds.get());
  const [status, setStatus] = useState<{ status: SessionStatus; refusals: number }>({ status: 'active', refusals: 0 });

  useEffect(() => {
    const onEnds = () => setEndsAt(sessionEnds.get());
    endsListeners.add(onEnds);
    const unsubscribe = keeper?.subscribe(() => setStatus({ status: keeper?.status ?? 'active', refusals: keeper?.refusals ?? 0 }));
    const onUser = (u: User) => setUser(u);
    manager.events.addUserLoaded(onUser);
    return () => {
      endsListeners.delete(onEnds);
      unsubscribe?.();
      manager.events.removeUserLoaded(onUser);
    };
  }, [manager]);

  // Typing, tapping and wheeling are use: tokens are renewed ahead of expiry while they happen.
  useEffect(() => {
    if (!user) return;
    const onActivity = () => keeper?.activity();
    // Not 'scroll': focusing or resizing scrolls too; a touch scroll starts with pointerdown.
    const events = ['keydown', 'pointerdown', 'input', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => void keeper?.tick(), 15_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [user]);

  const state = useMemo<AuthState>(() => {
    const login = async (returnTo?: string) => {
      await manager.signinRedirect({ state: returnTo ?? window.location.pathname + window.location.search });
    };
    return {
      user,
      me,
      ready,
      session: {
        endsAt,
        status: status.status,
        refusals: status.refusals,
        extend: async () => {
          const fresh = await keeper?.renew().catch(() => null);
          return Boolean(fresh);
        },
      },
      login,
      logout: async () => {
        const u = await manager.getUser();
        await manager.removeUser();
        sessionEnds.set(undefined);
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
  }, [manager, user, me, ready, endsAt, status]);

  useEffect(() => {
    void manager.getUser().then(async (u) => {
      // Back after the access token expired (a reload, a tab left open): renew rather than sign out.
      if (u?.expired && u.refresh_token && (sessionEnds.get() ?? Infinity) > Date.now()) u = (await keeper?.renew().catch(() => null)) ?? null;
      setUser(u && !u.expired ? u : null);
      setReady(true);
    });
  }, [manager]);

  // Who is signed in, once per person (not again on every token renewal).
  const sub = user?.profile.sub;
  useEffect(() => {
    if (!sub) return;
    unwrap(client.GET('/api/v1/me')).then(setMe, () => setMe(null));
  }, [sub]);

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
