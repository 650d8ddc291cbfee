import Type from 'typebox';
import { LocalDate, Strict, TenantPath, TenantSlug, Uuid } from '../../http/schemas.js';
import { IMPORT_FORMATS, IMPORT_KINDS, MAX_ROWS } from './formats.js';

const Closed = <P extends Type.TProperties>(props: P, options: Record<string, unknown> = {}) => Type.Object(props, { additionalProperties: false, ...options });
const Text = Closed({ id: Type.String(), en: Type.String() });
const Kind = Type.Enum([...IMPORT_KINDS], { description: 'applications, visits, complaints or skm (docs/onboarding.md lists the columns of each)' });
const Format = Type.Enum([...IMPORT_FORMATS]);
const Source = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,62}$', description: 'The system the file comes from (e.g. antrean-2023): ids are unique within one system, so files of two systems numbering from 1 never collide. Use the same value when importing the same system again.' });
const DateTime = Type.String({ format: 'date-time' });
const Grain = Type.Enum(['day', 'week', 'month'], { description: 'Period: day, ISO week (Monday) or month (default week)' });

export const ImportsPath = TenantPath();
export const ImportBatchPath = TenantPath({ batch: Uuid });
export const ImportBody = Strict({
  kind: Kind,
  format: Format,
  data: Type.Union([Type.String({ minLength: 1, description: 'csv: the file as text (UTF-8, header row, comma or semicolon)' }), Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: MAX_ROWS, description: 'json: the rows' }), Type.Record(Type.String(), Type.Unknown(), { description: 'json: an export { "rows": [...] }' })]),
  dryRun: Type.Optional(Type.Boolean({ description: 'Validate and count only; nothing is stored (default false)' })),
  source: Type.Optional(Source),
});

const Rejection = Closed({ row: Type.Integer({ minimum: 1, description: 'Data row of the file, 1 = the first after the header' }), field: Type.String(), reason: Text }, { 'x-component': 'ImportRejection' });

export const ImportReport = Closed(
  {
    batch: Type.Union([Uuid, Type.Null()], { description: 'The batch the rows were stored under (null in a dry run)' }),
    kind: Kind,
    format: Format,
    source: Type.Union([Source, Type.Null()]),
    dryRun: Type.Boolean(),
    rows: Type.Integer({ minimum: 0 }),
    accepted: Type.Integer({ minimum: 0, description: 'Rows stored now (in a dry run: that would be stored)' }),
    rejected: Type.Integer({ minimum: 0 }),
    alreadyImported: Type.Integer({ minimum: 0, description: 'Valid rows already stored by an earlier batch (or repeated in this file): skipped' }),
    earliest: Type.Union([LocalDate, Type.Null()]),
    latest: Type.Union([LocalDate, Type.Null()]),
    personalColumnsDropped: Type.Array(Type.String(), { description: 'Columns naming a person (nik, nama, …): read past, never stored' }),
    ignoredColumns: Type.Array(Type.String()),
    notices: Type.Array(Text),
    rejections: Type.Array(Rejection, { description: 'Each refused row with its column and reason (the first 1,000)' }),
  },
  { 'x-component': 'ImportReport' },
);

export const ImportBatch = Closed(
  {
    id: Uuid,
    kind: Kind,
    format: Format,
    source: Type.Union([Source, Type.Null()]),
    fileSha256: Type.String(),
    rows: Type.Integer(),
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    alreadyImported: Type.Integer(),
    personalColumnsDropped: Type.Array(Type.String()),
    earliest: Type.Union([LocalDate, Type.Null()]),
    latest: Type.Union([LocalDate, Type.Null()]),
    importedBy: Type.String(),
    importedAt: DateTime,
    publishedAt: Type.Union([DateTime, Type.Null()], { description: 'When the national rollup published the batch’s weeks (again after a revert)' }),
    revertedBy: Type.Union([Type.String(), Type.Null()]),
    revertedAt: Type.Union([DateTime, Type.Null()], { description: 'When the batch was taken back out (its rows deleted)' }),
  },
  { 'x-component': 'ImportBatch' },
);
export const ImportBatchList = Closed({ items: Type.Array(ImportBatch) }, { 'x-component': 'ImportBatchList' });

const periodMembers = { from: LocalDate, to: LocalDate, by: Type.Optional(Grain) };
export const VisitsPath = TenantPath();
export const VisitsQuery = Strict(periodMembers);
export const NationalVisitsQuery = Strict({ ...periodMembers, region: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$' })), tenant: Type.Optional(TenantSlug) });

export const TenantVisits = Closed(
  {
    tenant: TenantSlug,
    from: LocalDate,
    to: LocalDate,
    by: Grain,
    total: Type.Integer(),
    items: Type.Array(Closed({ period: LocalDate, agency: Type.String(), walkIn: Type.Integer(), booked: Type.Integer(), total: Type.Integer() })),
  },
  { 'x-component': 'TenantVisits' },
);
export const NationalVisits = Closed(
  {
    from: LocalDate,
    to: LocalDate,
    by: Grain,
    region: Type.Union([Type.String(), Type.Null()]),
    tenant: Type.Union([TenantSlug, Type.Null()]),
    total: Type.Integer(),
    items: Type.Array(Closed({ tenant: TenantSlug, period: LocalDate, walkIn: Type.Integer(), booked: Type.Integer(), total: Type.Integer() })),
  },
  { 'x-component': 'NationalVisits' },
);
