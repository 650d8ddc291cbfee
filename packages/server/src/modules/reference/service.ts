import { findRegency, listRegencies, type Regency, type SatupintuConfig } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { regencyNotFound } from './errors.js';
import { regionQueries } from './queries.js';
import type { RegencyView, RegionView } from './schemas.js';

// Display names of the regions we know; any other region id is shown as it is.
const REGION_NAMES: Record<string, string> = {
  'id-jakarta': 'Jakarta (DKI Jakarta)',
  'id-batam': 'Batam (Kepulauan Riau)',
};

const regencyView = ({ code, name, provinceCode, provinceName, timeZone, population }: Regency): RegencyView => ({ code, name, provinceCode, provinceName, timeZone, population });

/** The official regency/city list, sorted by code once (it ships with the code and never changes at run time). */
let byCode: Regency[] | undefined;
const regencies = () => (byCode ??= [...listRegencies()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));

/** The platform's regions (data cells), as configured and recorded in the control plane. */
export class RegionService {
  constructor(
    private readonly control: Sql,
    private readonly config: Pick<SatupintuConfig, 'regions'>,
  ) {}

  /** Records the configured regions in the control plane (idempotent, at every start). */
  async sync(): Promise<void> {
    for (const r of this.config.regions) await regionQueries.upsert(this.control, { id: r.id, name: REGION_NAMES[r.id] ?? r.id, bucket: r.bucket });
  }

  /** Every region (a handful: the list is answered whole). */
  async list(): Promise<RegionView[]> {
    return (await regionQueries.list(this.control)).map((r) => ({ id: r.id, name: r.name, tenantCount: r.tenant_count }));
  }
}

/** One page of the official regency/city list (Kepmendagri 300.2.2-2138/2025) in code order, optionally of one province. */
export function regencyPage(query: { province?: string; limit?: number; cursor?: string }): PageOf<RegencyView> {
  const req = pageRequest<[string]>(query, 1);
  const after = req.after?.[0];
  const rows: Regency[] = [];
  for (const r of regencies()) {
    if (query.province && r.provinceCode !== query.province) continue;
    if (after !== undefined && r.code <= after) continue;
    rows.push(r);
    if (rows.length > req.limit) break;
  }
  return pageOf(rows, req, (r) => [r.code], regencyView);
}

/** One regency or city by its code; REGENCY_NOT_FOUND when there is none. */
export function regency(code: string): RegencyView {
  const r = findRegency(code);
  if (!r) throw regencyNotFound(code);
  return regencyView(r);
}
