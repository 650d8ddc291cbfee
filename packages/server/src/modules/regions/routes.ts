import type { ApiRegistry } from '../../api.js';
import type { RegionService } from './service.js';

export function regionRoutes(api: ApiRegistry, regions: RegionService): void {
  api.add({
    method: 'get',
    path: '/api/v1/regions',
    operationId: 'listRegions',
    summary: 'Region platform (sel data) / Platform regions (data cells)',
    tags: ['regions'],
    security: { kind: 'public' },
    responses: {
      '200': {
        description: 'Regions with their tenant counts',
        schema: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, tenantCount: { type: 'integer' } } },
            },
          },
        },
      },
    },
    handler: async (_req, res) => {
      res.json({ items: await regions.list() });
    },
  });
}
