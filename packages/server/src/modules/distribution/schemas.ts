import Type from 'typebox';
import { Strict } from '../../http/schemas.js';

const PluginId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id, e.g. imigrasi' });
const AgencyCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Agency code, e.g. imigrasi, bpn, dukcapil' });
const Version = Type.String({ description: 'A published version (semver)' });
const Policy = Type.Enum(['manual', 'patch', 'minor']);
const DateTime = Type.String({ format: 'date-time' });

export const DistributionPath = Type.Object({ plugin: PluginId });
export const AgencyPath = Type.Object({ agency: AgencyCode });
export const AgencyRegionsQuery = Strict({
  period: Type.Optional(
    Type.String({ pattern: '^\\d{4}-(Q[1-4]|0[1-9]|1[0-2])$', description: 'A quarter (`2026-Q4`) or a month (`2026-11`); default: the current quarter (Asia/Jakarta). Weeks count by their Monday.' }),
  ),
});

export const DistributionSchema = Type.Object(
  {
    plugin: PluginId,
    agency: AgencyCode,
    latest: Version,
    asOf: DateTime,
    totals: Type.Object(
      {
        tenants: Type.Integer({ minimum: 0, description: 'Tenants (production, not sandboxes) running the plugin' }),
        onLatest: Type.Integer({ minimum: 0 }),
        behind: Type.Integer({ minimum: 0, description: 'Tenants on an older version than `latest`' }),
        held: Type.Integer({ minimum: 0, description: 'Tenants whose automatic upgrade is held back by an overlay' }),
        byPolicy: Type.Object({ manual: Type.Integer(), patch: Type.Integer(), minor: Type.Integer() }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
    versions: Type.Array(Type.Object({ version: Version, tenants: Type.Integer({ minimum: 0 }), behind: Type.Boolean() }, { additionalProperties: false }), { description: 'Versions in use, newest first' }),
    tenants: Type.Array(
      Type.Object(
        {
          tenant: Type.String({ description: 'Tenant slug' }),
          name: Type.String(),
          province: Type.String(),
          region: Type.String(),
          version: Version,
          range: Type.Union([Type.String(), Type.Null()]),
          policy: Policy,
          behind: Type.Boolean(),
          heldVersion: Type.Union([Version, Type.Null()], { description: 'A version the policy admits but an overlay holds back' }),
          publishedAt: DateTime,
        },
        { additionalProperties: false },
      ),
      { description: 'Every tenant running the plugin, by Kemendagri code' },
    ),
  },
  { additionalProperties: false, 'x-component': 'VersionDistribution' },
);
export type Distribution = Type.Static<typeof DistributionSchema>;

const Figures = {
  open: Type.Integer({ minimum: 0, description: 'Applications submitted and not finished now' }),
  overdue: Type.Integer({ minimum: 0, description: 'Of those, past their due time' }),
  completed: Type.Integer({ minimum: 0, description: 'Completed in the period' }),
  completedOnTime: Type.Integer({ minimum: 0 }),
  slaCompliance: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'completedOnTime ÷ completed (null: none completed)' }),
  complaints: Type.Object({ open: Type.Integer({ minimum: 0 }), overdue: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  skm: Type.Object(
    { responses: Type.Integer({ minimum: 0 }), ikm: Type.Union([Type.Number(), Type.Null()]), category: Type.Union([Type.Enum(['A', 'B', 'C', 'D']), Type.Null()]) },
    { additionalProperties: false, description: 'IKM of the period’s SKM answers about the agency’s services (PermenPANRB 14/2017)' },
  ),
};

export const AgencyRegionsSchema = Type.Object(
  {
    agency: AgencyCode,
    period: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }, { additionalProperties: false }),
    asOf: DateTime,
    plugins: Type.Array(Type.Object({ plugin: PluginId, latest: Version }, { additionalProperties: false })),
    totals: Type.Object({ tenants: Type.Integer({ minimum: 0 }), ...Figures }, { additionalProperties: false }),
    tenants: Type.Array(
      Type.Object(
        {
          tenant: Type.String(),
          name: Type.String(),
          province: Type.String(),
          region: Type.String(),
          plugins: Type.Array(
            Type.Object({ plugin: PluginId, version: Version, behind: Type.Boolean(), policy: Policy, heldVersion: Type.Union([Version, Type.Null()]) }, { additionalProperties: false }),
          ),
          ...Figures,
          publishedAt: DateTime,
        },
        { additionalProperties: false },
      ),
      { description: 'Every tenant running one of the agency’s plugins, the one needing help first (lowest SLA compliance, then most overdue)' },
    ),
  },
  { additionalProperties: false, 'x-component': 'AgencyRegions' },
);
export type AgencyRegions = Type.Static<typeof AgencyRegionsSchema>;
