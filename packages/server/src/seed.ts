import type { MppStatus } from '@satupintu/core';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { lintPluginDir, type ServiceOverlay } from '@satupintu/plugin-sdk';
import { PLATFORM_VERSION } from '@satupintu/core';
import type { TenantService } from './modules/tenants/service.js';
import type { PluginRegistry } from './modules/plugins/service.js';
import type { InstallationService } from './modules/installations/service.js';

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

/** The repository's `plugins/` folder: the ten agencies' plugins. */
export const PLUGINS_DIR = fileURLToPath(new URL('../../../plugins', import.meta.url));

/** Publishes every plugin folder that lints clean; same content again is a no-op. */
export async function seedPlugins(registry: PluginRegistry, logger: Logger, dir = PLUGINS_DIR): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const published: string[] = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const lint = lintPluginDir(path.join(dir, name), PLATFORM_VERSION);
    if (!lint.ok) {
      logger.warn({ plugin: name, issues: lint.issues.slice(0, 5) }, 'plugin not published: lint failed');
      continue;
    }
    try {
      const r = await registry.publish(lint.manifest, 'seed');
      if (r.created) published.push(`${r.version.pluginId}@${r.version.version}`);
    } catch (err) {
      logger.warn({ plugin: name, err }, 'plugin not published');
    }
  }
  return published;
}

const counter = (n: number, agency: string): ServiceOverlay => ({ counter: { name: `Gerai ${agency}`, number: String(n) } });

/**
 * Realistic installations (domain.md §0): KBB runs most agencies, with Imigrasi's passport sessions on
 * Tuesday and Thursday for 20 people; Kota Bogor (the role model) runs all ten; Lebong a few; Kapuas is
 * preparing with Polres and Disdukcapil for the lost-KTP journey.
 */
export const SEED_INSTALLATIONS: Record<string, { plugins: string[]; overlays?: Record<string, Record<string, ServiceOverlay>> }> = {
  'kab-bandung-barat': {
    plugins: ['dukcapil', 'polri', 'imigrasi', 'bpn', 'djp', 'bpjs-kesehatan', 'bapenda', 'dpmptsp', 'taspen'],
    overlays: {
      imigrasi: Object.fromEntries(
        ['paspor-baru', 'paspor-penggantian', 'paspor-hilang-rusak'].map((s) => [
          s,
          {
            ...counter(7, 'Kantor Imigrasi Bandung'),
            schedule: { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 0.8 },
          } satisfies ServiceOverlay,
        ]),
      ),
      dukcapil: { 'ktpel-penggantian': counter(1, 'Disdukcapil KBB'), 'ktpel-rekam': counter(1, 'Disdukcapil KBB') },
      polri: { sktlk: counter(2, 'Polres Cimahi') },
    },
  },
  'kota-bogor': {
    plugins: ['dukcapil', 'polri', 'imigrasi', 'bpn', 'djp', 'bpjs-kesehatan', 'bpjs-ketenagakerjaan', 'bapenda', 'dpmptsp', 'taspen'],
  },
  'kab-kotawaringin-timur': { plugins: ['dukcapil', 'polri', 'bpn', 'djp', 'dpmptsp'] },
  'kab-lebong': { plugins: ['dukcapil', 'polri', 'bpjs-kesehatan'] },
  'kab-kotawaringin-barat': { plugins: ['dukcapil', 'bapenda', 'bpjs-kesehatan'] },
  'kab-kapuas': { plugins: ['dukcapil', 'polri'], overlays: { polri: { sktlk: counter(3, 'Polres Kapuas') } } },
};

/** Installs the seed plugins' latest versions into tenants that have no installation yet. */
export async function seedInstallations(tenants: TenantService, registry: PluginRegistry, installs: InstallationService, logger: Logger): Promise<string[]> {
  const available = new Map((await registry.list()).map((p) => [p.id, p.latest]));
  const done: string[] = [];
  for (const [slug, plan] of Object.entries(SEED_INSTALLATIONS)) {
    const t = await tenants.findBySlug(slug);
    if (!t || (await installs.list(t)).length > 0) continue;
    for (const plugin of plan.plugins) {
      const version = available.get(plugin);
      if (!version) continue;
      await installs.install(t, plugin, version, 'seed');
      for (const [service, overlay] of Object.entries(plan.overlays?.[plugin] ?? {})) {
        try {
          await installs.setOverlay(t, plugin, service, overlay, 'seed');
        } catch (err) {
          logger.warn({ tenant: slug, plugin, service, err }, 'seed overlay refused');
        }
      }
      done.push(`${slug}:${plugin}`);
    }
  }
  return done;
}
