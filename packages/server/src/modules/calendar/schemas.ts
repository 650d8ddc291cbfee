import Type from 'typebox';
import { LocalDate, Localized, Strict, TenantPath } from '../../http/schemas.js';

export const HolidayKind = Type.Enum(['national', 'cuti-bersama']);
export const HolidaysQuery = Strict({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
export const HolidayPath = Type.Object({ date: LocalDate });
export const HolidayBody = Strict({ kind: HolidayKind, name: Localized(), decree: Type.String({ minLength: 3, maxLength: 300 }) });
export const DeleteHolidayQuery = Strict({ kind: HolidayKind });
export const ClosurePath = TenantPath({ date: LocalDate });
export const ClosureBody = Strict({ reason: Localized() });
export const Holiday = Type.Object({ date: Type.String(), kind: HolidayKind, name: Localized(), decree: Type.String() });
