import type { Kernel, Module } from '../../kernel.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import { appointmentRoutes } from './routes.js';
import { AppointmentService } from './service.js';
import { SoldOutSessions } from './sold-out.js';

export { AppointmentService } from './service.js';
export type { BookInput } from './bookings.js';
export type { SessionView, BookingView } from './view.js';
export { planSessions, sessionWindow, type PlannedSession } from './schedule.js';

/** Sessions from the regency's schedule, bookings with exact capacity, counter queues. */
export function appointmentsModule(k: Kernel, deps: { installations: InstallationService; calendar: CalendarService }): Module & { service: AppointmentService } {
  const soldOut = new SoldOutSessions();
  k.onChange((c) => soldOut.heard(c));
  const service = new AppointmentService({ uow: k.uow, installations: deps.installations, calendar: deps.calendar }, soldOut);
  return { name: 'appointments', service, routes: (api) => appointmentRoutes(api, service) };
}
