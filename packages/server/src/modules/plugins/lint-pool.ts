import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import { MANIFEST_LIMITS, patternIssue, undecidedVerdict, type LintIssue, type PatternVerdict, type UserPattern } from '@satupintu/plugin-sdk';
import { lintBusy, lintLimit } from './errors.js';
import type { LintProgress, LintReply, LintTask } from './lint-thread.js';

export type { LintReply };

export interface LintPoolOptions {
  /** Lint threads (default: one per spare CPU, at most 2; the request thread keeps a CPU). */
  threads?: number;
  /** Manifests of one agency being checked or waiting at once; more are refused with 429 PLUGIN_LINT_LIMIT (default 1). */
  perAgency?: number;
  /** Manifests waiting for a thread, all agencies together; more are refused with 503 PLUGIN_LINT_BUSY (default 2 per thread). */
  queue?: number;
  /** Time for the analysis of every pattern of one manifest (default MANIFEST_LIMITS.regexAnalysisBudgetMs). */
  patternBudgetMs?: number;
  /** Time from a thread taking a manifest until it is ended if it has not answered (default the pattern budget + 4 s for the other rules). */
  hardLimitMs?: number;
  /** Longest wait for a thread to take a manifest (queue and thread start); then 503 PLUGIN_LINT_BUSY (default 60 s). */
  waitMs?: number;
  /** Heap of one lint thread; a manifest that needs more ends its thread (default 256 MB). */
  heapMb?: number;
  /** How long an idle thread stays (default 30 s); idle threads never keep the process alive. */
  idleMs?: number;
  /**
   * CPU priority of the lint threads as a nice value, 0–19 (default 19, Linux; elsewhere unchanged):
   * requests of every tenant go first and the analysis takes the CPU they leave. On a saturated
   * host a manifest then runs out of its time and is refused as too complex; publish again later.
   */
  nice?: number;
}

const defaults = (o: LintPoolOptions): Required<LintPoolOptions> => {
  const threads = o.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const patternBudgetMs = o.patternBudgetMs ?? MANIFEST_LIMITS.regexAnalysisBudgetMs;
  return { threads, perAgency: 1, queue: 2 * threads, patternBudgetMs, hardLimitMs: patternBudgetMs + 4_000, waitMs: 60_000, heapMb: 256, idleMs: 30_000, nice: 19, ...o };
};

/** Why a lint ended without the thread's answer. */
type Cut = 'overran' | 'waited' | 'closed';

/**
 * Lints untrusted manifests off the request thread (issue 19: a ReDoS analysis on the request thread
 * stalled every tenant). Each manifest is linted whole — shape, host range, every pattern's ReDoS
 * analysis, SOP and fee rules, content hash — on a piscina worker thread:
 *
 * - **Time.** The patterns of one manifest share `patternBudgetMs` (each pattern at most
 *   MANIFEST_LIMITS.regexCheckTimeoutMs); a pattern not proven safe in its time is refused. If the
 *   thread has not answered within `hardLimitMs`, it is terminated (its CPU is freed) and
 *   every pattern not proven safe by then — the one being analysed, those after it — is refused
 *   with its pointer (PLUGIN_MANIFEST_INVALID). Unknown safety is unsafe.
 * - **Share.** At most `perAgency` manifests per agency at once (429 PLUGIN_LINT_LIMIT with
 *   Retry-After), at most `threads + queue` in all (503 PLUGIN_LINT_BUSY with Retry-After), so one
 *   publisher can never take every thread, and a queue never grows without end.
 * - **Priority.** The threads run at nice `nice` (Linux): other tenants' requests go first.
 * - **Memory.** A thread's heap is capped at `heapMb`; a manifest that exhausts it is refused like
 *   an overrun.
 * - **Lifecycle.** Threads start on first use, end after `idleMs` idle, are unref'd while idle, and
 *   `close()` ends them (with the platform).
 */
export class LintPool {
  readonly options: Required<LintPoolOptions>;
  private pool?: Piscina<LintTask, LintReply>;
  private readonly byAgency = new Map<string, number>();
  private inFlight = 0;
  private closed = false;
  /** Aborts of the lints running now (close() ends them). */
  private readonly closing = new Set<() => void>();

  constructor(options: LintPoolOptions = {}) {
    this.options = defaults(options);
  }

  /** Manifests being checked or waiting (all agencies; one agency). */
  load(agency?: string): number {
    return agency === undefined ? this.inFlight : (this.byAgency.get(agency) ?? 0);
  }

  /** The worker threads alive now (tests check that an overrun ends its thread). */
  get threads(): number {
    return this.pool?.threads.length ?? 0;
  }

