import Type from 'typebox';
import { AnyObject, Strict, TenantPath } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

export const AuditPath = TenantPath();
export const AuditQuery = Strict({ ...PageParams });

export const AuditEvent = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    at: Type.String({ format: 'date-time', description: 'When the change committed' }),
    actor: Type.String({ description: 'Username of the staff member (or `system` for jobs)' }),
    action: Type.String({ description: 'What was done, e.g. tenant.settings, skm.followup.closed' }),
    subject: Type.Union([Type.String(), Type.Null()], { description: 'What it was done to, e.g. `tenant:<id>`, `skm-followup:<id>`' }),
    data: AnyObject('What changed, as the module recorded it (its members depend on `action`)'),
  },
  { additionalProperties: false, 'x-component': 'AuditEvent' },
);

export type AuditEventView = Type.Static<typeof AuditEvent>;
