import type { HeardChange, TenantTx } from '@satupintu/db';
import type { SessionView } from './view.js';

/** How long a session seen full is answered from memory without a change notice (a safety net). */
const TTL_MS = 2_000;

/**
 * Sessions seen without an online seat, answered from memory: when a popular session opens, most
 * of the crowd asks for seats that are gone, and each of them would otherwise cost a write
 * transaction that finds the session full. Whoever gives a seat back (a cancellation, a
 * reschedule) announces it (`session-seats` on the change feed, at commit) and every process
 * forgets that session at once; the seats themselves are only ever taken by the database's
 * conditional update, so capacity stays exact and first come, first served. The seat holders are
 * remembered too: a holder's retry with the same Idempotency-Key must reach the database, which
 * replays their booking (a lost answer in the rush must not turn into "full").
 */
export class SoldOutSessions {
  private readonly full = new Map<string, { until: number; next: SessionView | null; holders: ReadonlySet<string> }>();

  /** The next open session to suggest and the seat holders if `sessionId` is known full at `now`; undefined when not known full. */
  known(sessionId: string, now: Date): { next: SessionView | null; holders: ReadonlySet<string> } | undefined {
    const hit = this.full.get(sessionId);
    if (!hit) return undefined;
    if (hit.until <= now.getTime()) {
      this.full.delete(sessionId);
      return undefined;
    }
    return { next: hit.next, holders: hit.holders };
  }

  markFull(sessionId: string, next: SessionView | null, holders: readonly string[], now: Date): void {
    this.full.set(sessionId, { until: now.getTime() + TTL_MS, next, holders: new Set(holders) });
  }

  /** Inside the unit of work that gives a seat of `sessionId` back. */
  async released(tx: TenantTx, sessionId: string): Promise<void> {
    await tx.changed({ kind: 'session-seats', tenantId: tx.tenantId, sessionId });
    tx.afterCommit(() => this.full.delete(sessionId));
  }

  heard(change: HeardChange): void {
    if (change.kind === 'everything') this.full.clear();
    else if (change.kind === 'session-seats') this.full.delete(change.sessionId);
  }
}
