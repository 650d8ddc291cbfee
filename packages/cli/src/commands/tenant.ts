import type { Command } from 'commander';
import { MPP_STATUSES, findRegency, homeRegionOf, listRegencies, suggestSlug } from '@satupintu/core';
const withContext: typeof import('../context.js').withContext = async (fn) => (await import('../context.js')).withContext(fn);

export function tenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('Tenant (kabupaten/kota) directory / direktori tenant');

  tenant
    .command('create')
    .description('Create a tenant from an official region code (name, province and time zone come from the data)')
    .requiredOption('--code <code>', 'Kemendagri regency/city code, e.g. 32.17')
    .option('--slug <slug>', 'URL name (default: from the official name, e.g. kab-bandung-barat)')
    .option('--region <region>', 'home region (default: the region of its province, HOME_REGION_PROVINCES)')
    .option('--status <status>', `MPP status: ${MPP_STATUSES.join(' | ')}`, 'proposed')
    .option('--json', 'print the tenant as JSON')
    .action(async (o: { code: string; slug?: string; region?: string; status: string; json?: boolean }) => {
      if (!(MPP_STATUSES as readonly string[]).includes(o.status)) throw new Error(`--status must be one of ${MPP_STATUSES.join(', ')}`);
      const status = MPP_STATUSES.find((s) => s === o.status) ?? 'proposed';
      await withContext(async (c) => {
        const { config } = c.platform;
        const slug = o.slug ?? suggestSlug(findRegency(o.code)?.name ?? o.code);
        const t = await c.services.tenants.create(c.ctx, { code: o.code, slug, homeRegion: o.region ?? homeRegionOf(o.code, config.homeRegionByProvince, config.defaultRegion), mppStatus: status }, c.actor);
        console.log(o.json ? JSON.stringify(t, null, 2) : `✓ ${t.name} (${t.code}) → ${t.slug}, region ${t.homeRegion}, ${t.timeZone}, status ${t.mppStatus}`);
      });
    });

  tenant
    .command('list')
    .description('List tenants')
    .option('--region <region>', 'only this home region')
    .option('--json', 'print JSON')
    .action(async (o: { region?: string; json?: boolean }) => {
      await withContext(async (c) => {
        const items = await c.services.tenants.list({ region: o.region });
        if (o.json) return console.log(JSON.stringify(items, null, 2));
        for (const t of items) console.log(`${t.code}  ${t.slug.padEnd(28)} ${t.homeRegion.padEnd(12)} ${t.mppStatus.padEnd(12)} ${t.name}`);
      });
    });

  tenant
    .command('onboard-all')
    .description('Onboard every regency/city of the Kemendagri list (514) as a tenant in its home region; existing ones are skipped')
    .option('--status <status>', `MPP status of new tenants: ${MPP_STATUSES.join(' | ')}`, 'proposed')
    .option('--concurrency <n>', 'tenants created at once', '4')
    .option('--no-progress', 'no progress bar (log lines only)')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { status: string; concurrency: string; progress: boolean; json?: boolean }) => {
      const status = MPP_STATUSES.find((s) => s === o.status);
      if (!status) throw new Error(`--status must be one of ${MPP_STATUSES.join(', ')}`);
      const concurrency = Math.max(1, Math.min(16, Number(o.concurrency) || 4));
      const [{ onboardAll }, { default: cliProgress }] = await Promise.all([import('@satupintu/server'), import('cli-progress')]);
      await withContext(async (c) => {
        const bar = o.progress
          ? new cliProgress.SingleBar(
              { format: 'Onboarding {bar} {percentage}% | {value}/{total} | {eta_formatted} left | {current}', hideCursor: true, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000, stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        const summary = await onboardAll(c.ctx, { tenants: c.services.tenants, config: c.platform.config }, listRegencies(), {
          status,
          concurrency,
          actor: c.actor,
          onStart: (total) => bar?.start(total, 0, { current: '' }),
          onProgress: (done, current) => (bar ? bar.update(done, { current }) : done % 50 === 0 && console.error(`onboarding: ${done}`)),
        });
        bar?.stop();
        if (o.json) console.log(JSON.stringify(summary, null, 2));
        else {
          console.log(`✓ ${summary.created} created, ${summary.skipped} already there, ${summary.failed.length} failed, in ${(summary.ms / 1000).toFixed(1)} s`);
          for (const [region, n] of Object.entries(summary.byRegion)) console.log(`  ${region.padEnd(12)} ${n} tenants`);
          for (const f of summary.failed) console.log(`  ✗ ${f.code} ${f.name}: ${f.error}`);
        }
        if (summary.failed.length) process.exitCode = 1;
      });
    });

  tenant
    .command('move')
    .description('Move a tenant to another region: fence its writes, copy rows and objects, verify, switch the directory, remove the source (docs/operations.md#moving-a-tenant)')
    .argument('<tenant>', 'tenant slug, e.g. kab-lebong')
    .argument('<region>', 'target region, e.g. id-jakarta (the home region itself cancels an unfinished move)')
    .option('--dry-run', 'print the plan and the counts; change nothing')
    .option('--json', 'print the plan or the report as JSON')
    .action(async (slug: string, region: string, o: { dryRun?: boolean; json?: boolean }) => {
      await withContext(
        async (c) => {
          const mover = c.services.tenants.mover;
          const plan = await mover.plan(slug, region);
          const what = { move: 'move', finish: 'finish the switched move', cancel: 'cancel the unfinished move' }[plan.mode];
          if (o.dryRun) {
            if (o.json) return console.log(JSON.stringify({ dryRun: true, ...plan }, null, 2));
            console.log(`${plan.tenant.name} (${plan.tenant.slug}): ${what} ${plan.from} → ${plan.to} — dry run, nothing changed`);
            console.log(`  ${plan.rows} rows in ${plan.tables.filter((t) => t.rows).length} of ${plan.tables.length} tables, ${plan.objects} objects (${plan.bytes} bytes)`);
            for (const t of plan.tables) if (t.rows) console.log(`    ${t.table.padEnd(32)} ${String(t.rows).padStart(8)}`);
            const fenced = Object.entries(plan.fences).filter(([, f]) => f);
            if (fenced.length) console.log(`  fences: ${fenced.map(([r, f]) => `${r} ${f}`).join(', ')}`);
            return;
          }
          const report = await mover
            .move(c.ctx, slug, region, {
              actor: c.actor,
              onPhase: (p) => !o.json && console.error(`  ${p}`),
            })
            .catch((e: unknown) => {
              // A failed verification names each difference (table or object key; no row content).
              const differences = (e as { extensions?: { differences?: string[] } }).extensions?.differences;
              for (const d of differences ?? []) console.error(`  ${d}`);
              throw e;
            });
          if (o.json) return console.log(JSON.stringify(report, null, 2));
          if (report.mode === 'cancel') return console.log(`✓ ${report.tenant.slug}: the unfinished move to ${report.to} was cancelled; ${report.from} stays its home and takes writes again`);
          console.log(
            `✓ ${report.tenant.name} (${report.tenant.slug}) now lives in ${report.to}: ${report.rows} rows, ${report.objects} objects (${report.bytes} bytes) in ${(report.ms.total / 1000).toFixed(1)} s` +
              ` (fence ${report.ms.fence} ms, objects ${report.ms.copyObjects} ms, rows ${report.ms.copyRows} ms, verify ${report.ms.verify} ms, switch ${report.ms.switch} ms, remove ${report.ms.remove} ms)`,
          );
        },
        { needS3: true },
      );
    });
}
