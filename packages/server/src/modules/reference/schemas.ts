import Type from 'typebox';
import { Strict } from '../../http/schemas.js';

export const RegionSchema = Type.Object({ id: Type.String(), name: Type.String(), tenantCount: Type.Integer() });

export const RegencySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  provinceCode: Type.String(),
  provinceName: Type.String(),
  timeZone: Type.String(),
  population: Type.Integer(),
});

export const WilayahQuery = Strict({ province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Province code, e.g. 62' })) });
export const RegencyPath = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}$' }) });
