import type { Logger } from 'pino';
import { newId } from '@satupintu/core';
import { TenantEntity, withTenant, type Databases } from '@satupintu/db';

/**
 * Escalates every application whose current step is past its due time: a flag (escalation row),
 * a timeline event, and a notification for the tenant admin in the outbox — exactly once per
 * (application, step, due time), guaranteed by a unique key, so reruns and restarts repeat nothing.
 */
export async function escalateOverdue(dbs: Databases, region: string, logger: Logger, now = new Date()): Promise<number> {
  const tenants = await dbs.control.getRepository(TenantEntity).find({ where: { homeRegion: region }, select: { id: true, slug: true } });
  let escalated = 0;
  for (const t of tenants) {
    escalated += await withTenant(dbs.region(region), t.id, async (em) => {
      const overdue = (await em.query(
        `select a.id, a.state, a.step_due_at, a.tracking_code, a.agency_code, a.plugin_id, a.service_code from applications a
          where a.status = 'submitted' and a.step_due_at < $1
            and not exists (select 1 from escalations e where e.application_id = a.id and e.state = a.state and e.due_at = a.step_due_at)
          for update of a skip locked`,
        [now],
      )) as { id: string; state: string; step_due_at: Date; tracking_code: string; agency_code: string; plugin_id: string; service_code: string }[];
      let n = 0;
      for (const a of overdue) {
        const inserted = (await em.query(
          `insert into escalations (tenant_id, id, application_id, state, due_at) values ($1, $2, $3, $4, $5)
           on conflict (tenant_id, application_id, state, due_at) do nothing returning id`,
          [t.id, newId(), a.id, a.state, a.step_due_at],
        )) as unknown[];
        if (!inserted.length) continue;
        await em.query(
          `insert into application_events (tenant_id, application_id, id, actor_sub, actor_name, actor_role, action, from_state, to_state, comment)
           values ($1, $2, $3, 'system', 'Satupintu', 'system', 'escalated', $4, $4, $5)`,
          [t.id, a.id, newId(), a.state, `Melewati batas waktu ${a.step_due_at.toISOString()} / past due`],
        );
        await em.query(`insert into notification_outbox (tenant_id, id, kind, payload) values ($1, $2, 'sla.overdue', $3)`, [
          t.id,
          newId(),
          JSON.stringify({ to: ['tenant-admin', `officer:${a.agency_code}`], tenant: t.slug, application: a.id, trackingCode: a.tracking_code, service: `${a.plugin_id}.${a.service_code}`, state: a.state, dueAt: a.step_due_at }),
        ]);
        n++;
      }
      return n;
    });
  }
  if (escalated) logger.info({ region, escalated }, 'overdue applications escalated');
  return escalated;
}
