import type { MppStatus } from '@satupintu/core';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { lintPluginDir, type ServiceOverlay } from '@satupintu/plugin-sdk';
import { PLATFORM_VERSION } from '@satupintu/core';
import type { Services } from './composition.js';
import type { Kernel } from './kernel.js';
import { workContext, type Ctx } from './context.js';
import type { TenantService } from './modules/tenants/index.js';
import type { PluginRegistry } from './modules/plugins/index.js';
import type { InstallationService } from './modules/installations/index.js';
import { seedOnboarding } from './modules/onboarding/index.js';

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
export async function seedTenants(ctx: Ctx, tenants: TenantService, regionIds: string[], fallbackRegion: string): Promise<string[]> {
  const existing = new Set((await tenants.list()).map((t) => t.code));
  const created: string[] = [];
  for (const t of FIRST_TENANTS) {
    if (existing.has(t.code)) continue;
    const homeRegion = regionIds.includes(t.homeRegion) ? t.homeRegion : fallbackRegion;
    // Tenants with a dated history start as proposed; seedOnboarding walks them to their status.
    await tenants.create(ctx, { ...t, homeRegion, mppStatus: SEED_LIFECYCLE[t.slug] ? 'proposed' : t.mppStatus }, 'seed');
    created.push(t.slug);
  }
  return created;
}

/** The repository's `plugins/` folder: the ten agencies' plugins. */
export const PLUGINS_DIR = fileURLToPath(new URL('../../../plugins', import.meta.url));

