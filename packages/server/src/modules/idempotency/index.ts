import { tenantNow } from '../../context.js';
import { IDEMPOTENCY_TTL_MS, purgeIdempotency, type TenantTx } from '@satupintu/db';
import type { Kernel, Module } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';

export const IDEMPOTENCY_PURGE_JOB = 'idempotency-purge';

/**
 * Idempotency records answer retries for 24 hours, then go: every hour each region forgets its
 * tenants' old records (and what modules keep beside their rows, like an application's create key), and the
 * first region's pass also clears the control plane's.
 */
export function idempotencyModule(k: Kernel, ports: { tenants: TenantService; forget?: readonly ((tx: TenantTx, before: Date) => Promise<void>)[] }): Module {
  return {
    name: 'idempotency',
    jobs: [
      {
        name: IDEMPOTENCY_PURGE_JOB,
        cron: '17 * * * *',
        run: async (job) => {
          let purged = 0;
          for (const tenant of await ports.tenants.list({ region: job.region })) {
            // Keys age on the tenant's clock (a sandbox's own: ADR 0031).
            const now = tenantNow(job.now, tenant);
            purged += await k.uow.write({ tenant, now, log: job.log }, async (tx) => {
              const n = await purgeIdempotency(tx.sql, 'tenant_idempotency', now);
              // Modules that keep a key with their own rows (an application's create key) forget it too.
              for (const forget of ports.forget ?? []) await forget(tx, new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
              return n;
            });
          }
          if (job.region === k.config.regions[0]?.id) purged += await k.uow.control({ now: job.now, log: job.log }, (tx) => purgeIdempotency(tx.sql, 'idempotency_records', job.now));
          if (purged) job.log.info({ purged }, 'idempotency records purged');
          return { purged };
        },
      },
    ],
  };
}
