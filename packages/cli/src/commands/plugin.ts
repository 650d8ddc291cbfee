import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { PLATFORM_VERSION } from '@satupintu/core';
import { lintPluginDir, type LintIssue } from '@satupintu/plugin-sdk';

export function printIssues(issues: LintIssue[]): void {
  for (const i of issues) console.error(`  ${i.file}${i.pointer ? `#${i.pointer}` : ''}\n    ${i.message.id}\n    ${i.message.en}`);
}

// Commands that need the database load it lazily: `plugin lint` runs offline and fast.
const ctx = () => import('../context.js');

export function pluginCommands(plugin: Command): void {
  plugin
    .command('lint <dir...>')
    .description('Check plugin folders against the manifest meta-schema and the platform rules / periksa plugin')
    .action((dirs: string[]) => {
      let failed = 0;
      for (const dir of dirs) {
        const r = lintPluginDir(path.resolve(dir), PLATFORM_VERSION);
        if (r.ok) console.log(`✓ ${dir}: OK (${r.manifest!.id}@${r.manifest!.version}, ${r.manifest!.services.length} layanan/services)`);
        else {
          failed += 1;
          console.error(`✗ ${dir}: ${r.issues.length} masalah / problems`);
          printIssues(r.issues);
        }
      }
      if (failed) process.exitCode = 1;
    });

  plugin
    .command('publish <dir...>')
    .description('Lint and publish immutable plugin versions to the registry / terbitkan versi plugin')
    .action(async (dirs: string[]) => {
      const { withContext } = await ctx();
      await withContext(async (c) => {
        for (const dir of dirs) {
          const r = lintPluginDir(path.resolve(dir), PLATFORM_VERSION);
          if (!r.ok) {
            console.error(`✗ ${dir}: ${r.issues.length} masalah / problems`);
            printIssues(r.issues);
            process.exitCode = 1;
            continue;
          }
          const { created, version } = await c.services.plugins.publish(c.ctx, r.manifest, c.actor);
          console.log(`${created ? '✓ terbit / published' : '= sudah terbit / already published'} ${version.pluginId}@${version.version} ${version.contentHash}`);
        }
      });
    });

  plugin
    .command('list')
    .description('Browse the registry / lihat registri')
    .action(async () => {
      const { withContext } = await ctx();
      await withContext(async (c) => {
        for (const p of await c.services.plugins.list()) console.log(`${p.id.padEnd(22)} ${p.latest.padEnd(8)} ${p.agency.kind.padEnd(9)} ${p.agency.name.id}  [${p.versions.map((v) => v.version).join(', ')}]`);
      });
    });

  // Issue 23 (versions): `plugin@2.0.1` pins exactly; `plugin@2.0.x` (or ^2, ~2.1) pins a range; --policy sets auto-upgrades.
  const install = async (tenant: string, spec: string, opts: { policy?: 'manual' | 'patch' | 'minor' }) => {
    const at = spec.indexOf('@');
    const [id, version] = at < 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
    if (!id || !version) throw new Error('use <plugin>@<version or range>, e.g. imigrasi@1.0.0 or imigrasi@1.0.x');
    if (opts.policy && !['manual', 'patch', 'minor'].includes(opts.policy)) throw new Error('--policy is manual, patch or minor');
    const exact = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version);
    const { withContext } = await ctx();
    await withContext(async (c) => {
      const t = await c.platform.context({ tenant, identity: c.ctx.identity });
      const r = await c.services.installations.install(t, id, { ...(exact ? { version } : { range: version }), ...(opts.policy ? { policy: opts.policy } : {}) }, c.actor);
      console.log(`✓ ${t.tenant.slug}: ${id}@${r.installation.version}${r.installation.range ? ` (${r.installation.range})` : ''}, ${r.installation.policy} (${r.action})`);
    });
  };
  plugin
    .command('install <tenant> <plugin@version>')
    .description('Install a plugin into a tenant: an exact version, or a range (2.0.x, ^2, ~2.1) resolved to the highest published in it')
    .option('--policy <policy>', 'auto-upgrade policy: manual (default), patch or minor')
    .action(install);
  plugin
    .command('upgrade <tenant> <plugin@version>')
    .description('Move an installation to another version (or range) explicitly')
    .option('--policy <policy>', 'auto-upgrade policy: manual, patch or minor')
    .action(install);

  plugin
    .command('uninstall <tenant> <plugin>')
    .description('Uninstall a plugin from a tenant')
    .action(async (tenant: string, id: string) => {
      const { withContext } = await ctx();
      await withContext(async (c) => {
        const t = await c.platform.context({ tenant, identity: c.ctx.identity });
        await c.services.installations.uninstall(t, id, c.actor);
        console.log(`✓ ${t.tenant.slug}: ${id} dicopot / uninstalled`);
      });
    });

  plugin
    .command('overlay <tenant> <plugin> <service> <file>')
    .description('Set a service overlay from a JSON file (only what the plugin allows)')
    .action(async (tenant: string, id: string, service: string, file: string) => {
      const overlay = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const { withContext } = await ctx();
      await withContext(async (c) => {
        const t = await c.platform.context({ tenant, identity: c.ctx.identity });
        await c.services.installations.setOverlay(t, id, service, overlay, c.actor);
        console.log(`✓ ${t.tenant.slug}: overlay ${id}.${service}`);
      });
    });
}

export function catalogCommand(program: Command): void {
  program
    .command('catalog <tenant>')
    .description("A tenant's public service catalog / katalog layanan")
    .option('--q <text>', 'search')
    .option('--json', 'print JSON')
    .action(async (tenant: string, o: { q?: string; json?: boolean }) => {
      const { withContext } = await ctx();
      await withContext(async (c) => {
        const t = await c.platform.context({ tenant, identity: c.ctx.identity });
        const items = await c.services.catalog.list(t, { q: o.q });
        if (o.json) return console.log(JSON.stringify(items, null, 2));
        console.log(`${t.tenant.name}: ${items.length} layanan / services`);
        for (const s of items) {
          const fee = s.standard.find((x) => x.key === 'fee')?.text[0]?.id ?? '';
          const time = s.standard.find((x) => x.key === 'timeframe')?.text[0]?.id ?? '';
          console.log(`  ${s.id.padEnd(42)} ${s.name.id}  [${time}; ${fee}]${s.counter ? `  ${s.counter.name}${s.counter.number ? ` #${s.counter.number}` : ''}` : ''}`);
        }
      });
    });
}

export function reconcileCommand(program: Command): void {
  program
    .command('reconcile')
    .description('Remove S3 objects no row points at (after a crash between upload and commit) / bersihkan objek yatim')
    .option('--grace <minutes>', 'leave objects younger than this alone', '15')
    .action(async (o: { grace: string }) => {
      const { RECONCILE_JOB } = await import('@satupintu/server');
      const { withContext } = await ctx();
      await withContext(
        async (c) => {
          // The same job the workers run every 15 minutes, once, in every region.
          const reports = await c.platform.runJob(RECONCILE_JOB, { graceMs: Number(o.grace) * 60_000 });
          for (const r of reports) {
            const report = r as { region: string; scanned: number; orphansRemoved: number; keptYoung: number };
            console.log(`${report.region.padEnd(12)} scanned ${report.scanned}, orphans removed ${report.orphansRemoved}, too young to judge ${report.keptYoung}`);
          }
        },
        { needS3: true },
      );
    });
}
