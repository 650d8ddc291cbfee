import { ok, type RouteTable } from '../../http/routes.js';
import { Page } from '../../pagination.js';
import { regencyNotFound } from './errors.js';
import { regency, regencyPage, type RegionService } from './service.js';
import { RegencyPath, RegencySchema, RegionList, WilayahQuery } from './schemas.js';

const BANDUNG_BARAT = { code: '32.17', name: 'Kabupaten Bandung Barat', provinceCode: '32', provinceName: 'Jawa Barat', timeZone: 'Asia/Jakarta', population: 1_884_194 };

/** Reference data: the platform's regions, and the official regency/city list tenants are created from. */
export function referenceRoutes(api: RouteTable, regions: RegionService): void {
  api.add({
    method: 'get',
    path: '/api/v1/regions',
    operationId: 'listRegions',
    summary: 'Region platform (sel data) / Platform regions (data cells)',
    description: 'Where tenants’ data lives (a database and a bucket per region, in Indonesia). A fixed list of a handful of regions, answered whole, never paged.',
    tags: ['regions'],
    security: { kind: 'public' },
    responses: {
      '200': {
        description: 'Every region, with its tenant count',
        schema: RegionList,
        example: { items: [{ id: 'id-batam', name: 'Batam (Kepulauan Riau)', tenantCount: 71 }, { id: 'id-jakarta', name: 'Jakarta (DKI Jakarta)', tenantCount: 443 }] },
      },
    },
    handler: async () => ok({ items: await regions.list() }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/wilayah',
    operationId: 'listRegencies',
    summary: 'Daftar kabupaten/kota resmi / Official regencies and cities',
    description: 'Kepmendagri 300.2.2-2138/2025 (514 regencies and cities), in code order, paged: walk `next` (or filter by `province`) to read them all.',
    tags: ['reference'],
    security: { kind: 'public' },
    query: WilayahQuery,
    paginated: true,
    responses: { '200': { description: 'One page of regencies and cities', schema: Page(RegencySchema), example: { items: [BANDUNG_BARAT], next: null } } },
    handler: async (_ctx, { query }) => ok(regencyPage(query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/wilayah/:code',
    operationId: 'getRegency',
    summary: 'Satu kabupaten/kota / One regency or city',
    tags: ['reference'],
    security: { kind: 'public' },
    params: RegencyPath,
    responses: { '200': { description: 'The regency or city', schema: RegencySchema, example: BANDUNG_BARAT } },
    errors: [regencyNotFound],
    handler: async (_ctx, { params }) => ok(regency(params.code)),
  });
}
