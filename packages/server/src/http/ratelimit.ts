import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, ipKeyGenerator, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import { defineProblem, type SatupintuConfig } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';

/** Path parameter of tenant-scoped routes; routes without one share the platform bucket `-`. */
const tenantOf = (req: Request): string | undefined => (typeof req.params.tenant === 'string' ? req.params.tenant : undefined);

/** The verified subject (the route's guard; on a public route a verified bearer token), else undefined. */
const subjectOf = (res: Response): string | undefined => res.locals.identity?.subject ?? res.locals.budgetSubject;

/** The verified subject, else the client address (req.ip: the peer, or what a configured proxy says). */
const clientOf = (req: Request, res: Response): string => {
  const subject = subjectOf(res);
  return subject ? `sub:${subject}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
};

/**
 * Budgets as GCRA (the generic cell rate algorithm, a leaky bucket kept as one timestamp per key):
 * a key may spend `limit` requests per window, replenished continuously, one every window/limit.
 * After a quiet spell a caller may burst up to its whole budget; under a sustained flood its
 * admitted requests come evenly spaced instead of the whole budget at the start of each fixed
 * window (which hit the shared pools in bursts). Refused requests cost nothing.
 *
 * express-rate-limit's own MemoryStore is not used: it returns its live counter, read only after an
 * `await`, so in a burst every request saw the burst's final count and all of it was refused,
 * including what fits the budget. This store answers a snapshot per request.
 */
export class GcraStore implements PeekableStore {
  private windowMs = 60_000;
  private limit = 100;
  private interval = 600;
  /** Theoretical arrival time per key: when its bucket is empty again (ms). */
  private readonly tat = new Map<string, number>();
  private sweeper?: NodeJS.Timeout;
  readonly localKeys = true;

  init(options: Options): void {
    if (typeof options.limit !== 'number' || options.limit < 1) throw new Error('GcraStore needs a fixed numeric limit');
    this.windowMs = options.windowMs;
    this.limit = options.limit;
    this.interval = options.windowMs / options.limit;
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [k, t] of this.tat) if (t <= now) this.tat.delete(k);
    }, Math.max(this.windowMs, 1_000));
    this.sweeper.unref();
  }

  /** What `increment` would answer now, and the key's new arrival time if the request conforms. */
  private decide(key: string, now: number): { answer: IncrementResponse; next?: number } {
    const next = Math.max(this.tat.get(key) ?? now, now) + this.interval;
    const over = next - now - this.windowMs;
    // Over the budget: the count reads limit + 1; the reset is when the next request would conform.
    if (over > 1e-6) return { answer: { totalHits: this.limit + 1, resetTime: new Date(now + Math.ceil(over)) } };
    return { answer: { totalHits: Math.ceil((next - now) / this.interval - 1e-9), resetTime: new Date(Math.ceil(next)) }, next };
  }

  increment(key: string): IncrementResponse {
    const { answer, next } = this.decide(key, Date.now());
    if (next !== undefined) this.tat.set(key, next);
    return answer;
  }

  /** The answer `increment` would give, recording nothing (for the gate in front of the guard). */
  peek(key: string): IncrementResponse {
    return this.decide(key, Date.now()).answer;
  }

  get(key: string): IncrementResponse | undefined {
    const now = Date.now();
    const t = this.tat.get(key);
    return t !== undefined && t > now ? { totalHits: Math.ceil((t - now) / this.interval - 1e-9), resetTime: new Date(Math.ceil(t)) } : undefined;
  }

  decrement(key: string): void {
    const t = this.tat.get(key);
    if (t !== undefined) this.tat.set(key, Math.max(Date.now(), t - this.interval));
  }

  resetKey(key: string): void {
    this.tat.delete(key);
  }

  shutdown(): void {
    clearInterval(this.sweeper);
  }
}

/** A store whose answer for a key can be read without counting (the gate in front of the guard). */
export interface PeekableStore extends Store {
  init(options: Options): void;
  peek(key: string): IncrementResponse;
  shutdown(): void;
}

/**
 * Reads another store without counting: `increment` answers what the counted store would answer
 * for this request, and records nothing. It lets a limiter in front of authentication refuse a
 * tenant whose budget is already spent, while only verified callers spend budgets.
 */
export class PeekStore implements Store {
  readonly localKeys = true;
  constructor(private readonly counted: PeekableStore) {}
  init(): void {}
  increment(key: string): IncrementResponse {
    return this.counted.peek(key);
  }
  get(key: string): Promise<IncrementResponse | undefined> | IncrementResponse | undefined {
    return this.counted.get?.(key);
  }
  decrement(): void {}
  resetKey(): void {}
}

/**
 * Where budgets shared by every API process are kept (PostgresBudgets in ../shared-state.ts): one
 * atomic step of GCRA over a key, taking up to `want` requests at once.
 */
export interface BudgetBackend {
  /**
   * Takes up to `want` requests from the key's budget (`limit` per `windowMs`, one every
   * `intervalMs`): how many were granted (0 when the budget is spent) and how far the key's
   * theoretical arrival time now lies ahead of now (ms).
   */
  take(key: string, intervalMs: number, windowMs: number, want: number): Promise<{ granted: number; aheadMs: number }>;
}

interface Lease {
  /** Requests this process may still admit without asking the shared store. */
  tokens: number;
  /** When the lease was granted (local ms) and the key's arrival time ahead of that moment. */
  leasedAt: number;
  aheadMs: number;
  /** The shared budget is spent until then (local ms): refused here without asking. */
  spentUntil: number;
  /** Requests asked for at the next refill: doubles while leases go fast, halves when slow. */
  size: number;
  refill?: Promise<void>;
  waiting: number;
}

/**
 * GCRA budgets shared across processes (docs/adr/0022-shared-rate-limits.md). The shared state is
 * one row per key (the theoretical arrival time) in PostgreSQL; each process leases requests
 * from it in batches and admits from its lease without a round trip. A lease grows while it is
 * spent quickly (up to `leaseFraction` of the budget) and lives at most `leaseTtlMs`, so no
 * process sits on old budget; once the shared budget says "spent", this process refuses the key
 * locally until the next request would conform, without asking again. Every admitted request was
 * taken from the shared budget, so N processes together never admit more than the budget; what
 * they may admit less is at most the leases still unspent (≤ N × leaseFraction of it).
 * If the shared store fails, budgets fall back to this process's own GcraStore (logged once per
 * outage) rather than refusing or failing requests; the store is asked again after `retryMs`.
 */
export class SharedGcraStore implements PeekableStore {
  readonly localKeys = false;
  private windowMs = 60_000;
  private limit = 100;
  private interval = 600;
  private maxLease = 1;
  private readonly leases = new Map<string, Lease>();
  private readonly fallback = new GcraStore();
  private downUntil = 0;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly backend: BudgetBackend,
    private readonly opts: { leaseFraction?: number; leaseTtlMs?: number; retryMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  init(options: Options): void {
    if (typeof options.limit !== 'number' || options.limit < 1) throw new Error('SharedGcraStore needs a fixed numeric limit');
    this.windowMs = options.windowMs;
    this.limit = options.limit;
    this.interval = options.windowMs / options.limit;
    this.maxLease = Math.max(1, Math.floor(options.limit * (this.opts.leaseFraction ?? 0.02)));
    this.fallback.init(options);
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [k, l] of this.leases) if (!l.refill && l.waiting === 0 && l.spentUntil <= now && (l.tokens === 0 || now - l.leasedAt > this.ttl)) this.leases.delete(k);
    }, Math.max(this.windowMs, 1_000));
    this.sweeper.unref();
  }

  private get ttl(): number {
    return this.opts.leaseTtlMs ?? 1_000;
  }

  /** The shared row's key: the policy (a differently configured limiter counts apart) and the key, a caller's digested. */
  private rowKey(key: string): string {
    const k = key.startsWith('c:') ? `c:${createHash('sha256').update(key).digest('base64url').slice(0, 22)}` : key;
    return `${this.limit}/${this.windowMs}:${k}`;
  }

  private lease(key: string): Lease {
    let l = this.leases.get(key);
    if (!l) this.leases.set(key, (l = { tokens: 0, leasedAt: 0, aheadMs: 0, spentUntil: 0, size: 1, waiting: 0 }));
    return l;
  }

  private admitted(l: Lease, now: number): IncrementResponse {
    l.tokens--;
    // The shared arrival time as of now, less what this process still holds: the budget used.
    const ahead = Math.max(0, l.aheadMs - (now - l.leasedAt));
    const hits = Math.min(this.limit, Math.max(1, Math.ceil(ahead / this.interval - l.tokens - 1e-9)));
    return { totalHits: hits, resetTime: new Date(now + Math.ceil(ahead)) };
  }

  private refused(l: Lease): IncrementResponse {
    return { totalHits: this.limit + 1, resetTime: new Date(Math.ceil(l.spentUntil)) };
  }

  private refillOf(key: string, l: Lease): Promise<void> {
    return (l.refill ??= (async () => {
      const started = Date.now();
      // A lease spent within its lifetime asks for twice as much next time; one that went slowly, for half.
      if (l.leasedAt) l.size = started - l.leasedAt < this.ttl / 2 && l.tokens <= 0 ? Math.min(this.maxLease, l.size * 2) : Math.max(1, Math.floor(l.size / 2));
      const want = Math.min(this.limit, Math.max(l.size, l.waiting));
      try {
        const { granted, aheadMs } = await this.backend.take(this.rowKey(key), this.interval, this.windowMs, want);
        const now = Date.now();
        l.tokens = granted;
        l.leasedAt = now;
        l.aheadMs = aheadMs;
        // Spent: the next request conforms when the arrival time is one interval short of a window ahead.
        l.spentUntil = granted > 0 ? 0 : now + Math.max(1, aheadMs + this.interval - this.windowMs);
      } finally {
        l.refill = undefined;
      }
    })());
  }

  async increment(key: string): Promise<IncrementResponse> {
    if (Date.now() < this.downUntil) return this.fallback.increment(key);
    const l = this.lease(key);
    l.waiting++;
    try {
      for (;;) {
        const now = Date.now();
        if (l.tokens > 0 && now - l.leasedAt > this.ttl) l.tokens = 0;
        if (l.tokens > 0) return this.admitted(l, now);
        if (l.spentUntil > now) return this.refused(l);
        await this.refillOf(key, l);
      }
    } catch (err) {
      const retry = this.opts.retryMs ?? 5_000;
      if (Date.now() >= this.downUntil) this.opts.onError?.(err);
      this.downUntil = Date.now() + retry;
      return this.fallback.increment(key);
    } finally {
      l.waiting--;
    }
  }

  /** What this process knows without asking: over only when the shared budget said spent. */
  peek(key: string): IncrementResponse {
    const l = this.leases.get(key);
    const now = Date.now();
    if (now < this.downUntil) return this.fallback.peek(key);
    if (l && l.tokens <= 0 && l.spentUntil > now) return this.refused(l);
    return { totalHits: 0, resetTime: new Date(now + this.windowMs) };
  }

  /** What this process knows: spent (from the shared store's last answer), else nothing. */
  get(key: string): IncrementResponse | undefined {
    const l = this.leases.get(key);
    return l && l.tokens <= 0 && l.spentUntil > Date.now() ? this.refused(l) : undefined;
  }

  /** A request given back returns to this process's lease. */
  decrement(key: string): void {
    const l = this.leases.get(key);
    if (l) l.tokens++;
  }

  resetKey(key: string): void {
    this.leases.delete(key);
    this.fallback.resetKey(key);
  }

  shutdown(): void {
    clearInterval(this.sweeper);
    this.fallback.shutdown();
  }
}

/** How tenantRateLimits keeps budgets: in this process (default) or shared through a backend. */
export interface RateLimitStoreOptions {
  /** Shared budgets (RATE_LIMIT_STORE=postgres); without it each process counts alone. */
  backend?: BudgetBackend;
  /** Tells that the shared store failed (budgets then count in this process until it answers). */
  onBackendError?: (err: unknown) => void;
  /** Largest lease, as a fraction of the budget (default 0.02). */
  leaseFraction?: number;
}

export const rateLimited = defineProblem(
  {
    code: 'RATE_LIMITED',
    status: 429,
    title: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
    description: { id: 'Anggaran permintaan tenant atau pemanggil habis; ulangi setelah Retry-After detik.', en: 'The tenant’s or the caller’s request budget is spent; retry after Retry-After seconds.' },
  },
  (scope: RateLimitScope, windowSeconds: number) => {
    const who =
      scope === 'tenant'
        ? { id: 'pengguna yang masuk di tenant ini', en: 'signed-in users of this tenant' }
        : scope === 'anonymous'
          ? { id: 'permintaan tanpa masuk (anonim) ke tenant ini', en: 'requests without sign-in (anonymous) to this tenant' }
          : { id: 'Anda di tenant ini', en: 'you in this tenant' };
    return {
      detail: {
        id: `Batas permintaan untuk ${who.id} per ${windowSeconds} detik tercapai; coba lagi setelah waktu di Retry-After.`,
        en: `The request budget for ${who.en} per ${windowSeconds} seconds is spent; retry after the Retry-After delay.`,
      },
      extensions: { scope },
    };
  },
);

const tooMany = rateLimited;

/**
 * Which budget was spent (`scope` of RATE_LIMITED): `tenant` — the tenant's budget for verified
 * callers; `anonymous` — the tenant's separate budget for requests without a verified caller
 * (its public routes); `client` — one caller's own budget within a tenant.
 */
export type RateLimitScope = 'tenant' | 'anonymous' | 'client';

/** The budgets (config.rateLimits); `anonymousMax`, the tenant's budget for anonymous requests, defaults to `tenantMax`. */
export type RateLimitBudgets = Omit<SatupintuConfig['rateLimits'], 'anonymousMax'> & { anonymousMax?: number };

/** Where the route table installs the limiters of tenantRateLimits. */
export interface RateLimitHandlers {
  /** Before the guard of a guarded route: refuses a request to a tenant whose signed-in budget is already spent, without verifying its token. */
  beforeAuth: RequestHandler[];
  /** After the guard: counts verified callers against their own and their tenant's budget. */
  afterAuth: RequestHandler[];
}

/**
 * Per-tenant request budgets: two per tenant (a flooding regency cannot starve the others of the
 * shared pools) — one for verified callers (a guarded route's, or a public route's request with a
 * valid bearer token), one for anonymous requests (no token, or one that is not valid) — and one
 * per caller within a tenant (one client cannot spend its whole
 * tenant's budget: the token's subject, or the client address). Anonymous traffic, from however
 * many addresses, spends only the anonymous budget: it can make a regency's public catalog wait,
 * never lock its signed-in citizens out. Budgets are spent after authentication (a caller the
 * guard refuses spends nothing); once a tenant's signed-in budget is spent, a gate in front of the
 * guard refuses that tenant's further guarded requests before their token is verified, so a flood
 * costs the server as little as possible. Each answers 429 problem+json with Retry-After and the
 * IETF RateLimit headers. With a `backend` the budgets hold across every process (ADR 0022);
 * without one, counters live in this process and N instances give a tenant up to N× the budget.
 */
export function tenantRateLimits(limits: RateLimitBudgets, storage: RateLimitStoreOptions = {}): RateLimitHandlers {
  const windowMs = limits.windowSeconds * 1000;
  const { backend } = storage;
  const newStore = (): PeekableStore =>
    backend ? new SharedGcraStore(backend, { ...(storage.leaseFraction !== undefined ? { leaseFraction: storage.leaseFraction } : {}), ...(storage.onBackendError ? { onError: storage.onBackendError } : {}) }) : new GcraStore();
  const common = {
    windowMs,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    // Keys are built from verified claims and ipKeyGenerator; the library's IP heuristics do not apply.
    validate: { keyGeneratorIpFallback: false, trustProxy: false, xForwardedForHeader: false },
  };
  // Seconds until the caller's window resets, never 0 (a 0 would invite an immediate, refused retry).
  const retryAfter = (prop: string) => (req: Request) => {
    const info = (req as unknown as Record<string, { resetTime?: Date } | undefined>)[prop];
    return Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
  };
  const out: RequestHandler[] = [];
  const gate: RequestHandler[] = [];
  // The caller's own budget first: a client over it does not spend its tenant's.
  if (limits.clientMax > 0)
    out.push(
      rateLimit({
        ...common,
        identifier: 'client',
        limit: limits.clientMax,
        store: newStore(),
        requestPropertyName: 'rateLimitClient',
        retryAfter: retryAfter('rateLimitClient'),
        keyGenerator: (req, res) => `c:${tenantOf(req) ?? '-'}:${clientOf(req, res)}`,
        handler: (_req, _res, next) => next(tooMany('client', limits.windowSeconds)),
      }),
    );
  if (limits.tenantMax > 0) {
    const tenantStore = newStore();
    const tenant = {
      ...common,
      identifier: 'tenant',
      limit: limits.tenantMax,
      requestPropertyName: 'rateLimitTenant',
      retryAfter: retryAfter('rateLimitTenant'),
      keyGenerator: (req: Request) => `t:${tenantOf(req)}`,
      handler: (_req: Request, _res: Response, next: (e: unknown) => void) => next(tooMany('tenant', limits.windowSeconds)),
    };
    // Only verified callers spend a tenant's signed-in budget: anonymous requests spend the
    // anonymous one (below), so nobody can lock a regency's citizens out.
    out.push(when((req, res) => tenantOf(req) !== undefined && subjectOf(res) !== undefined, rateLimit({ ...tenant, store: tenantStore })));
    // The gate acts only on a spent budget (otherwise it sets no header and counts nothing).
    gate.push(
      when(
        (req) => {
          const t = tenantOf(req);
          return t !== undefined && tenantStore.peek(`t:${t}`).totalHits > limits.tenantMax;
        },
        rateLimit({ ...tenant, store: new PeekStore(tenantStore) }),
      ),
    );
  }
  const anonymousMax = limits.anonymousMax ?? limits.tenantMax;
  if (anonymousMax > 0)
    out.push(
      when(
        (req, res) => tenantOf(req) !== undefined && subjectOf(res) === undefined,
        rateLimit({
          ...common,
          identifier: 'anonymous',
          limit: anonymousMax,
          store: newStore(),
          requestPropertyName: 'rateLimitAnonymous',
          retryAfter: retryAfter('rateLimitAnonymous'),
          keyGenerator: (req: Request) => `a:${tenantOf(req)}`,
          handler: (_req: Request, _res: Response, next: (e: unknown) => void) => next(tooMany('anonymous', limits.windowSeconds)),
        }),
      ),
    );
  return { beforeAuth: gate, afterAuth: out };
}

/** Runs a limiter only where it can act; elsewhere the request passes without entering it (its per-request setup is not free). */
function when(applies: (req: Request, res: Response) => boolean, limiter: RequestHandler): RequestHandler {
  return (req, res, next) => (applies(req, res) ? limiter(req, res, next) : next());
}
