import type { Kernel, Module } from '../../kernel.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import { journeyRoutes } from './routes.js';
import { JourneyService } from './service.js';

export { JourneyService, prefillFrom } from './service.js';

/** Journeys across agencies: their ETA in hari kerja, and one applicant profile shared with consent (issue 23, part sla). */
export function journeysModule(k: Kernel, deps: { installations: InstallationService; calendar: CalendarService }): Module & { service: JourneyService } {
  const service = new JourneyService(k.uow, deps.installations, deps.calendar);
  return { name: 'journeys', service, routes: (api) => journeyRoutes(api, service) };
}
