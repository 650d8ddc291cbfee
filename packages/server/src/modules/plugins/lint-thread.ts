import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { contentHash, lintManifest, undecidedVerdict, type LintIssue, type PatternEvent } from '@satupintu/plugin-sdk';

/**
 * The lint thread (lint-pool.ts runs it through piscina): lints one manifest — shape, host range,
 * every pattern's ReDoS analysis within the manifest's budget, SOP and fee rules — and hashes it,
 * off the request thread. recheck runs here on its pure JavaScript backend, so the analysis is this
 * thread's own CPU: when the pool ends the thread on overrun, the analysis ends with it (no native
 * agent process or nested thread left computing).
 */
process.env.RECHECK_SYNC_BACKEND = 'pure';

/**
 * The thread runs at a lower CPU priority (`nice`, LintPoolOptions.nice): the request thread and
 * every other tenant go first, the analysis takes the CPU they leave. Linux keeps a nice value per
 * thread, so this thread alone is lowered; elsewhere (or if refused) it stays as it is.
 */
export function lowerPriority(nice: number): boolean {
  if (!(nice > 0) || process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid === process.pid) return false; // never the main thread
    setPriority(tid, Math.min(19, nice));
    return true;
  } catch {
    return false;
  }
}
let lowered = false;

export interface LintTask {
  manifest: unknown;
  platformVersion: string;
  patternBudgetMs: number;
  /** The nice value for this thread (0: unchanged); set once, on its first task. */
  nice: number;
  /** Progress for the pool (`started`, then the pattern events), so that it can point at the patterns if it must end the thread. */
  progress: MessagePort;
}

export type LintProgress = { kind: 'started' } | PatternEvent;

export interface LintReply {
  issues: LintIssue[];
  /** The content hash, when the manifest lints clean. */
  contentHash?: string;
  /** Pointers of the issues that are patterns not proven safe in time (too complex to check), not proven unsafe. */
  undecided?: string[];
}

export default function lint(task: LintTask): LintReply {
  const post = (m: LintProgress) => task.progress.postMessage(m);
  const undecided: string[] = [];
  if (!lowered) {
    lowered = true;
    lowerPriority(task.nice);
  }
  try {
    post({ kind: 'started' });
    const r = lintManifest(task.manifest, undefined, task.platformVersion, {
      patternBudgetMs: task.patternBudgetMs,
      onPattern: (e) => {
        if (e.kind === 'verdict' && undecidedVerdict(e.verdict)) undecided.push(e.pointer);
        post(e);
      },
    });
    if (r.ok && r.manifest) return { issues: [], contentHash: contentHash(r.manifest) };
    return { issues: r.issues, ...(undecided.length ? { undecided } : {}) };
  } finally {
    task.progress.close();
  }
}
