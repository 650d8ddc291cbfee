import Type from 'typebox';
import { LocalDate, Localized, Strict, TenantPath } from '../../http/schemas.js';

export const HolidayKind = Type.Enum(['national', 'cuti-bersama'], { description: '`national` (libur nasional) or `cuti-bersama` (collective leave, SKB 3 Menteri)' });
export const HolidaysQuery = Strict({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Only this year' })) });
export const HolidayPath = Type.Object({ date: LocalDate });
export const HolidayBody = Strict({ kind: HolidayKind, name: Localized(), decree: Type.String({ minLength: 3, maxLength: 300, description: 'The decree that sets it, e.g. SKB 3 Menteri 2026' }) });
export const DeleteHolidayQuery = Strict({ kind: HolidayKind });
export const ClosurePath = TenantPath({ date: LocalDate });
export const ClosureBody = Strict({ reason: Localized() });

const Text = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false });

export const Holiday = Type.Object(
  { date: Type.String({ format: 'date' }), kind: HolidayKind, name: Text, decree: Type.String() },
  { additionalProperties: false, 'x-component': 'Holiday' },
);
export const HolidayList = Type.Object(
  { items: Type.Array(Holiday, { description: 'Every holiday and cuti bersama (of the year asked), by date' }) },
  { additionalProperties: false, 'x-component': 'HolidayList' },
);
export const Closure = Type.Object(
  { date: Type.String({ format: 'date' }), reason: Text },
  { additionalProperties: false, 'x-component': 'TenantClosure' },
);

export type HolidayView = Type.Static<typeof Holiday>;
export type ClosureView = Type.Static<typeof Closure>;
