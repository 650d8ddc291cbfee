import type { Logger } from 'pino';
import type { Tenant } from '@satupintu/core';
import type { ServiceOverlay } from '@satupintu/plugin-sdk';
import { workContext } from '../../context.js';
import type { Kernel } from '../../kernel.js';
import { MANAGEMENT_TEXT, SEED_LIFECYCLE } from '../../seed.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OnboardingService } from './service.js';

const MAKLUMAT =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';

/**
 * The onboarding part of the demo data: the first tenants walked through their dated history
 * (SEED_LIFECYCLE), and Kota Bogor made a complete role model (a counter and the regency
 * components on every service, an MoU per agency, an establishment decree, the maklumat, every
 * complete standard published). Leaves whatever exists alone, so a restart adds nothing.
 */
export async function seedOnboarding(
  k: Kernel,
  s: { tenants: TenantService; installations: InstallationService; plugins: PluginRegistry; onboarding: OnboardingService },
  logger: Logger,
): Promise<void> {
  const ctxOf = (tenant: Tenant) => workContext({ clock: k.clock, log: logger, route: 'seed', tenant });
  for (const [slug, moves] of Object.entries(SEED_LIFECYCLE)) {
    let t = await s.tenants.directory.find(slug);
    // Only tenants the seed just created (still proposed, no move yet): a data directory from an
    // older version, or a tenant an admin has moved on, is left as it is.
    if (!t || t.mppStatus !== 'proposed' || (await s.onboarding.history(ctxOf(t))).length > 1) continue;
    try {
      for (const m of moves) t = await s.onboarding.move(ctxOf(t), m, 'seed');
    } catch (err) {
      logger.warn({ tenant: slug, err }, 'seed lifecycle not applied');
    }
  }

  const bogor = await s.tenants.directory.find('kota-bogor');
  if (!bogor) return;
  const ctx = ctxOf(bogor);
  if (await s.onboarding.maklumat(ctx)) return;
  let n = 1;
  for (const i of await s.installations.list(ctx)) {
    const { manifest } = await s.plugins.get(i.plugin, i.version);
    for (const svc of manifest.services) {
      const overlay: ServiceOverlay = { ...(i.overlays[svc.code] ?? {}) };
      if (svc.overlayable.includes('counter')) overlay.counter = { name: `Gerai ${manifest.agency.name.id}`, number: String(n) };
      for (const key of ['facilities', 'staffing', 'competency', 'supervision'] as const) if (svc.overlayable.includes(key)) overlay[key] = { text: [MANAGEMENT_TEXT[key]] };
      if (!Object.keys(overlay).length) continue;
      try {
        await s.installations.setOverlay(ctx, i.plugin, svc.code, overlay, 'seed');
      } catch (err) {
        logger.warn({ plugin: i.plugin, service: svc.code, err }, 'seed overlay refused');
      }
    }
    await s.onboarding.setAgency(
      ctx,
      manifest.agency.code,
      { name: manifest.agency.name.id, mouNumber: `MPP-BGR/${String(n).padStart(3, '0')}`, mouSignedOn: '2021-06-01', plannedServices: manifest.services.length },
      'seed',
    );
    n++;
  }
  await s.onboarding.addDecree(ctx, { kind: 'mpp-establishment', number: 'SEED/MPP/2021', signedOn: '2021-06-01', title: 'Penyelenggaraan Mal Pelayanan Publik (data contoh / sample record)' }, 'seed');
  await s.onboarding.setMaklumat(ctx, { text: MAKLUMAT, signedBy: 'Kepala DPMPTSP Kota Bogor', signedOn: '2021-06-01' }, 'seed');
  for (const svc of await s.onboarding.services(ctx))
    if (svc.standardComplete) await s.onboarding.publishStandard(ctx, svc.id, { skNumber: 'SEED/SP/2021', skDate: '2021-06-01' }, 'seed');
}
