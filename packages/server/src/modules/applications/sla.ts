import type { LocalizedText } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import type { ServiceDefinition } from '@satupintu/plugin-sdk';
import { clockStartsOnSubmission, dueAfter, timersOnEntering, type Due, type WorkCalendar } from '@satupintu/workflow';

/**
 * Issue 23 (sla). The service's clock (jangka waktu penyelesaian, UU 25/2009 art. 21 and
 * PermenPANRB 15/2014) starts at the event its SOP declares (`sop.sla.startsOn`: the file accepted
 * complete, the interview held, the payment confirmed…), at submission when it declares none; the
 * current step's clock when the step begins. Both count hari kerja on the tenant's calendar, with
 * cuti bersama a working day where the agency said so for this tenant (`agency_calendars`, set by
 * `PUT …/agencies/{agency}/calendar`), else as the SOP says.
 */
export async function cutiBersamaWorking(sql: Sql, agency: string, service: ServiceDefinition): Promise<boolean> {
  const row = await sql.maybe<{ cuti_bersama_working: boolean }>(`select cuti_bersama_working from agency_calendars where agency_code = $1`, [agency]);
  return row?.cuti_bersama_working ?? service.sop.cutiBersamaIsWorkingDay ?? false;
}

/** When the whole service is due, its clock started at `at`. */
export function serviceDue(service: ServiceDefinition, at: Date, cal: WorkCalendar, cutiBersama: boolean): Due {
  return dueAfter(at, service.sla, cal, cutiBersama);
}

/** When the step `state` entered at `at` is due (undefined: the step has no clock). */
export function stepDue(service: ServiceDefinition, state: string, at: Date, cal: WorkCalendar, cutiBersama: boolean): Due | undefined {
  return timersOnEntering({ ...service.sop, cutiBersamaIsWorkingDay: cutiBersama }, state, at, cal).find((t) => t.name === 'step')?.due;
}

/** Whether the service clock starts at submission. */
export const startsOnSubmission = (service: ServiceDefinition): boolean => clockStartsOnSubmission(service.sop);

/** What the citizen reads while the service clock waits for its event (null when it starts at submission). */
export function waitingFor(service: ServiceDefinition): { event: LocalizedText; message: LocalizedText } | null {
  const sla = service.sop.sla;
  if (!sla || startsOnSubmission(service)) return null;
  return {
    event: { id: sla.event.id, en: sla.event.en },
    message: { id: `Waktu layanan dimulai setelah ${sla.event.id}.`, en: `The service time starts after ${sla.event.en}.` },
  };
}
