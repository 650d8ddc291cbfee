import type { Kernel, Module } from '../../kernel.js';
import { calendarRoutes } from './routes.js';
import { CalendarService } from './service.js';

export { CalendarService, RECOMPUTE_DUES_JOB } from './service.js';

/** Hari kerja: national holidays, cuti bersama and tenant closures, in memory until they change. */
export function calendarModule(k: Kernel): Module & { service: CalendarService } {
  const service = new CalendarService(k.uow, k.control, k.jobs, k.config.regions.map((r) => r.id));
  k.onChange((c) => service.heard(c));
  return { name: 'calendar', service, routes: (api) => calendarRoutes(api, service) };
}
