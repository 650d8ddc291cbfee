import Type from 'typebox';
import { LocalDate, Strict, TenantPath, TenantSlug } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

// Every object is closed: the members listed are all a Monev answer can hold — aggregates,
// public decree numbers and dates, never a person.
const closed = { additionalProperties: false } as const;
const Localized = Type.Object({ id: Type.String(), en: Type.String() }, closed);
const Period = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }, closed);

export const AlertKind = Type.Enum(['lowest-in-region', 'no-online-after-launch']);
export const AlertIndicator = Type.Enum(['online-share', 'sla-compliance', 'ikm', 'online-applications']);

export const EvaluateBody = Strict({
  from: LocalDate,
  to: LocalDate,
  noOnlineWeeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 26, description: 'Weeks from the launch week inspected by no-online-after-launch (default 2)' })),
  maxOnline: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'At most this many online applications in the window counts as none (default 0)' })),
  minPeers: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, description: 'Tenants of a province with a figure needed before one is called the lowest (default 2)' })),
});

const alertFilters = {
  status: Type.Optional(Type.Enum(['raised', 'cleared'], { description: 'Only raised or only cleared alerts' })),
  kind: Type.Optional(AlertKind),
  from: Type.Optional(Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only alerts whose period ends on or after this day' })),
  to: Type.Optional(Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only alerts whose period starts on or before this day' })),
  ...PageParams,
};
export const NationalAlertsQuery = Strict({ ...alertFilters, province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Kemendagri province code, e.g. 62' })) });
export const TenantAlertsQuery = Strict(alertFilters);
export const TenantMonevPath = TenantPath();
export const EvidenceQuery = Strict({
  from: Type.Optional(Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day (default 1 January of `to`’s year)' })),
  to: Type.Optional(Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day, inclusive (default today); at most 366 days after `from`' })),
});

export const MonevAlert = Type.Object(
  {
    tenant: TenantSlug,
    name: Type.String({ description: 'Regency/city name' }),
    kind: AlertKind,
    indicator: AlertIndicator,
    period: Period,
    provinceCode: Type.String(),
    status: Type.Enum(['raised', 'cleared']),
    value: Type.Union([Type.Number(), Type.Null()], { description: 'The tenant’s value: a share 0–1, an IKM 25–100, or a count of online applications' }),
    threshold: Type.Union([Type.Number(), Type.Null()], { description: 'lowest-in-region: the next value up in the province; no-online-after-launch: the most online applications that count as none' }),
    peers: Type.Integer({ minimum: 0, description: 'Tenants of the province with a figure (lowest-in-region)' }),
    detail: Type.Object(
      {
        provinceName: Type.Optional(Type.String()),
        best: Type.Optional(Type.Number()),
        next: Type.Optional(Type.Number()),
        median: Type.Optional(Type.Number()),
        launchedOn: Type.Optional(Type.String({ format: 'date' })),
        weeks: Type.Optional(Type.Integer()),
        weeksPublished: Type.Optional(Type.Integer({ description: 'Weeks of the window with published figures' })),
      },
      closed,
    ),
    message: Localized,
    raisedAt: Type.String({ format: 'date-time' }),
    clearedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    evaluatedAt: Type.String({ format: 'date-time' }),
  },
  { ...closed, 'x-component': 'MonevAlert' },
);

export const MonevEvaluation = Type.Object(
  {
    period: Period,
    options: Type.Object({ noOnlineWeeks: Type.Integer(), maxOnline: Type.Integer(), minPeers: Type.Integer() }, closed),
    raised: Type.Integer({ minimum: 0, description: 'Alerts raised by this evaluation that were not raised before' }),
    kept: Type.Integer({ minimum: 0, description: 'Alerts already raised and raised again (unchanged)' }),
    cleared: Type.Integer({ minimum: 0, description: 'Alerts raised before that no longer hold' }),
    items: Type.Array(MonevAlert, { description: 'Every alert this evaluation holds raised (at most one per tenant and indicator, plus launch windows): bounded' }),
  },
  { ...closed, 'x-component': 'MonevEvaluation' },
);

export const EvidenceStatus = Type.Enum(['met', 'partly', 'missing']);

export const EvidenceItem = Type.Object(
  {
    key: Type.String(),
    name: Localized,
    basis: Type.String({ description: 'The rule or regulation the indicator follows' }),
    status: EvidenceStatus,
    source: Type.String({ description: 'Where on the platform the evidence comes from' }),
    evidence: Type.Array(Type.Object({ label: Localized, value: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]) }, closed)),
    note: Localized,
  },
  { ...closed, 'x-component': 'MonevEvidenceItem' },
);

export const EvidencePack = Type.Object(
  {
    tenant: Type.Object({ slug: TenantSlug, name: Type.String(), code: Type.String(), provinceCode: Type.String(), provinceName: Type.String(), mppStatus: Type.String() }, closed),
    period: Period,
    generatedAt: Type.String({ format: 'date-time' }),
    instrument: Type.String({ description: 'What the indicators are drawn from' }),
    summary: Type.Object({ met: Type.Integer(), partly: Type.Integer(), missing: Type.Integer() }, closed),
    indicators: Type.Array(EvidenceItem),
    alerts: Type.Array(MonevAlert, { description: 'Monev alerts raised over the period' }),
  },
  { ...closed, 'x-component': 'MonevEvidencePack' },
);

export type MonevAlertView = Type.Static<typeof MonevAlert>;
export type MonevEvaluationView = Type.Static<typeof MonevEvaluation>;
export type EvidenceItemView = Type.Static<typeof EvidenceItem>;
export type EvidencePackView = Type.Static<typeof EvidencePack>;
export type EvidenceStatusValue = Type.Static<typeof EvidenceStatus>;
