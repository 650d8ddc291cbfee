import type { SatupintuConfig } from '@satupintu/core';
import { RegionEntity, type Databases } from '@satupintu/db';

// Display names of the regions we know; any other region id is shown as it is.
const REGION_NAMES: Record<string, string> = {
  'id-jakarta': 'Jakarta (DKI Jakarta)',
  'id-batam': 'Batam (Kepulauan Riau)',
};

export class RegionService {
  constructor(
    private readonly dbs: Databases,
    private readonly config: SatupintuConfig,
  ) {}

  /** Records the configured regions in the control plane (idempotent, at every start). */
  async sync(): Promise<void> {
    const repo = this.dbs.control.getRepository(RegionEntity);
    for (const r of this.config.regions) {
      await repo.upsert({ id: r.id, name: REGION_NAMES[r.id] ?? r.id, bucket: r.bucket }, ['id']);
    }
  }

  async list(): Promise<{ id: string; name: string; tenantCount: number }[]> {
    const rows: { id: string; name: string; tenant_count: string }[] = await this.dbs.control.query(
      `select r.id, r.name, count(t.id) as tenant_count
         from regions r left join tenants t on t.home_region = r.id
        group by r.id, r.name order by r.id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, tenantCount: Number(r.tenant_count) }));
  }
}
