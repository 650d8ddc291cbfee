/**
 * Keycloak's brute-force detection (realm settings "Security defenses → Brute force detection"),
 * as the embedded issuer applies it to the login form and the password grant alike. The same
 * realm fields, defaults and arithmetic as Keycloak's `DefaultBruteForceProtector` (temporary
 * lockout; `permanentLockout` locks until the process restarts, the embedded issuer having no admin
 * console to unlock):
 *
 * - a failure more than `maxDeltaTimeSeconds` after the previous one starts the count again;
 * - after a failure the account waits `waitIncrementSeconds × ⌊failures / failureFactor⌋` seconds
 *   (at most `maxFailureWaitSeconds`): 30 failures → 60 s, 60 → 120 s, …;
 * - a failure less than `quickLoginCheckMilliSeconds` after the previous one waits at least
 *   `minimumQuickLoginWaitSeconds` (a script, not a person);
 * - while an account waits every sign-in is refused, the right password too, with the same answer
 *   as a wrong one (no hint that the account exists or is locked); such attempts are not counted;
 * - a successful sign-in clears the account's failures.
 *
 * Only accounts that exist are tracked (as in Keycloak), so the state is bounded by the realm's users.
 */
export interface BruteForcePolicy {
  /** `bruteForceProtected` */
  enabled: boolean;
  permanentLockout: boolean;
  failureFactor: number;
  waitIncrementSeconds: number;
  maxFailureWaitSeconds: number;
  minimumQuickLoginWaitSeconds: number;
  quickLoginCheckMilliSeconds: number;
  maxDeltaTimeSeconds: number;
}

/** Keycloak's defaults for a realm that turns brute-force detection on without further settings. */
export const KEYCLOAK_BRUTE_FORCE_DEFAULTS: Omit<BruteForcePolicy, 'enabled'> = {
  permanentLockout: false,
  failureFactor: 30,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  minimumQuickLoginWaitSeconds: 60,
  quickLoginCheckMilliSeconds: 1000,
  maxDeltaTimeSeconds: 43_200,
};

interface FailureRecord {
  failures: number;
  lastFailureMs: number;
  /** Refused until then (ms since the epoch); Infinity for a permanent lockout. */
  notBeforeMs: number;
}

export class LoginThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    readonly policy: BruteForcePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the account must not sign in, whatever the password. */
  locked(accountId: string): boolean {
    if (!this.policy.enabled) return false;
    const r = this.records.get(accountId);
    return r !== undefined && r.notBeforeMs > this.now();
  }

  /** Seconds until the account may try again (0 when it may now). */
  waitSeconds(accountId: string): number {
    const r = this.records.get(accountId);
    if (!this.policy.enabled || !r) return 0;
    return Math.max(0, Math.ceil((r.notBeforeMs - this.now()) / 1000));
  }

  /** A wrong password for an existing account (not counted while it is locked). */
  failure(accountId: string): void {
    const p = this.policy;
    if (!p.enabled || this.locked(accountId)) return;
    const now = this.now();
    const r = this.records.get(accountId) ?? { failures: 0, lastFailureMs: 0, notBeforeMs: 0 };
    const hadFailed = r.lastFailureMs > 0;
    const delta = hadFailed ? now - r.lastFailureMs : 0;
    r.lastFailureMs = now;
    if (delta > p.maxDeltaTimeSeconds * 1000) r.failures = 0;
    r.failures += 1;
    if (p.permanentLockout && r.failures >= p.failureFactor) {
      r.notBeforeMs = Number.POSITIVE_INFINITY;
    } else {
      let wait = p.failureFactor > 0 ? p.waitIncrementSeconds * Math.floor(r.failures / p.failureFactor) : 0;
      if (wait === 0 && hadFailed && delta < p.quickLoginCheckMilliSeconds) wait = p.minimumQuickLoginWaitSeconds;
      if (wait > 0) r.notBeforeMs = now + Math.min(p.maxFailureWaitSeconds, wait) * 1000;
    }
    this.records.set(accountId, r);
  }

  /** A successful sign-in: the account's failures are forgotten. */
  success(accountId: string): void {
    this.records.delete(accountId);
  }
}
