import type { Command } from 'commander';
import { MPP_STATUSES, findRegency, suggestSlug, type MppStatus } from '@satupintu/core';
const withContext: typeof import('../context.js').withContext = async (fn) => (await import('../context.js')).withContext(fn);
import { os } from '../os.js';

export function tenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('Tenant (kabupaten/kota) directory / direktori tenant');

  tenant
    .command('create')
    .description('Create a tenant from an official region code (name, province and time zone come from the data)')
    .requiredOption('--code <code>', 'Kemendagri regency/city code, e.g. 32.17')
    .option('--slug <slug>', 'URL name (default: from the official name, e.g. kab-bandung-barat)')
    .option('--region <region>', 'home region (default: DEFAULT_REGION)')
    .option('--status <status>', `MPP status: ${MPP_STATUSES.join(' | ')}`, 'proposed')
    .option('--json', 'print the tenant as JSON')
    .action(async (o: { code: string; slug?: string; region?: string; status: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const slug = o.slug ?? suggestSlug(findRegency(o.code)?.name ?? o.code);
        const t = await ctx.tenants.create(
          { code: o.code, slug, homeRegion: o.region ?? ctx.config.defaultRegion, mppStatus: o.status as MppStatus },
          `cli:${os.user()}`,
        );
        console.log(o.json ? JSON.stringify(t, null, 2) : `✓ ${t.name} (${t.code}) → ${t.slug}, region ${t.homeRegion}, ${t.timeZone}, status ${t.mppStatus}`);
      });
    });

  tenant
    .command('list')
    .description('List tenants')
    .option('--region <region>', 'only this home region')
    .option('--json', 'print JSON')
    .action(async (o: { region?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const items = await ctx.tenants.list({ region: o.region });
        if (o.json) return console.log(JSON.stringify(items, null, 2));
        for (const t of items) console.log(`${t.code}  ${t.slug.padEnd(28)} ${t.homeRegion.padEnd(12)} ${t.mppStatus.padEnd(12)} ${t.name}`);
      });
    });
}
