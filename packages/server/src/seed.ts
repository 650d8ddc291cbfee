import type { MppStatus } from '@satupintu/core';
import type { TenantService } from './modules/tenants/service.js';

/**
 * The first five regencies and the role model, as the news reports place them (domain.md §0).
 * Java and Bengkulu go to id-jakarta/id-batam by proximity; Kalimantan Tengah to id-batam.
 */
export const FIRST_TENANTS: { code: string; slug: string; homeRegion: string; mppStatus: MppStatus }[] = [
  { code: '32.17', slug: 'kab-bandung-barat', homeRegion: 'id-jakarta', mppStatus: 'launched' },
  { code: '62.02', slug: 'kab-kotawaringin-timur', homeRegion: 'id-batam', mppStatus: 'operating' },
  { code: '62.03', slug: 'kab-kapuas', homeRegion: 'id-batam', mppStatus: 'preparing' },
  { code: '17.07', slug: 'kab-lebong', homeRegion: 'id-batam', mppStatus: 'operating' },
  { code: '62.01', slug: 'kab-kotawaringin-barat', homeRegion: 'id-batam', mppStatus: 'inaugurated' },
  { code: '32.71', slug: 'kota-bogor', homeRegion: 'id-jakarta', mppStatus: 'operating' },
];

/** Creates whichever of the first tenants is missing; regions not configured fall back to `fallbackRegion`. */
export async function seedTenants(tenants: TenantService, regionIds: string[], fallbackRegion: string): Promise<string[]> {
  const existing = new Set((await tenants.list()).map((t) => t.code));
  const created: string[] = [];
  for (const t of FIRST_TENANTS) {
    if (existing.has(t.code)) continue;
    const homeRegion = regionIds.includes(t.homeRegion) ? t.homeRegion : fallbackRegion;
    await tenants.create({ ...t, homeRegion }, 'seed');
    created.push(t.slug);
  }
  return created;
}
