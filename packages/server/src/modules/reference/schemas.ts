import Type from 'typebox';
import { Strict } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

export const RegionSchema = Type.Object(
  {
    id: Type.String({ description: 'Region id, e.g. id-jakarta' }),
    name: Type.String({ description: 'Display name' }),
    tenantCount: Type.Integer({ minimum: 0, description: 'Tenants whose home region it is' }),
  },
  { additionalProperties: false, 'x-component': 'PlatformRegion' },
);

export const RegionList = Type.Object(
  { items: Type.Array(RegionSchema, { description: 'Every region the platform runs (a handful of data cells)' }) },
  { additionalProperties: false, 'x-component': 'PlatformRegionList' },
);

export const RegencySchema = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}$', description: 'Kemendagri code, e.g. 32.17' }),
    name: Type.String({ description: 'e.g. Kabupaten Bandung Barat' }),
    provinceCode: Type.String({ pattern: '^[0-9]{2}$' }),
    provinceName: Type.String(),
    timeZone: Type.String({ description: 'IANA zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura' }),
    population: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, 'x-component': 'Regency' },
);

export const WilayahQuery = Strict({
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Only the regencies and cities of this province, e.g. 62' })),
  ...PageParams,
});
export const RegencyPath = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}$', description: 'Kemendagri regency/city code, e.g. 32.17' }) });

export type RegencyView = Type.Static<typeof RegencySchema>;
export type RegionView = Type.Static<typeof RegionSchema>;
