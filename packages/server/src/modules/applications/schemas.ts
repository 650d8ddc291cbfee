import Type from 'typebox';
import { AnyObject, Code, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';

export const ApplicationPath = TenantPath({ id: Uuid });
export const DocumentPath = TenantPath({ id: Uuid, code: Code });
export const DocumentDownloadPath = TenantPath({ id: Uuid, document: Uuid });
export const OutputDownloadPath = TenantPath({ id: Uuid, output: Code });
export const ActionPath = TenantPath({ id: Uuid, action: Code });
export const QueuePath = TenantPath({ agency: Code });

export const StatusEnum = Type.Enum(['draft', 'submitted', 'completed', 'rejected', 'withdrawn']);

export const CreateApplicationBody = Strict({
  service: ServiceId,
  data: Type.Optional(AnyObject('Form data (validated against the installed version on submit)')),
  submit: Type.Optional(Type.Boolean({ default: false })),
  applicant: Type.Optional(
    Strict({
      nik: Type.String({ pattern: '^\\d{16}$' }),
      name: Type.String({ minLength: 2, maxLength: 120 }),
      phone: Type.Optional(Type.String({ maxLength: 20 })),
    }),
  ),
  consent: Type.Optional(
    Strict({
      statement: Type.String({ minLength: 10, maxLength: 1000 }),
      method: Type.Enum(['signed-form', 'verbal', 'whatsapp', 'app']),
    }),
  ),
});

export const ListApplicationsQuery = Strict({ status: Type.Optional(StatusEnum) });
export const UpdateDraftBody = Strict({ data: AnyObject('Form data') });
export const UploadQuery = Strict({ filename: Type.Optional(Type.String({ maxLength: 200 })) });
export const JourneyBody = Strict({ trackingCode: Type.String({ minLength: 8, maxLength: 12 }) });
export const ActionBody = Strict({ comment: Type.Optional(Type.String({ maxLength: 2000 })), expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) });
export const ClaimBody = Strict({ release: Type.Optional(Type.Boolean({ default: false })) });
export const QueueQuery = Strict({ state: Type.Optional(Type.String({ maxLength: 63 })), mine: Type.Optional(Type.Boolean()) });
export const DownloadLink = Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
