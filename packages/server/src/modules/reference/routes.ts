import Type from 'typebox';
import { NotFoundError, findRegency, listRegencies } from '@satupintu/core';
import { ok, type RouteTable } from '../../http/routes.js';
import type { RegionService } from './service.js';
import { RegencyPath, RegencySchema, RegionSchema, WilayahQuery } from './schemas.js';

/** Reference data: the platform's regions, and the official regency/city list tenants are created from. */
export function referenceRoutes(api: RouteTable, regions: RegionService): void {
  api.add({
    method: 'get',
    path: '/api/v1/regions',
    operationId: 'listRegions',
    summary: 'Region platform (sel data) / Platform regions (data cells)',
    tags: ['regions'],
    security: { kind: 'public' },
    responses: { '200': { description: 'Regions with their tenant counts', schema: Type.Object({ items: Type.Array(RegionSchema) }) } },
    handler: async () => ok({ items: await regions.list() }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/wilayah',
    operationId: 'listRegencies',
    summary: 'Daftar kabupaten/kota resmi / Official regencies and cities',
    description: 'Kepmendagri 300.2.2-2138/2025.',
    tags: ['reference'],
    security: { kind: 'public' },
    query: WilayahQuery,
    responses: { '200': { description: '514 regencies/cities', schema: Type.Object({ items: Type.Array(RegencySchema) }) } },
    handler: async (_ctx, { query }) => {
      const items = listRegencies().filter((r) => !query.province || r.provinceCode === query.province);
      return ok({ items: items.map(({ level: _level, ...r }) => r) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/wilayah/:code',
    operationId: 'getRegency',
    summary: 'Satu kabupaten/kota / One regency or city',
    tags: ['reference'],
    security: { kind: 'public' },
    params: RegencyPath,
    responses: { '200': { description: 'The regency', schema: RegencySchema }, '404': { description: 'REGENCY_NOT_FOUND' } },
    handler: async (_ctx, { params }) => {
      const r = findRegency(params.code);
      if (!r) throw new NotFoundError({ code: 'REGENCY_NOT_FOUND', title: { id: 'Kabupaten/kota tidak ditemukan', en: 'Regency/city not found' } });
      const { level: _level, ...rest } = r;
      return ok(rest);
    },
  });
}
