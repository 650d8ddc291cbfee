import type { Kernel, Module } from '../../kernel.js';
import type { JobSpec } from '../../jobs/spec.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import type { ApplicationService } from '../applications/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { ossRoutes } from './routes.js';
import { OSS_PUSH_JOB, OSS_SWEEP_JOB, OssService } from './service.js';

export { OssService, OSS_PUSH_JOB, OSS_SWEEP_JOB, kdDaerahOf, prefill } from './service.js';

export interface OssModule extends Module {
  service: OssService;
}

/**
 * OSS-RBA (issue 24, docs/oss.md, ADR 0039). Jobs: `oss.push` (one tenant's due pushes; woken after
 * each commit that queued one, and at each retry's time), `oss.sweep` (every minute: whatever a
 * lost wake-up or a dead worker left).
 */
export function ossModule(k: Kernel, deps: { registry: PluginRegistry; applications: ApplicationService; tenants: TenantService; keyring?: DataKeyring }): OssModule {
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  const service = new OssService({ uow: k.uow, jobs: k.jobs, registry: deps.registry, apps: deps.applications, tenants: deps.tenants, keyring, publicUrl: k.config.publicUrl ?? '', env: k.config.env });
  const jobs: JobSpec[] = [
    {
      name: OSS_PUSH_JOB,
      run: async (job, data: { region: string; tenantId?: string }) => {
        const ctx = data.tenantId ? await service.jobContext(job, data.region, data.tenantId) : undefined;
        return ctx ? service.push(ctx) : 'skipped';
      },
    },
    { name: OSS_SWEEP_JOB, cron: '* * * * *', run: (job, { region }) => service.sweepRegion(job, region), forTenant: (ctx) => service.push(ctx) },
  ];
  return { name: 'oss', service, routes: (api) => ossRoutes(api, service), jobs };
}
