import type { Logger } from 'pino';
import { newId } from '@satupintu/core';
import { TenantEntity, withTenant, type Databases } from '@satupintu/db';
import { exportRecord, type ComplaintRow } from './service.js';
import type { ComplaintWebhooks } from './webhook.js';

export const ESCALATE_JOB = 'complaints.escalate';

const STAGES = [
  { stage: 'verification', due: 'verify_due_at', where: `c.status = 'submitted' and c.verify_due_at < $1` },
  { stage: 'first-response', due: 'first_response_due_at', where: `c.status in ('forwarded', 'handling') and c.first_response_at is null and c.first_response_due_at < $1` },
  { stage: 'answer', due: 'answer_due_at', where: `c.status in ('forwarded', 'handling') and c.answer_due_at < $1` },
] as const;

/**
 * Escalates every complaint past a deadline (verification, first response, answer): an escalation
 * row, an internal thread note, a notification for the coordinator (and the agency) and a webhook
 * event — exactly once per (complaint, stage, due time), by a unique key, so reruns repeat nothing
 * and a reopened complaint's new deadline can escalate again. Also closes answered complaints
 * whose reopen window has passed, and re-queues webhook deliveries whose job was lost.
 */
export async function escalateOverdueComplaints(dbs: Databases, region: string, hooks: ComplaintWebhooks, logger: Logger, now = new Date()): Promise<{ escalated: number; closed: number }> {
  const tenants = await dbs.control.getRepository(TenantEntity).find({ where: { homeRegion: region }, select: { id: true, slug: true, code: true } });
  let escalated = 0;
  let closed = 0;
  for (const t of tenants) {
    const deliveries: string[] = [];
    await withTenant(dbs.region(region), t.id, async (em) => {
      const event = async (id: string, name: string, extra: Record<string, unknown> = {}) => {
        const c = ((await em.query(`select c.*, to_char(c.verify_due_date, 'YYYY-MM-DD') as verify_due_date, to_char(c.first_response_due_date, 'YYYY-MM-DD') as first_response_due_date,
            to_char(c.answer_due_date, 'YYYY-MM-DD') as answer_due_date, to_char(c.incident_date, 'YYYY-MM-DD') as incident_date,
            (select a.tracking_code from applications a where a.id = c.application_id) as application_tracking_code,
            (select count(*)::int from complaint_escalations e where e.complaint_id = c.id) as escalation_count from complaints c where c.id = $1`, [id])) as ComplaintRow[])[0]!;
        const d = await hooks.enqueue(em, t.id, id, name, { occurredAt: now.toISOString(), ...extra, complaint: exportRecord(c, t) });
        if (d) deliveries.push(d);
      };
      for (const s of STAGES) {
        const overdue = (await em.query(`select c.id, c.tracking_code, c.agency_code, c.handler, c.${s.due} as due_at from complaints c where ${s.where} for update of c skip locked`, [now])) as {
          id: string;
          tracking_code: string;
          agency_code: string | null;
          handler: string | null;
          due_at: Date;
        }[];
        for (const c of overdue) {
          const inserted = (await em.query(
            `insert into complaint_escalations (tenant_id, id, complaint_id, stage, due_at) values ($1, $2, $3, $4, $5) on conflict (tenant_id, complaint_id, stage, due_at) do nothing returning id`,
            [t.id, newId(), c.id, s.stage, c.due_at],
          )) as unknown[];
          if (!inserted.length) continue;
          await em.query(
            `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal) values ($1, $2, $3, $4, 'system', 'Satupintu', 'system', 'escalated', $5, true)`,
            [t.id, c.id, newId(), now, `Melewati batas ${s.stage} ${c.due_at.toISOString()} / past the ${s.stage} deadline`],
          );
          await em.query(`insert into notification_outbox (tenant_id, id, kind, payload) values ($1, $2, 'complaint.overdue', $3)`, [
            t.id,
            newId(),
            JSON.stringify({ to: ['tenant-admin', ...(c.handler === 'agency' && c.agency_code ? [`officer:${c.agency_code}`] : [])], tenant: t.slug, complaint: c.id, trackingCode: c.tracking_code, stage: s.stage, dueAt: c.due_at }),
          ]);
          await event(c.id, 'complaint.escalated', { stage: s.stage, dueAt: c.due_at.toISOString() });
          escalated++;
        }
      }
      const expired = (await em.query(`select id from complaints where status = 'answered' and reopen_until < $1 for update skip locked`, [now])) as { id: string }[];
      for (const c of expired) {
        await em.query(`update complaints set status = 'closed', closed_at = $2, updated_at = $2, version = version + 1 where id = $1`, [c.id, now]);
        await em.query(
          `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal) values ($1, $2, $3, $4, 'system', 'Satupintu', 'system', 'closed', $5, false)`,
          [t.id, c.id, newId(), now, 'Ditutup otomatis: batas waktu membuka kembali lewat / Closed: the reopen window passed'],
        );
        await event(c.id, 'complaint.closed');
        closed++;
      }
    });
    if (deliveries.length) await hooks.kick(region, t.id, deliveries);
  }
  await hooks.sweep(region, now).catch((err) => logger.warn({ err, region }, 'webhook sweep failed'));
  if (escalated || closed) logger.info({ region, escalated, closed }, 'complaints escalated / closed');
  return { escalated, closed };
}
