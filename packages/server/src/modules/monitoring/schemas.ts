import Type from 'typebox';
import { MPP_STATUSES } from '@satupintu/core';
import { Strict, TenantPath, TenantSlug } from '../../http/schemas.js';

const Region = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 63, description: 'Only tenants of this home region' });
const Weeks = Type.Integer({ minimum: 1, maximum: 104, default: 12, description: 'Number of weeks up to this one' });

/** Filters and alert thresholds of the cockpit, the alerts and the tenant CSV (defaults in docs/monitoring.md). */
export const CockpitQuery = Strict({
  region: Type.Optional(Region),
  status: Type.Optional(Type.Enum([...MPP_STATUSES], { description: 'Only tenants in this status' })),
  noOnlineDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Alert after this many days without an online application since launch (default 14)' })),
  slaMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Alert when SLA compliance is under this share (default 0.8)' })),
  slaMinCompleted: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'Only when at least this many completed in the window (default 10)' })),
  windowWeeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, description: 'Window of the figures in weeks (default 4)' })),
  deadlineWarnDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Warn this many days before an unmet deadline (default 60)' })),
});

export const WeeklyQuery = Strict({ weeks: Type.Optional(Weeks), tenant: Type.Optional(TenantSlug), region: Type.Optional(Region) });
export const IndicatorsPath = TenantPath();
export const IndicatorsQuery = Strict({ weeks: Type.Optional(Weeks) });
export const DEFAULT_WEEKS = 12;

// ---- responses: aggregates only ------------------------------------------------------------
// Every object is closed (additionalProperties: false), so the members listed here are all a
// national answer can hold; monitoring/national.unit.test.ts checks none can carry personal data.

const closed = { additionalProperties: false } as const;
const Share = (description: string) => Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: `${description}; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by` });
const Day = (description: string) => Type.Union([Type.String({ format: 'date' }), Type.Null()], { description });
const Count = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });
const Status = Type.Enum([...MPP_STATUSES]);
const Localized = Type.Object({ id: Type.String(), en: Type.String() }, closed);

const Channels = Type.Object({ online: Count(), assisted: Count(), counter: Count(), total: Count() }, { ...closed, description: 'Applications submitted in the window, by channel' });

/** One tenant's row of the cockpit: the regency itself (public directory data) and its published aggregates. */
export const CockpitTenant = Type.Object(
  {
    slug: TenantSlug,
    code: Type.String({ description: 'Kemendagri regency/city code' }),
    name: Type.String({ description: 'Regency/city name (Kemendagri)' }),
    provinceCode: Type.String(),
    provinceName: Type.String(),
    homeRegion: Type.String(),
    population: Count(),
    mppStatus: Status,
    committedOn: Day('Commitment signed with KemenPAN-RB'),
    deadline: Day('Commitment deadline (a year after signing)'),
    daysToDeadline: Type.Union([Type.Integer(), Type.Null()], { description: 'Days from the tenant’s local today to the deadline; negative once passed' }),
    launchedOn: Day('Launch date'),
    inauguratedOn: Day('Inauguration date'),
    servicesLive: Count('Services with a published standar pelayanan'),
    servicesPlanned: Count(),
    servicesInstalled: Count(),
    onboardingProgress: Share('Onboarding checklist done'),
    applications: Channels,
    onlineShare: Share('Online and assisted applications over all'),
    selfServiceShare: Share('Online (self-service) applications over all'),
    completed: Count('Completed in the window'),
    slaCompliance: Share('Completed on time over completed'),
    overdue: Count('Open applications past their due time now'),
    openApplications: Count(),
    appointmentUtilization: Share('Booked over capacity'),
    attendance: Share('Checked in over booked'),
    lastOnlineAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the last online application arrived' }),
    complaints: Type.Object({ open: Count(), overdue: Count() }, { ...closed, description: 'Complaints open now, and those past their current deadline' }),
    skm: Type.Object(
      { responses: Count(), ikm: Type.Union([Type.Number(), Type.Null()]), category: Type.Union([Type.Enum(['A', 'B', 'C', 'D']), Type.Null()]) },
      { ...closed, description: 'SKM over the window: respondents and the IKM (PermenPANRB 14/2017, equal weights)' },
    ),
    rollupAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the tenant’s region last published it; null before the first rollup' }),
  },
  { ...closed, 'x-component': 'CockpitTenant' },
);

export const AlertKind = Type.Enum(['no-online-uptake', 'deadline-passed', 'deadline-near', 'sla-below-threshold']);

