import Type from 'typebox';
import { Code, LocalDate, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';

/** Free text that is not only blanks. */
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: '\\S' });

export const Kind = Type.Enum(['complaint', 'suggestion', 'information-request']);
export const Category = Type.Enum(['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'], {
  description: 'SP4N-LAPOR! category; sets the answer deadline',
});
export const Status = Type.Enum(['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected']);

export const ComplaintPath = TenantPath({ id: Uuid });
export const AttachmentPath = TenantPath({ id: Uuid, attachment: Uuid });
export const DeliveryPath = TenantPath({ delivery: Uuid });

export const FileComplaintBody = Strict({
  kind: Kind,
  category: Type.Optional(Category),
  subject: Type.Union([
    Strict({ type: Type.Literal('tenant') }),
    Strict({ type: Type.Literal('service'), service: ServiceId }),
    Strict({ type: Type.Literal('application'), applicationId: Uuid }),
  ]),
  title: Text(5, 200),
  body: Text(10, 5000),
  anonymous: Type.Optional(Type.Boolean({ description: 'Hide the complainant from the agency (the coordinator still sees them)' })),
  confidential: Type.Optional(Type.Boolean({ description: 'Content must not be published' })),
  location: Type.Optional(Type.String({ maxLength: 300 })),
  incidentDate: Type.Optional(LocalDate),
  complainant: Type.Optional(
    Strict({
      name: Text(2, 120),
      phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{8,15}$' })),
      email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
      nik: Type.Optional(Type.String({ pattern: '^\\d{16}$' })),
    }),
  ),
});

export const ListComplaintsQuery = Strict({ status: Type.Optional(Status), overdue: Type.Optional(Type.Boolean()) });
export const PeriodQuery = Strict({ from: LocalDate, to: LocalDate });
export const ExportQuery = Strict({ from: LocalDate, to: LocalDate, format: Type.Optional(Type.Enum(['jsonl', 'csv'], { default: 'jsonl' })) });

export const VerifyBody = Strict({
  decision: Type.Enum(['forward', 'handle', 'reject']),
  agency: Type.Optional(Code),
  category: Type.Optional(Category),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const MessageBody = Strict({ body: Text(1, 5000), internal: Type.Optional(Type.Boolean()) });
export const AnswerBody = Strict({ body: Text(10, 10000) });
export const RatingBody = Strict({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) });
export const ReopenBody = Strict({ reason: Text(10, 2000) });
export const LaporBody = Strict({
  trackingId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9#-]{3,40}$' })),
  syncStatus: Type.Enum(['pending', 'synced', 'failed']),
  error: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const UploadQuery = Strict({ filename: Type.Optional(Type.String({ maxLength: 200 })) });

export const WebhookBody = Strict({
  url: Type.String({ minLength: 8, maxLength: 2000 }),
  active: Type.Optional(Type.Boolean()),
  maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  rotateSecret: Type.Optional(Type.Boolean()),
});
export const DeliveriesQuery = Strict({ status: Type.Optional(Type.Enum(['pending', 'delivered', 'dead'])), complaint: Type.Optional(Uuid) });
export const DownloadLink = Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
