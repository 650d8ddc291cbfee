import { NotFoundError, findRegency, listRegencies } from '@satupintu/core';
import type { ApiRegistry } from '../../api.js';

const regencySchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    provinceCode: { type: 'string' },
    provinceName: { type: 'string' },
    timeZone: { type: 'string' },
    population: { type: 'integer' },
  },
};

/** The official regency/city list (Kepmendagri 300.2.2-2138/2025) tenants are created from. */
export function wilayahRoutes(api: ApiRegistry): void {
  api.add({
    method: 'get',
    path: '/api/v1/wilayah',
    operationId: 'listRegencies',
    summary: 'Daftar kabupaten/kota resmi / Official regencies and cities',
    tags: ['reference'],
    security: { kind: 'public' },
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { province: { type: 'string', pattern: '^[0-9]{2}$', description: 'Province code, e.g. 62' } },
    },
    responses: { '200': { description: '514 regencies/cities', schema: { type: 'object', properties: { items: { type: 'array', items: regencySchema } } } } },
    handler: async (_req, res) => {
      const { province } = res.locals.query as { province?: string };
      const items = listRegencies().filter((r) => !province || r.provinceCode === province);
      res.json({ items: items.map(({ level: _level, ...r }) => r) });
    },
  });
  api.add({
    method: 'get',
    path: '/api/v1/wilayah/:code',
    operationId: 'getRegency',
    summary: 'Satu kabupaten/kota / One regency or city',
    tags: ['reference'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[0-9]{2}\\.[0-9]{2}$' } } },
    responses: { '200': { description: 'The regency', schema: regencySchema }, '404': { description: 'REGENCY_NOT_FOUND' } },
    handler: async (req, res) => {
      const r = findRegency(req.params.code as string);
      if (!r)
        throw new NotFoundError({
          code: 'REGENCY_NOT_FOUND',
          title: { id: 'Kabupaten/kota tidak ditemukan', en: 'Regency/city not found' },
        });
      const { level: _level, ...rest } = r;
      res.json(rest);
    },
  });
}
