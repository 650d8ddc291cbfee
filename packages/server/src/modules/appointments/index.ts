import type { Kernel, Module } from '../../kernel.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import { appointmentRoutes } from './routes.js';
import { AppointmentService } from './service.js';
import { SoldOutSessions } from './sold-out.js';
import { DEFAULT_APPOINTMENT_LIMITS, type AppointmentLimits } from './bookings.js';

export { AppointmentService } from './service.js';
export { DEFAULT_APPOINTMENT_LIMITS, type AppointmentLimits, type BookInput } from './bookings.js';
export type { SessionView, BookingView } from './view.js';
export { planSessions, sessionWindow, type PlannedSession } from './schedule.js';

/**
 * Sessions from the regency's schedule, bookings with exact capacity, counter queues. `options`:
 * how many active bookings still to come one person may hold per tenant (default 3; one per
 * service per day is fixed).
 */
export function appointmentsModule(
  k: Kernel,
  deps: { installations: InstallationService; calendar: CalendarService },
  options: Partial<AppointmentLimits> = {},
): Module & { service: AppointmentService } {
  const soldOut = new SoldOutSessions();
  k.onChange((c) => soldOut.heard(c));
  const limits: AppointmentLimits = { ...DEFAULT_APPOINTMENT_LIMITS, ...options };
  if (!Number.isInteger(limits.maxActiveBookings) || limits.maxActiveBookings < 1) throw new Error(`appointments: maxActiveBookings must be a whole number ≥ 1, not ${limits.maxActiveBookings}`);
  const service = new AppointmentService({ uow: k.uow, events: k.events, installations: deps.installations, calendar: deps.calendar }, soldOut, limits);
  return { name: 'appointments', service, routes: (api) => appointmentRoutes(api, service) };
}
