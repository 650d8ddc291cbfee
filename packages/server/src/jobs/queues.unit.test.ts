import assert from 'node:assert/strict';
import { pino } from 'pino';
import { JobQueues, QUEUE_DECLARE_ATTEMPTS } from './queues.js';

/** A pg-boss stand-in for the declaration only: records each create_queue, fails as told. */
function bossFailing(failures: { code: string }[]) {
  const calls: string[] = [];
  return {
    calls,
    createQueue: async (name: string) => {
      calls.push(name);
      const f = failures.shift();
      if (f) throw Object.assign(new Error(f.code === '40P01' ? 'deadlock detected' : 'boom'), f);
    },
  };
}

describe('job queue declaration', () => {
  const declare = (q: JobQueues, boss: unknown, name: string) =>
    (q as unknown as { ensureQueue(region: string, boss: unknown, name: string): Promise<void> }).ensureQueue('id-jakarta', boss, name);

  it('tries again a declaration another process deadlocked with (40P01), then remembers it', async () => {
    const q = new JobQueues(pino({ level: 'silent' }));
    const boss = bossFailing([{ code: '40P01' }, { code: '40P01' }]);
    await declare(q, boss, 'sla.escalate');
    assert.deepEqual(boss.calls, ['sla.escalate', 'sla.escalate', 'sla.escalate']);
    await declare(q, boss, 'sla.escalate');
    assert.equal(boss.calls.length, 3, 'declared once per process and region');
  });

  it('gives up after a bounded number of deadlocks, and never retries another error', async () => {
    const q = new JobQueues(pino({ level: 'silent' }));
    const stuck = bossFailing(Array.from({ length: QUEUE_DECLARE_ATTEMPTS }, () => ({ code: '40P01' })));
    await assert.rejects(declare(q, stuck, 'outbox.deliver'), /deadlock/);
    assert.equal(stuck.calls.length, QUEUE_DECLARE_ATTEMPTS);
    const broken = bossFailing([{ code: '42P01' }]);
    await assert.rejects(declare(q, broken, 'outbox.deliver'), /boom/);
    assert.equal(broken.calls.length, 1);
  });
});
