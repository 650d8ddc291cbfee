import type { Localized } from '../types.js';

/**
 * Issue 23 (sla): the event the service clock waits for (`sla.startsOn`), while it waits. Read
 * through a widened type until the client is regenerated from the OpenAPI document.
 */
export function slaStart(sla: object): { event: Localized; message: Localized } | null {
  const s = sla as { startsOn?: { event: Localized; message: Localized } | null; startedAt?: string | null };
  return s.startsOn && !s.startedAt ? s.startsOn : null;
}
