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
