import Type from 'typebox';
import { MPP_STATUSES } from '@satupintu/core';
import { ServiceId, Strict, TenantPath } from '../../http/schemas.js';
import { DECREE_KINDS } from './queries.js';

/** A calendar date (format only: one error per bad value). */
const Day = (description: string) => Type.String({ format: 'date', description });
/** Free text that is not blank. */
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });
const AgencyCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Agency code as in plugins, e.g. dukcapil' });

export const AgencyPath = TenantPath({ agency: AgencyCode });
export const StandardPath = TenantPath({ service: ServiceId });

export const LifecycleBody = Strict({
  to: Type.Enum([...MPP_STATUSES], { description: 'Target status' }),
  on: Type.Optional(Day('Effective date (tenant-local); today when absent')),
  note: Type.Optional(Text(1000, 'Why (required to move back)')),
});

export const AgencyBody = Strict({
  name: Text(200, 'Agency name as in the MoU'),
  mouNumber: Text(120, 'MoU / perjanjian kerja sama number'),
  mouSignedOn: Day('Date signed'),
  plannedServices: Type.Integer({ minimum: 0, maximum: 1000, description: 'Services the agency will offer at the MPP' }),
});

export const MaklumatBody = Strict({
  text: Text(5000, 'Pernyataan kesanggupan dan kewajiban'),
  signedBy: Text(200, 'Signed by (name and office)'),
  signedOn: Day('Date signed'),
});

export const DecreeBody = Strict({
  kind: Type.Enum([...DECREE_KINDS], { description: 'What the decree sets' }),
  number: Text(120, 'Decree number, e.g. 060.1/KP/2024'),
  signedOn: Day('Date signed'),
  title: Text(500, 'Title'),
});

export const StandardBody = Strict({
  skNumber: Text(120, 'Number of the decree setting the standard'),
  skDate: Day('Date of the decree'),
});

export const AdoptBody = Strict({
  plugins: Type.Optional(Type.Array(AgencyCode, { maxItems: 100, uniqueItems: true, description: 'Plugins to take (default: every one behind or missing)' })),
});
