import { newId } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import type { Due } from '@satupintu/workflow';
import { workContext, type TenantCtx } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import { RECOMPUTE_DUES_JOB, type CalendarService } from '../calendar/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { applicationQueries, dueQueries, type OpenDueRow } from './queries.js';
import { momentOf } from './service.js';
import { cutiBersamaWorking, serviceDue, stepDue } from './sla.js';

/** The outbox notice the citizen is told by when their service's due date moves (notifications/personalise.ts). */
export const DUE_CHANGED = 'application.due_changed';

/**
 * Issue 23 (sla). Computes the due dates of one tenant's open applications again on the calendar as
 * stored now (a holiday or cuti bersama set, changed or removed later, a closure, an agency's
 * cuti-bersama rule): the service's from when its clock started, the step's from when the step
 * began. Each application whose date moved gets the new dates, a `due-date-changed` event on its
 * timeline (the citizen reads old and new) and a new version; when the service's due date moved,
 * the citizen is also told (WhatsApp first, as every notice: `application.due_changed`). The others
 * are left as they are, so running it again changes nothing (idempotent). One unit of work per tenant.
 */
export async function recomputeDues(uow: UnitOfWork, calendar: CalendarService, registry: PluginRegistry, ctx: TenantCtx): Promise<number> {
  return uow.write(ctx, async (tx) => {
    const cal = await calendar.freshForTenant(ctx, tx);
    const cutiBersama = new Map<string, boolean>();
    let n = 0;
    const same = (d: Due | null, at: Date | null) => (d?.at.getTime() ?? null) === (at?.getTime() ?? null);
    const dues = async (a: OpenDueRow) => {
      const def = await registry.service(a.plugin_id, a.plugin_version, a.service_code);
      if (!def) return null;
      const { service } = def;
      if (!cutiBersama.has(a.agency_code)) cutiBersama.set(a.agency_code, await cutiBersamaWorking(tx.sql, a.agency_code, service));
      const cb = cutiBersama.get(a.agency_code)!;
      const overall: Due | null = a.sla_started_at ? serviceDue(service, a.sla_started_at, cal, cb) : null;
      const step: Due | null = a.step_started_at ? (stepDue(service, a.state, a.step_started_at, cal, cb) ?? null) : null;
      return same(overall, a.due_at) && same(step, a.step_due_at) ? null : { overall, step };
    };
    for (const seen of await dueQueries.open(tx.sql)) {
      // Read without locks; only an application whose dates move is locked, and computed again as it stands then.
      if (!(await dues(seen))) continue;
      const a = await dueQueries.lockOpen(tx.sql, seen.id);
      const next = a ? await dues(a) : null;
      if (!a || !next) continue;
      const { overall, step } = next;
      await dueQueries.set(tx.sql, a.id, { overall: a.sla_started_at ? overall : undefined, step: a.step_started_at ? step : undefined }, ctx.now);
      const moved = (label: { id: string; en: string }, from: string | null, to: string | null) => (from !== to ? [`${label.id} / ${label.en}: ${from ?? '-'} → ${to ?? '-'}`] : []);
      const serviceDate = a.sla_started_at ? (overall?.date ?? null) : a.due_date;
      const lines = [
        ...moved({ id: 'Batas waktu layanan', en: 'Service due date' }, a.due_date, serviceDate),
        ...moved({ id: 'Batas waktu tahap', en: 'Step due date' }, a.step_due_date, a.step_started_at ? (step?.date ?? null) : a.step_due_date),
      ];
      await applicationQueries.event(tx.sql, {
        tenantId: ctx.tenant.id, applicationId: a.id, id: newId(), at: ctx.now, actorSub: 'system', actorName: 'Satupintu', role: 'system', action: 'due-date-changed',
        from: a.state, to: a.state,
        comment: `Kalender hari libur berubah / The holiday calendar changed. ${lines.join('; ') || 'Waktu batas berubah / due time changed'}`,
      });
      // The date the citizen was given moved: tell them, in the same transaction (the outbox).
      if (a.due_date && serviceDate && serviceDate !== a.due_date)
        await tx.outbox(DUE_CHANGED, { ...momentOf(a, ctx.tenant.slug), before: a.due_date, after: serviceDate, dueAt: overall?.at.toISOString() ?? null });
      n++;
    }
    return n;
  });
}

/**
 * Sent by the calendar after each change (per region, or per tenant for a closure or an agency's
 * rule; calendar/service.ts), and hourly as a safety net should a send have been lost after its
 * commit: the run is idempotent, so an extra one changes nothing.
 */
export function recomputeDuesJob(uow: UnitOfWork, calendar: CalendarService, registry: PluginRegistry, tenants: TenantService): JobSpec<{ tenantId?: string }> {
  return {
    name: RECOMPUTE_DUES_JOB,
    cron: '23 * * * *',
    run: async (job, { region, tenantId }) => {
      let changed = 0;
      for (const tenant of await tenants.list({ region }))
        if (!tenantId || tenant.id === tenantId) changed += await recomputeDues(uow, calendar, registry, workContext({ clock: job.clock, log: job.log, route: RECOMPUTE_DUES_JOB, tenant }));
      if (changed) job.log.info({ region, changed }, 'due dates recomputed after a calendar change');
      return { changed };
    },
  };
}