export const MonitoringAlert = Type.Object(
  {
    kind: AlertKind,
    severity: Type.Enum(['critical', 'warning']),
    tenant: TenantSlug,
    name: Type.String({ description: 'Regency/city name of the tenant (Kemendagri)' }),
    since: Day('Since when (launch, last online application or deadline)'),
    days: Type.Union([Type.Integer(), Type.Null()]),
    value: Type.Union([Type.Number(), Type.Null()]),
    threshold: Type.Union([Type.Number(), Type.Null()]),
    message: Localized,
  },
  { ...closed, 'x-component': 'MonitoringAlert' },
);

export const MonitoringWeek = Type.Object(
  {
    weekStart: Type.String({ format: 'date', description: 'Monday of the ISO week (Asia/Jakarta calendar)' }),
    online: Count(),
    assisted: Count(),
    counter: Count(),
    total: Count(),
    onlineShare: Share('Online and assisted over all'),
    completed: Count(),
    completedOnTime: Count(),
    slaCompliance: Share('Completed on time over completed'),
    sessionsCapacity: Count(),
    sessionsBooked: Count(),
    sessionsCheckedIn: Count(),
    utilization: Share('Booked over capacity'),
  },
  { ...closed, 'x-component': 'MonitoringWeek' },
);

const Thresholds = Type.Object(
  { noOnlineDays: Type.Integer(), slaMin: Type.Number(), slaMinCompleted: Type.Integer(), windowWeeks: Type.Integer(), deadlineWarnDays: Type.Integer() },
  { ...closed, description: 'The alert thresholds applied (defaults with the query’s overrides)' },
);
const Window = Type.Object({ from: Type.String({ format: 'date', description: 'Monday of the window’s first week' }), weeks: Type.Integer({ minimum: 1 }) }, closed);

export const CockpitTotals = Type.Object(
  {
    tenants: Count(),
    byStatus: Type.Object(
      {
        proposed: Type.Optional(Count()),
        committed: Type.Optional(Count()),
        preparing: Type.Optional(Count()),
        trial: Type.Optional(Count()),
        launched: Type.Optional(Count()),
        inaugurated: Type.Optional(Count()),
        operating: Type.Optional(Count()),
      },
      { ...closed, description: 'Tenants per MPP status (statuses with none are left out)' },
    ),
    servicesLive: Count(),
    servicesPlanned: Count(),
    applications: Channels,
    onlineShare: Share('Online and assisted over all, weighted by volume'),
    completed: Count(),
    slaCompliance: Share('Completed on time over completed, weighted by volume'),
    overdue: Count(),
    complaints: Type.Object({ open: Count(), overdue: Count() }, closed),
    skmResponses: Count(),
  },
  { ...closed, description: 'National totals: sums over the tenants shown; shares are ratios of the sums' },
);

export const NationalCockpit = Type.Object(
  {
    asOf: Type.String({ format: 'date-time', description: 'The instant every figure and alert was computed at' }),
    window: Window,
    thresholds: Thresholds,
    totals: CockpitTotals,
    tenants: Type.Array(CockpitTenant, { description: 'Every tenant matching the filters (at most one per regency/city: 514), in code order; never cut' }),
    alerts: Type.Array(MonitoringAlert, { description: 'Every alert of those tenants (at most two per tenant), critical first' }),
  },
  { ...closed, 'x-component': 'NationalCockpit' },
);

export const NationalAlerts = Type.Object(
  { asOf: Type.String({ format: 'date-time' }), items: Type.Array(MonitoringAlert, { description: 'Every alert (at most two per tenant), critical first, then by days, then by tenant' }) },
  { ...closed, 'x-component': 'NationalAlerts' },
);

export const NationalWeekly = Type.Object(
  {
    tenant: Type.Union([TenantSlug, Type.Null()], { description: 'The tenant asked for, if any' }),
    region: Type.Union([Type.String(), Type.Null()], { description: 'The region asked for, if any' }),
    items: Type.Array(MonitoringWeek, { description: 'One point per week, oldest first, every week present (at most 104)' }),
  },
  { ...closed, 'x-component': 'NationalWeekly' },
);

export const TenantIndicatorsReport = Type.Object(
  {
    asOf: Type.String({ format: 'date-time' }),
    indicators: CockpitTenant,
    alerts: Type.Array(MonitoringAlert),
    weekly: Type.Array(MonitoringWeek, { description: 'One point per week, oldest first' }),
  },
  { ...closed, 'x-component': 'TenantIndicatorsReport' },
);

export type TenantIndicators = Type.Static<typeof CockpitTenant>;
export type Alert = Type.Static<typeof MonitoringAlert>;
export type AlertKind = Type.Static<typeof AlertKind>;
export type WeekPoint = Type.Static<typeof MonitoringWeek>;
export type CockpitTotalsView = Type.Static<typeof CockpitTotals>;
export type NationalCockpitView = Type.Static<typeof NationalCockpit>;
export type TenantIndicatorsView = Type.Static<typeof TenantIndicatorsReport>;
