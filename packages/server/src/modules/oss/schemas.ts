import { Type } from 'typebox';
import { Strict, TenantPath, Uuid } from '../../http/schemas.js';

const DateTime = Type.String({ format: 'date-time' });
const Nib = Type.String({ pattern: '^[0-9]{13}$', description: 'Nomor Induk Berusaha: 13 digits, issued by OSS' });

export const ApplicationPath = TenantPath({ id: Uuid });

export const ConnectionBody = Strict({
  enabled: Type.Boolean({ description: 'false: nothing is looked up or pushed (pushes wait, counted as pending)' }),
  endpoint: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300, description: 'OSS K/L/D base URL: production https://api-prd.oss.go.id/v1/kl/rba, staging https://api-stg.oss.go.id/stg/v1/kl/rba' }),
  userKey: Type.Optional(Type.String({ minLength: 8, maxLength: 500, description: 'The `user_key` issued to this system by the OSS agency. Write-only, stored encrypted; left out keeps the stored one' })),
  kdInstansi: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9]{1,10}$' }), Type.Null()], { description: 'IZINSTATUS.kd_instansi as the OSS agency assigned it' })),
  signer: Type.Optional(
    Type.Union([Strict({ name: Type.String({ minLength: 2, maxLength: 50 }), nip: Type.String({ maxLength: 25 }), position: Type.String({ minLength: 2, maxLength: 150 }) }), Type.Null()], {
      description: 'Who signs the final permits pushed with receiveLicense (nama_ttd, nip_ttd, jabatan_ttd), e.g. the head of the DPMPTSP',
    }),
  ),
  inbound: Type.Optional(
    Type.Union([Strict({ username: Type.String({ minLength: 3, maxLength: 100 }), password: Type.Optional(Type.String({ minLength: 12, maxLength: 200, description: 'Write-only, stored encrypted; left out keeps the stored one' })) }), Type.Null()], {
      description: 'The HTTP Basic credentials OSS uses when it pushes receiveNIB to this tenant (null: receiveNIB refused)',
    }),
  ),
});

export const Connection = Type.Object({
  configured: Type.Boolean(),
  enabled: Type.Boolean(),
  sandbox: Type.Boolean({ description: 'A sandbox tenant never calls OSS: lookups are refused and pushes skipped' }),
  piaVersion: Type.String({ description: 'The OSS PIA version the adapter speaks' }),
  endpoint: Type.Union([Type.String(), Type.Null()]),
  userKeySet: Type.Boolean(),
  kdInstansi: Type.Union([Type.String(), Type.Null()]),
  signer: Type.Union([Type.Object({ name: Type.String(), nip: Type.String(), position: Type.String() }), Type.Null()]),
  inbound: Type.Union([Type.Object({ url: Type.String(), username: Type.String(), passwordSet: Type.Boolean() }), Type.Null()]),
  lastSuccessAt: Type.Union([DateTime, Type.Null()]),
  lastErrorAt: Type.Union([DateTime, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  pending: Type.Integer({ description: 'Pushes waiting (including retries)' }),
  failed: Type.Integer({ description: 'Pushes OSS refused for good' }),
  sent: Type.Integer(),
  inboxPending: Type.Integer({ description: 'receiveNIB checklists not yet handled' }),
});

export const LookupBody = Strict({
  nib: Nib,
  idProyek: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Which of the business’s projects (data_proyek.id_proyek) this application is for; default the first' })),
});

const Push = Type.Object({
  seq: Type.Integer(),
  method: Type.Enum(['receiveLicenseStatus', 'receiveLicense']),
  kdStatus: Type.String({ description: 'PIA Lampiran 10 code (41 SLA paused, 42 resumed, 50 approved, 90 rejected, …)' }),
  status: Type.Enum(['pending', 'sent', 'failed', 'skipped']),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
});

export const OssLink = Type.Object({
  applicationId: Uuid,
  nib: Type.String(),
  ossId: Type.Union([Type.String(), Type.Null()]),
  idProyek: Type.Union([Type.String(), Type.Null()]),
  idIzin: Type.Union([Type.String(), Type.Null()]),
  kdIzin: Type.Union([Type.String(), Type.Null()]),
  kbli: Type.Array(Type.String(), { description: 'KBLI 2020 codes of the business’s projects (the chosen project first)' }),
  skalaUsaha: Type.Union([Type.String(), Type.Null()], { description: 'Lampiran 31: 01 Mikro, 02 Kecil, 03 Menengah, 04 Besar' }),
  skalaResiko: Type.Union([Type.String(), Type.Null()], { description: 'R, MR, MT, T (PP 28/2025)' }),
  kdDaerah: Type.Union([Type.String(), Type.Null()]),
  namaPerseroan: Type.Union([Type.String(), Type.Null()]),
  permitNumber: Type.Union([Type.String(), Type.Null()]),
  lookedUpAt: DateTime,
  pushes: Type.Array(Push),
});

export const LookupResult = Type.Object({
  filled: Type.Array(Type.String(), { description: 'The form fields the lookup filled' }),
  version: Type.Integer({ description: 'The draft’s new version (its ETag)' }),
  oss: OssLink,
});

export const ReceiveNibAck = Type.Object({
  responreceiveNIB: Type.Object({ status: Type.Enum(['1', '2']), keterangan: Type.String() }),
});

export const InboxItem = Type.Object({
  id: Uuid,
  nib: Type.String(),
  ossId: Type.String(),
  idIzin: Type.String(),
  kdIzin: Type.Union([Type.String(), Type.Null()]),
  namaPerseroan: Type.Union([Type.String(), Type.Null()]),
  checklist: Type.Array(Type.Object({ idIzin: Type.String(), kdIzin: Type.String(), namaIzin: Type.Union([Type.String(), Type.Null()]) })),
  receivedAt: DateTime,
  status: Type.Enum(['pending', 'done']),
});
export const InboxList = Type.Object({ items: Type.Array(InboxItem) });