  /** Lints one manifest for `agency` (whose share it counts against), off the request thread. */
  async lint(agency: string, manifest: unknown, log: Logger, platformVersion: string): Promise<LintReply> {
    const o = this.options;
    const retryAfter = Math.ceil(o.hardLimitMs / 1000);
    if (this.closed) throw lintBusy(retryAfter);
    const held = this.byAgency.get(agency) ?? 0;
    if (held >= o.perAgency) {
      log.warn({ agency, held }, 'plugin lint refused: the agency’s share of lint threads is in use');
      throw lintLimit(agency, o.perAgency, retryAfter);
    }
    if (this.inFlight >= o.threads + o.queue) {
      log.warn({ agency, inFlight: this.inFlight }, 'plugin lint refused: every lint thread busy and the queue full');
      throw lintBusy(retryAfter);
    }
    this.byAgency.set(agency, held + 1);
    this.inFlight++;
    try {
      return await this.run(manifest, log, platformVersion, retryAfter);
    } finally {
      this.inFlight--;
      const left = (this.byAgency.get(agency) ?? 1) - 1;
      if (left > 0) this.byAgency.set(agency, left);
      else this.byAgency.delete(agency);
    }
  }

  private piscina(): Piscina<LintTask, LintReply> {
    const o = this.options;
    return (this.pool ??= new Piscina<LintTask, LintReply>({
      filename: new URL('./lint-thread.mjs', import.meta.url).href,
      name: 'default',
      minThreads: 0,
      maxThreads: o.threads,
      idleTimeout: o.idleMs,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: o.heapMb, maxYoungGenerationSizeMb: Math.max(16, Math.floor(o.heapMb / 8)) },
      // Lint tasks are few and long: no spinning on Atomics between them.
      atomics: 'disabled',
      closeTimeout: 1_000,
      recordTiming: false,
    }));
  }

  private async run(manifest: unknown, log: Logger, platformVersion: string, retryAfter: number): Promise<LintReply> {
    const o = this.options;
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let cut: Cut | undefined;
    const stop = (why: Cut) => {
      cut ??= why;
      abort.abort(new Error(`plugin lint ${why}`));
    };
    const patterns: UserPattern[] = [];
    const verdicts = new Map<string, PatternVerdict>();
    let analysing: string | undefined;
    let started = false;
    let overrun: NodeJS.Timeout | undefined;
    const waiting = setTimeout(() => stop('waited'), o.waitMs);
    port1.on('message', (m: LintProgress) => {
      switch (m.kind) {
        case 'started':
          started = true;
          clearTimeout(waiting);
          overrun = setTimeout(() => stop('overran'), o.hardLimitMs);
          break;
        case 'list':
          patterns.push(...m.patterns);
          break;
        case 'start':
          analysing = m.pointer;
          break;
        case 'verdict':
          verdicts.set(m.pointer, m.verdict);
          if (analysing === m.pointer) analysing = undefined;
          break;
      }
    });
    const onClose = () => stop('closed');
    this.closing.add(onClose);
    const t0 = performance.now();
    try {
      return await this.piscina().run({ manifest, platformVersion, patternBudgetMs: o.patternBudgetMs, nice: o.nice, progress: port2 }, { transferList: [port2], signal: abort.signal });
    } catch (err) {
      if (cut === 'waited' || cut === 'closed' || (!started && !cut)) {
        log.warn({ err, cut }, 'plugin lint did not start');
        throw lintBusy(retryAfter);
      }
      // Overran its time (the thread was terminated) or the thread died (e.g. its heap limit): every
      // pattern not proven safe is refused, the one under analysis first among them.
      log.warn({ err, cut: cut ?? 'thread-died', analysing, patterns: patterns.length, decided: verdicts.size, ms: Math.round(performance.now() - t0) }, 'plugin lint thread ended before answering; the manifest is refused');
      return unfinished(patterns, verdicts);
    } finally {
      clearTimeout(waiting);
      clearTimeout(overrun);
      this.closing.delete(onClose);
      port1.close();
    }
  }

  /** Ends every lint thread (running lints answer 503 PLUGIN_LINT_BUSY); later lints are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const f of [...this.closing]) f();
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

/**
 * The reply for a lint whose thread ended before answering: each pattern not proven safe, with its
 * pointer; those not decided by then are "too complex to check" (undecided).
 */
function unfinished(patterns: UserPattern[], verdicts: Map<string, PatternVerdict>): LintReply {
  const issues: LintIssue[] = [];
  const undecided: string[] = [];
  for (const p of patterns) {
    const verdict = verdicts.get(p.pointer) ?? 'over-budget';
    const issue = patternIssue(p, verdict);
    if (issue) issues.push({ file: 'manifest', ...issue });
    if (undecidedVerdict(verdict)) undecided.push(p.pointer);
  }
  if (issues.length === 0) {
    issues.push({
      file: 'manifest',
      pointer: '',
      message: {
        id: 'Manifest terlalu rumit untuk diperiksa: pemeriksaannya melebihi batas waktu atau memori dan dihentikan; perkecil manifest.',
        en: 'Manifest too complex to check: checking it exceeded its time or memory limit and was stopped; make the manifest smaller.',
      },
    });
    undecided.push('');
  }
  return { issues, undecided };
}
