import type { SatupintuConfig } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import { regionQueries } from './queries.js';

// Display names of the regions we know; any other region id is shown as it is.
const REGION_NAMES: Record<string, string> = {
  'id-jakarta': 'Jakarta (DKI Jakarta)',
  'id-batam': 'Batam (Kepulauan Riau)',
};

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

  async list(): Promise<{ id: string; name: string; tenantCount: number }[]> {
    return (await regionQueries.list(this.control)).map((r) => ({ id: r.id, name: r.name, tenantCount: r.tenant_count }));
  }
}
