import Type from 'typebox';
import { SLUG_PATTERN } from '@satupintu/core';

/** Schema pieces every module uses; TypeBox builds JSON Schema and the TypeScript type from one definition. */
export const TenantSlug = Type.String({ pattern: SLUG_PATTERN, maxLength: 63, description: 'Tenant slug, e.g. kab-bandung-barat' });
export const Uuid = Type.String({ format: 'uuid' });
export const Code = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' });
export const ServiceId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$', description: 'plugin.service, e.g. dukcapil.ktpel-penggantian' });
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'YYYY-MM-DD' });
export const Localized = (min = 2, max = 200) =>
  Type.Object({ id: Type.String({ minLength: min, maxLength: max }), en: Type.String({ minLength: min, maxLength: max }) }, { additionalProperties: false });

/** Path parameters of a tenant's route, plus the route's own. */
export const TenantPath = <P extends Type.TProperties>(extra?: P) => Type.Object({ tenant: TenantSlug, ...(extra ?? ({} as P)) });
/** Form data and other free-form objects: keys and values as the plugin's own schema checks them. */
export const AnyObject = (description?: string) => Type.Record(Type.String(), Type.Unknown(), description ? { description } : {});
/** An object that refuses unknown members (every request body and query). */
export const Strict = <P extends Type.TProperties>(props: P) => Type.Object(props, { additionalProperties: false });
