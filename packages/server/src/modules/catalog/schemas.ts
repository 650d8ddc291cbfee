import Type from 'typebox';
import { AnyObject, ServiceId, Strict, TenantPath } from '../../http/schemas.js';

export const CatalogQuery = Strict({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Search in names, summaries and keywords' })),
  category: Type.Optional(Type.Enum(['perizinan', 'non-perizinan'])),
  agency: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' })),
});
export const ServicePath = TenantPath({ service: ServiceId });
/** Form data, validated against the installed version's own JSON Schema. */
export const FormData = AnyObject('Form data');
