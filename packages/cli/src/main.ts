import { Command, CommanderError, Option } from 'commander';
import { loadConfig } from '@satupintu/core';
import { printError } from './output.js';
import { tokenCommand } from './commands/token.js';
import { tenantCommands } from './commands/tenant.js';
import { catalogCommand, pluginCommands, reconcileCommand } from './commands/plugin.js';
import { regionCommands } from './commands/region.js';

const program = new Command('satupintu')
  .description('Satupintu — platform Mal Pelayanan Publik / public service mall platform')
  .version('0.1.0')
  .exitOverride();

program
  .command('start')
  .description('Run the platform (embedded PostgreSQL, S3 and issuer unless configured otherwise)')
  .action(async () => (await import('./commands/start.js')).startCommand());

program
  .command('serve')
  .description('Run one process in a role: api (HTTP, enqueues jobs only), worker (every job; HEALTH_PORT for probes), all')
  .addOption(new Option('--role <role>', 'api | worker | all').choices(['api', 'worker', 'all']).default('all'))
  .action(async (o: { role: 'api' | 'worker' | 'all' }) => (await import('./commands/serve.js')).serveCommand(o.role));

program
  .command('migrate')
  .description('Apply database migrations to the control plane and every region (idempotent)')
  .action(async () => {
    const { migrateAll } = await import('@satupintu/db');
    const { startInfrastructure } = await import('@satupintu/stack');
    const config = loadConfig(process.env);
    const infra = await startInfrastructure(config, { needS3: false });
    try {
      for (const r of await migrateAll(infra.config, infra))
        console.log(`${r.database.padEnd(12)} ${r.applied.length ? `applied ${r.applied.join(', ')}` : 'up to date'}`);
    } finally {
      await infra.stop();
    }
  });

const region = program.command('region').description('Platform regions');
region
  .command('list')
  .description('List regions and their tenant counts')
  .action(async () => {
    const { withContext } = await import('./context.js');
    await withContext(async (ctx) => {
      for (const r of await ctx.services.regions.list()) console.log(`${r.id.padEnd(12)} ${String(r.tenantCount).padStart(4)} tenants  ${r.name}`);
    });
  });
regionCommands(region);

tenantCommands(program);
tokenCommand(program);
const pluginCmd = program.command('plugin').description('Agency plugins: lint, publish, install / plugin instansi');
pluginCommands(pluginCmd);
catalogCommand(program);
reconcileCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  process.exit(printError(e));
}
