import Type from 'typebox';
import { Code, LocalDate, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { PROFILE } from './ikm.js';

export const ApplicationInvitationPath = TenantPath({ application: Uuid });
export const FollowUpPath = TenantPath({ id: Uuid });
export const AgencyPath = Type.Object({ agency: Code });

export const PeriodQuery = Strict({ from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) });
export const TenantIkmQuery = Strict({ from: Type.Optional(LocalDate), to: Type.Optional(LocalDate), agency: Type.Optional(Code), service: Type.Optional(ServiceId) });
export const FollowUpsQuery = Strict({ status: Type.Optional(Type.Enum(['open', 'closed'])) });

const Score = Type.Integer({ minimum: 1, maximum: 4 });
export const AnswerBody = Strict({
  invitation: Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$' }),
  answers: Strict({ U1: Score, U2: Score, U3: Score, U4: Score, U5: Score, U6: Score, U7: Score, U8: Score, U9: Score }),
  profile: Strict({ sex: Type.Enum(PROFILE.sex), ageBand: Type.Enum(PROFILE.ageBand), education: Type.Enum(PROFILE.education), occupation: Type.Enum(PROFILE.occupation) }),
  suggestion: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const OpenFollowUpsBody = Strict({ from: LocalDate, to: LocalDate });
export const CloseFollowUpBody = Strict({ plan: Type.Optional(Type.String({ maxLength: 2000 })), result: Type.String({ minLength: 5, maxLength: 4000 }) });

export const Answer = Type.Object({ id: Uuid, recordedOn: Type.String(), replayed: Type.Boolean() });
