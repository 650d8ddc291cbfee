import { newId } from '@satupintu/core';
import type { TenantTx, UnitOfWork } from '@satupintu/db';
import { decide, type Decision } from '@satupintu/workflow';
import { workContext, type TenantCtx } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import type { TenantService } from '../tenants/index.js';
import { dueOf, isTimerOverdue, runningTimers } from './deadlines.js';
import { COMPLAINT_LIFECYCLE, factsOf, statesTiming, type ComplaintRole } from './lifecycle.js';
import { complaintQueries, escalationQueries, type ComplaintRow, type TimedStates } from './queries.js';
import { notify, post } from './records.js';
import type { ComplaintWebhooks } from './webhook.js';

export const ESCALATE_JOB = 'complaints.escalate';

export interface EscalationDeps {
  uow: UnitOfWork;
  webhooks: ComplaintWebhooks;
}

/** Which states run which clock, read from the lifecycle once. */
const TIMED: TimedStates = {
  verification: statesTiming('verification'),
  firstResponse: statesTiming('first-response'),
  answer: statesTiming('answer'),
  reopen: statesTiming('reopen'),
};

/** Persists a move the platform takes when a clock runs out (the lifecycle's `onExpiry` actions). */
async function applySystemMove(tx: TenantTx, ctx: TenantCtx, c: ComplaintRow, d: Decision<ComplaintRole>): Promise<void> {
  if (d.to !== 'closed') throw new Error(`complaints: no persistence for the system's move ${d.from} → ${d.to}`);
  await complaintQueries.close(tx.sql, c.id, ctx.now);
  await post(tx, ctx, c, { role: 'system', kind: 'closed', body: 'Ditutup otomatis: batas waktu membuka kembali lewat / Closed: the reopen window passed' });
}

/**
 * One pass over one tenant's complaints at `ctx.now`, by the clocks of the lifecycle
 * (lifecycle.ts): each clock that ran out in the state that runs it either escalates — an
 * escalation row, an internal thread note, a `complaint.overdue` notice for the coordinator (and
 * the agency) and a `complaint.escalated` webhook event, exactly once per (complaint, stage, due
 * time) by a unique key, so reruns repeat nothing and a reopened complaint's new deadline can
 * escalate again — or makes the platform take its `onExpiry` action through the engine (an
 * answered complaint whose reopen window passed is closed). One unit of work per tenant.
 */
export async function escalateOverdueComplaints(d: EscalationDeps, ctx: TenantCtx): Promise<{ escalated: number; closed: number }> {
  return d.uow.write(ctx, async (tx) => {
    let escalated = 0;
    let closed = 0;
    for (const c of await escalationQueries.due(tx.sql, ctx.now, TIMED)) {
      for (const timer of runningTimers(c.status)) {
        const due = dueOf(c, timer.name);
        if (!due || !isTimerOverdue(c, timer.name, ctx.now)) continue;
        const expiry = timer.onExpiry ?? 'escalate';
        if (expiry !== 'escalate') {
          const move = decide(COMPLAINT_LIFECYCLE, { state: c.status, roles: ['system'], action: expiry.action, facts: factsOf(c) });
          await applySystemMove(tx, ctx, c, move);
          await d.webhooks.publish(tx, ctx, c.id, `complaint.${move.to}`);
          closed++;
          break; // the complaint left the state whose clocks these are
        }
        if (!(await escalationQueries.record(tx.sql, { tenantId: ctx.tenant.id, id: newId(), complaintId: c.id, stage: timer.name, dueAt: due.at, now: ctx.now }))) continue;
        await post(tx, ctx, c, { role: 'system', kind: 'escalated', body: `Melewati batas ${timer.name} ${due.at.toISOString()} / past the ${timer.name} deadline`, internal: true });
        const to = ['tenant-admin', ...(c.handler === 'agency' && c.agency_code ? [`officer:${c.agency_code}`] : [])];
        await notify(tx, ctx, c, 'complaint.overdue', to, { stage: timer.name, dueAt: due.at.toISOString() });
        await d.webhooks.publish(tx, ctx, c.id, 'complaint.escalated', { stage: timer.name, dueAt: due.at.toISOString() });
        escalated++;
      }
    }
    return { escalated, closed };
  });
}

/**
 * `complaints.escalate`, every minute in each region: for each of its tenants, overdue clocks
 * escalate and expired reopen windows close; then pending webhook deliveries whose job was lost
 * are sent again.
 */
export function escalationJob(d: EscalationDeps, tenants: TenantService): JobSpec {
  return {
    name: ESCALATE_JOB,
    cron: '* * * * *',
    run: async (job, { region }) => {
      let escalated = 0;
      let closed = 0;
      let swept = 0;
      for (const tenant of await tenants.list({ region })) {
        const ctx = workContext({ clock: job.clock, log: job.log, route: ESCALATE_JOB, tenant });
        const r = await escalateOverdueComplaints(d, ctx);
        escalated += r.escalated;
        closed += r.closed;
        swept += await d.webhooks.sweep(ctx).catch((err: unknown) => {
          ctx.log.warn({ err }, 'webhook sweep failed');
          return 0;
        });
      }
      if (escalated || closed || swept) job.log.info({ region, escalated, closed, swept }, 'complaints escalated / closed / webhook deliveries re-sent');
      return { region, escalated, closed, swept };
    },
    forTenant: (ctx) => escalateOverdueComplaints(d, ctx),
  };
}
