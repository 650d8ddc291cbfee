/** Thrown without contacting S3 while the circuit is open (the store failed repeatedly just now). */
export class StoreUnavailable extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`object store unavailable (circuit open, retry in ${retryAfterSeconds} s)`, options);
    this.name = 'StoreUnavailable';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

/** A failure that says the store (not the request) is the problem: no connection, timeout, or 5xx. */
export function isStoreOutage(e: unknown): boolean {
  const err = e as { code?: string; name?: string; errno?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!err || typeof err !== 'object') return false;
  if (err instanceof StoreUnavailable) return true;
  if ((err.code && NETWORK_CODES.has(err.code)) || (err.errno && NETWORK_CODES.has(err.errno))) return true;
  if (err.name === 'TimeoutError' || err.name === 'RequestTimeout') return true;
  const status = err.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  return err.cause !== undefined && err.cause !== e && isStoreOutage(err.cause);
}

/**
 * A small circuit breaker in front of S3: after `threshold` outage failures in a row, calls fail at
 * once for `cooldownMs` instead of each waiting for connection timeouts; after the cool-down the
 * next call is a trial, and one success closes the circuit again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private readonly openListeners: ((openForMs: number) => void)[] = [];

  constructor(private readonly opts: { threshold: number; cooldownMs: number; now?: () => number } = { threshold: 3, cooldownMs: 5_000 }) {}

  /**
   * Hears this breaker open (how long for, ms): the server publishes it so that every other
   * process opens too (docs/adr/0022-shared-rate-limits.md) instead of each hammering a down S3.
   */
  onOpen(listener: (openForMs: number) => void): void {
    this.openListeners.push(listener);
  }

  /**
   * Opens the circuit for `openForMs` because another process found the store down: no failure of
   * ours, nothing published again. A longer opening already in force stays; after it the next call
   * is a trial here too.
   */
  adopt(openForMs: number): void {
    if (!(openForMs > 0)) return;
    const until = this.now() + Math.min(openForMs, this.opts.cooldownMs * 4);
    if (until <= this.openUntil) return;
    this.failures = Math.max(this.failures, this.opts.threshold);
    this.openUntil = until;
  }

  /** Until when (ms, this process's clock) the circuit stays open; 0 when closed. */
  get openUntilMs(): number {
    return this.state === 'open' ? this.openUntil : 0;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.opts.threshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** Throws StoreUnavailable while open. */
  assertClosed(): void {
    if (this.state === 'open') throw new StoreUnavailable(Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000)));
  }

  record(ok: boolean, error?: unknown): void {
    if (ok) {
      this.failures = 0;
      this.openUntil = 0;
      return;
    }
    if (!isStoreOutage(error)) return;
    this.failures++;
    if (this.failures >= this.opts.threshold) {
      this.openUntil = this.now() + this.opts.cooldownMs;
      for (const l of this.openListeners)
        try {
          l(this.opts.cooldownMs);
        } catch {
          // telling others is best effort: never the store call's failure
        }
    }
  }

  /** Runs `fn` unless the circuit is open; outcomes that say the store is down count as failures. */
  async run<T>(fn: () => Promise<T>, opts: { bypass?: boolean } = {}): Promise<T> {
    if (!opts.bypass) this.assertClosed();
    try {
      const result = await fn();
      this.record(true);
      return result;
    } catch (e) {
      this.record(false, e);
      throw e;
    }
  }
}