/** Publishes every plugin folder that lints clean; same content again is a no-op. */
export async function seedPlugins(ctx: Ctx, registry: PluginRegistry, logger: Logger, dir = PLUGINS_DIR): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const published: string[] = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const lint = lintPluginDir(path.join(dir, name), PLATFORM_VERSION);
    if (!lint.ok) {
      logger.warn({ plugin: name, issues: lint.issues.slice(0, 5) }, 'plugin not published: lint failed');
      continue;
    }
    try {
      // Linted just above, from the repository: no lint thread needed (PluginRegistry.publish `trusted`).
      const r = await registry.publish(ctx, lint.manifest, 'seed', { trusted: true });
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
export async function seedInstallations(k: Kernel, tenants: TenantService, registry: PluginRegistry, installs: InstallationService, logger: Logger): Promise<string[]> {
  const available = new Map((await registry.list()).map((p) => [p.id, p.latest]));
  const done: string[] = [];
  for (const [slug, plan] of Object.entries(SEED_INSTALLATIONS)) {
    const t = await tenants.directory.find(slug);
    if (!t) continue;
    const ctx = workContext({ clock: k.clock, log: logger, route: 'seed', tenant: t });
    if ((await installs.list(ctx)).length > 0) continue;
    for (const plugin of plan.plugins) {
      const version = available.get(plugin);
      if (!version) continue;
      await installs.install(ctx, plugin, version, 'seed');
      for (const [service, overlay] of Object.entries(plan.overlays?.[plugin] ?? {})) {
        try {
          await installs.setOverlay(ctx, plugin, service, overlay, 'seed');
        } catch (err) {
          logger.warn({ tenant: slug, plugin, service, err }, 'seed overlay refused');
        }
      }
      done.push(`${slug}:${plugin}`);
    }
  }
  return done;
}

/**
 * The lifecycle as the news reports date it (domain.md §0); only dates the sources give. A stage
 * a source does not date is skipped (a forward move may skip), so no commitment date is invented.
 */
export const SEED_LIFECYCLE: Record<string, { to: MppStatus; on: string; note: string }[]> = {
  'kab-bandung-barat': [{ to: 'launched', on: '2023-03-16', note: 'Diluncurkan Bupati KBB / launched by the Bupati' }],
  'kab-kotawaringin-timur': [
    { to: 'launched', on: '2023-01-07', note: 'Dibuka Wakil Gubernur Kalteng, Jl. MT Haryono, Sampit' },
    { to: 'inaugurated', on: '2023-09-26', note: 'Diresmikan MenPAN-RB (angkatan 12 MPP); percontohan MPP Digital' },
    { to: 'operating', on: '2023-09-26', note: 'Beroperasi sejak peresmian / operating since the inauguration' },
  ],
  'kab-kapuas': [{ to: 'preparing', on: '2024-09-01', note: 'Rapat koordinasi dengan 21 instansi (September 2024)' }],
  'kab-lebong': [
    { to: 'committed', on: '2021-03-09', note: 'Komitmen dengan MenPAN-RB ditandatangani; 1 tahun untuk beroperasi' },
    { to: 'inaugurated', on: '2023-03-16', note: 'MPP Perigo Agung diresmikan MenPAN-RB' },
    { to: 'operating', on: '2023-03-16', note: 'Beroperasi sejak peresmian / operating since the inauguration' },
  ],
  'kab-kotawaringin-barat': [
    { to: 'preparing', on: '2022-03-09', note: 'Kaji tiru ke MPP Kota Bogor atas rekomendasi KemenPAN-RB' },
    { to: 'inaugurated', on: '2024-12-12', note: 'Diresmikan KemenPAN-RB' },
  ],
};

/** Content the seed gives Kota Bogor's services where the regency writes the component (onboarding's seed uses it). */
export const MANAGEMENT_TEXT = {
  facilities: { id: 'Gerai pelayanan, ruang tunggu, ruang laktasi, pojok baca, area bermain anak dan toilet ramah disabilitas di gedung MPP.', en: 'Service counter, waiting room, lactation room, reading corner, children’s play area and an accessible toilet in the MPP building.' },
  staffing: { id: 'Petugas gerai sesuai jadwal piket instansi selama jam layanan MPP.', en: 'Counter staff on the agency’s duty roster during MPP opening hours.' },
  competency: { id: 'Petugas telah mengikuti pelatihan pelayanan prima dan penggunaan aplikasi layanan.', en: 'Staff trained in service excellence and in the service application.' },
  supervision: { id: 'Pengawasan oleh atasan langsung dan pengelola MPP (DPMPTSP); evaluasi bulanan.', en: 'Supervision by the direct superior and the MPP manager (DPMPTSP); monthly review.' },
} as const;

/**
 * The demo data of `npm start` (SEED=true): the first regencies and Kota Bogor, the agencies'
 * plugins, realistic installations, and (from modules that own them) onboarding history and
 * sessions. Each step leaves what exists alone, so a restart adds nothing.
 */
export async function seed(k: Kernel, services: Services, logger: Logger): Promise<void> {
  const ctx = workContext({ clock: k.clock, log: logger, route: 'seed' });
  const created = await seedTenants(ctx, services.tenants, k.config.regions.map((r) => r.id), k.config.defaultRegion);
  if (created.length) logger.info({ tenants: created }, 'seeded tenants');
  const published = await seedPlugins(ctx, services.plugins, logger);
  if (published.length) logger.info({ plugins: published }, 'published plugins');
  const installed = await seedInstallations(k, services.tenants, services.plugins, services.installations, logger);
  if (installed.length) logger.info({ count: installed.length }, 'seeded plugin installations');
  await seedOnboarding(k, services, logger);
  // KBB's passport sessions (Tue/Thu, 20 people, from its overlay) for the coming four weeks.
  const kbb = await services.tenants.directory.find('kab-bandung-barat');
  if (kbb)
    for (const service of ['imigrasi.paspor-baru', 'imigrasi.paspor-penggantian', 'imigrasi.paspor-hilang-rusak'])
      await services.appointments.sessions(workContext({ clock: k.clock, log: logger, route: 'seed', tenant: kbb }), service).catch((err: unknown) => logger.warn({ service, err }, 'seed sessions skipped'));
  // [seed]
}
