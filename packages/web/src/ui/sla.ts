import type { Localized } from '../types.js';

/**
 * Issue 23 (sla): the event the service clock waits for (`sla.startsOn`), while it waits. Read
 * through a widened type until the client is regenerated from the OpenAPI document.
 */
export function slaStart(sla: object): { event: Localized; message: Localized } | null {
  const s = sla as { startsOn?: { event: Localized; message: Localized } | null; startedAt?: string | null };
  return s.startsOn && !s.startedAt ? s.startsOn : null;
}

/** One step of a journey across agencies, with its expected completion (issue 23, sla). */
export interface JourneyStepView {
  service: string;
  name: Localized | null;
  agency: { code: string; name: Localized } | null;
  status: 'done' | 'in-progress' | 'to-do' | 'not-offered';
  estimatedDate: string | null;
}
export interface JourneyView {
  steps: JourneyStepView[];
  workingDays: number;
  estimatedDate: string;
}

type LooseGet = (path: string, init: { params: { path: Record<string, string> } }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The caller's journey toward `service` (`GET …/me/journeys/{service}`), or null when the service
 * has no earlier step. Called through a widened signature until the client is regenerated.
 */
export async function myJourney(client: { GET: unknown }, tenant: string, service: string): Promise<JourneyView | null> {
  const r = await (client.GET as LooseGet)('/api/v1/tenants/{tenant}/me/journeys/{service}', { params: { path: { tenant, service } } });
  const j = r.data as JourneyView | undefined;
  return j && j.steps.length > 1 ? j : null;
}
