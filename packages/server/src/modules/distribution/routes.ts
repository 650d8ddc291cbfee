import { ok, type RouteTable } from '../../http/routes.js';
import { pluginNotFound } from '../plugins/errors.js';
import { agencyNotFound, notPublisherOfPlugin } from './errors.js';
import type { Fleet } from './service.js';
import { AgencyPath, AgencyRegionsQuery, AgencyRegionsSchema, DistributionPath, DistributionSchema } from './schemas.js';

const NATIONAL = ['ministry-analyst', 'platform-admin'] as const;

export function distributionRoutes(api: RouteTable, fleet: Fleet): void {
  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin/distribution',
    operationId: 'getPluginDistribution',
    summary: 'Sebaran versi plugin di semua tenant / A plugin’s versions across tenants',
    description:
      'Which version each tenant runs, how many run each version, who is behind the latest (pre-releases aside), each tenant’s pin and auto-upgrade policy, and upgrades held back by an overlay. For the publishing agency’s publishers (their own plugins: else 403 AGENCY_NOT_ALLOWED), the ministry’s analysts and platform admins. Tenant names only, no personal data; sandbox tenants are left out. Read from what each region publishes every five minutes and after each publication (`publishedAt`).',
    tags: ['plugins'],
    security: { kind: 'roles', roles: ['agency-publisher', ...NATIONAL] },
    params: DistributionPath,
    responses: {
      '200': {
        description: 'The distribution',
        schema: DistributionSchema,
        example: {
          plugin: 'imigrasi',
          agency: 'imigrasi',
          latest: '1.1.0',
          asOf: '2026-12-07T03:00:00.000Z',
          totals: { tenants: 2, onLatest: 1, behind: 1, held: 1, byPolicy: { manual: 0, patch: 1, minor: 1 } },
          versions: [
            { version: '1.1.0', tenants: 1, behind: false },
            { version: '1.0.0', tenants: 1, behind: true },
          ],
          tenants: [
            { tenant: 'kab-bandung-barat', name: 'Kabupaten Bandung Barat', province: 'Jawa Barat', region: 'id-jakarta', version: '1.1.0', range: null, policy: 'minor', behind: false, heldVersion: null, publishedAt: '2026-12-07T02:55:00.000Z' },
            { tenant: 'kab-lebong', name: 'Kabupaten Lebong', province: 'Bengkulu', region: 'id-batam', version: '1.0.0', range: '1.x', policy: 'patch', behind: true, heldVersion: '1.0.1', publishedAt: '2026-12-07T02:55:00.000Z' },
          ],
        },
      },
    },
    errors: [pluginNotFound, notPublisherOfPlugin],
    handler: async (ctx, { params }) => {
      const national = ctx.identity.roles.some((r) => (NATIONAL as readonly string[]).includes(r));
      if (!national) {
        const agency = await fleet.agencyOf(params.plugin);
        if (!ctx.identity.memberships.some((m) => m.role === 'agency-publisher' && m.agency === agency)) throw notPublisherOfPlugin(params.plugin, agency);
      }
      return ok(await fleet.distribution(ctx, params.plugin));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/agencies/:agency/regions',
    operationId: 'getAgencyRegions',
    summary: 'Layanan instansi di setiap daerah / An agency’s services in every regency',
    description:
      'For a vertical agency (Imigrasi, BPN, Dukcapil…): per tenant running one of its plugins, its services’ SLA compliance and completions in the period, open and overdue applications now, open and overdue complaints about them, the IKM of their SKM answers in the period, and the plugin version each tenant runs. The tenant needing help first (lowest SLA compliance, then most overdue). Aggregates only — counts, ratios, versions and tenant names, never a person or a free text — gathered from every region through the control plane (as the national cockpit). Sandbox tenants are left out. For the agency’s publishers, the ministry’s analysts and platform admins.',
    tags: ['monitoring'],
    security: { kind: 'roles', roles: ['agency-publisher', ...NATIONAL], agencyParam: 'agency' },
    params: AgencyPath,
    query: AgencyRegionsQuery,
    responses: {
      '200': {
        description: 'The agency’s services per tenant',
        schema: AgencyRegionsSchema,
        example: {
          agency: 'imigrasi',
          period: { from: '2026-10-01', to: '2026-12-31' },
          asOf: '2026-12-07T03:00:00.000Z',
          plugins: [{ plugin: 'imigrasi', latest: '1.1.0' }],
          totals: { tenants: 1, open: 14, overdue: 3, completed: 120, completedOnTime: 96, slaCompliance: 0.8, complaints: { open: 2, overdue: 1 }, skm: { responses: 40, ikm: 82.5, category: 'B' } },
          tenants: [
            {
              tenant: 'kab-lebong',
              name: 'Kabupaten Lebong',
              province: 'Bengkulu',
              region: 'id-batam',
              plugins: [{ plugin: 'imigrasi', version: '1.0.0', behind: true, policy: 'manual', heldVersion: null }],
              open: 14,
              overdue: 3,
              completed: 120,
              completedOnTime: 96,
              slaCompliance: 0.8,
              complaints: { open: 2, overdue: 1 },
              skm: { responses: 40, ikm: 82.5, category: 'B' },
              publishedAt: '2026-12-07T02:55:00.000Z',
            },
          ],
        },
      },
    },
    errors: [agencyNotFound],
    handler: async (ctx, { params, query }) => ok(await fleet.agencyRegions(ctx, params.agency, query.period)),
  });
}
