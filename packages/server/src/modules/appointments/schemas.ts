import Type from 'typebox';
import { LocalDate, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';

export const ServiceSessionsPath = TenantPath({ service: ServiceId });
export const SessionPath = TenantPath({ session: Uuid });
export const BookingPath = TenantPath({ booking: Uuid });
export const CounterPath = TenantPath({ counter: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }) });

export const SessionsQuery = Strict({ from: Type.Optional(LocalDate), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) });
export const UtilizationQuery = Strict({ from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) });

export const BookBody = Strict({
  applicationId: Type.Optional(Uuid),
  walkIn: Type.Optional(Strict({ name: Type.String({ minLength: 2, maxLength: 120 }), nik: Type.String({ pattern: '^\\d{16}$' }) })),
});
export const RescheduleBody = Strict({ sessionId: Uuid });
export const CancelSessionBody = Strict({ reason: Type.String({ minLength: 3, maxLength: 500 }) });

export const Session = Type.Object({
  id: Uuid,
  service: Type.String(),
  date: Type.String(),
  start: Type.String(),
  end: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  capacity: Type.Integer(),
  onlineCapacity: Type.Integer(),
  walkInCapacity: Type.Integer(),
  booked: Type.Integer(),
  onlineSeatsLeft: Type.Integer(),
  status: Type.Enum(['open', 'cancelled']),
  holiday: Type.Union([Type.String(), Type.Null()]),
});
export const Booking = Type.Object({ id: Uuid, session: Session, channel: Type.Enum(['online', 'walk-in']), status: Type.Literal('booked') });
