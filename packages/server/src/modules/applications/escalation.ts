import { newId } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import { workContext, type TenantCtx } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import type { TenantService } from '../tenants/index.js';
import { applicationQueries, escalationQueries } from './queries.js';

export const ESCALATE_JOB = 'sla.escalate';

/**
 * Escalates every application of one tenant whose current step is past its due time: an
 * escalation row, a timeline event, and a notice for the tenant admin and the agency's officers
 * in the outbox — exactly once per (application, step, due time), by a unique key, so reruns and
 * restarts repeat nothing. One unit of work per tenant.
 */
export async function escalateOverdue(uow: UnitOfWork, ctx: TenantCtx): Promise<number> {
  const t = ctx.tenant;
  return uow.write(ctx, async (tx) => {
    let n = 0;
    // The current step's clock, then the whole service's (issue 23, sla: it runs only from the SOP's start event).
    const overdue = [
      ...(await escalationQueries.overdue(tx.sql, ctx.now)).map((a) => ({ ...a, clock: 'step' as const })),
      ...(await escalationQueries.overdueService(tx.sql, ctx.now)).map((a) => ({ ...a, clock: 'service' as const })),
    ];
    for (const a of overdue) {
      if (!(await escalationQueries.record(tx.sql, { tenantId: t.id, id: newId(), applicationId: a.id, state: a.state, dueAt: a.step_due_at, now: ctx.now }))) continue;
      const what = a.clock === 'service' ? 'Melewati jangka waktu layanan / past the service time' : 'Melewati batas waktu / past due';
      await applicationQueries.event(tx.sql, {
        tenantId: t.id, applicationId: a.id, id: newId(), at: ctx.now, actorSub: 'system', actorName: 'Satupintu', role: 'system', action: 'escalated',
        from: a.state, to: a.state, comment: `${what} ${a.step_due_at.toISOString()}`,
      });
      // The timeline grew: a new version, so the application's ETag follows.
      await applicationQueries.touch(tx.sql, a.id, ctx.now);
      await tx.outbox('sla.overdue', { to: ['tenant-admin', `officer:${a.agency_code}`], tenant: t.slug, application: a.id, trackingCode: a.tracking_code, service: `${a.plugin_id}.${a.service_code}`, state: a.state, dueAt: a.step_due_at, clock: a.clock });
      n++;
    }
    return n;
  });
}

/** Every minute, in each region: its tenants' overdue steps escalate. */
export function escalationJob(uow: UnitOfWork, tenants: TenantService): JobSpec {
  return {
    name: ESCALATE_JOB,
    cron: '* * * * *',
    run: async (job, { region }) => {
      let escalated = 0;
      for (const tenant of await tenants.list({ region })) escalated += await escalateOverdue(uow, workContext({ clock: job.clock, log: job.log, route: ESCALATE_JOB, tenant }));
      if (escalated) job.log.info({ region, escalated }, 'overdue applications escalated');
      return { escalated };
    },
    forTenant: (ctx) => escalateOverdue(uow, ctx),
  };
}
