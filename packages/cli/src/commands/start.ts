import type { Platform } from '@satupintu/server';
import { serve } from './serve.js';

/** `satupintu start`: `serve --role all` on embedded defaults (or external servers where configured), with its banner. */
export async function startCommand(): Promise<void> {
  await serve('all', {
    onReady: async ({ platform, startedMs }) => {
      const { infra, config } = platform;
      const pg = infra.embedded.postgres;
      const tenants = await platform.services.tenants.list();
      const line = (k: string, v: string) => `  ${k.padEnd(22)} ${v}`;
      console.log(
        [
          '',
          `Satupintu siap / ready (${Date.now() - startedMs} ms)`,
          line('API', `${platform.url}/api/v1`),
          line('Dokumentasi API / docs', `${platform.url}/api/docs`),
          line('OpenAPI', `${platform.url}/api/openapi.json`),
          line('Kesehatan / health', `${platform.url}/healthz  ${platform.url}/readyz`),
          line('Metrik / metrics', `${platform.url}/metrics`),
          line('PostgreSQL', pg ? `embedded ${pg.owned ? '' : '(joined) '}127.0.0.1:${pg.port}, data ${config.dataDir}/postgres` : 'external'),
          line('  control plane', redact(infra.controlDatabaseUrl)),
          ...config.regions.map((r) => line(`  region ${r.id}`, redact(infra.regionDatabaseUrls[r.id]!))),
          line('S3', `${infra.embedded.s3 ? 'embedded s3rver' : 'external'} ${infra.s3Endpoint}`),
          ...config.regions.map((r) => line(`  bucket ${r.id}`, r.bucket)),
          line('Data', config.dataDir),
          line('Tenants', tenants.map((t) => `${t.slug} (${t.homeRegion})`).join(', ') || '-'),
          '',
          'Tekan Ctrl-C untuk berhenti / press Ctrl-C to stop',
          '',
          ...(config.env === 'production' ? [] : notProductionBanner(platform)),
        ].join('\n'),
      );
    },
  });
}

/**
 * Said loudly at every development start: what makes this instance unfit for citizens' data.
 * `SATUPINTU_ENV=production` refuses all of it (docs/configuration.md#production).
 */
function notProductionBanner(platform: Platform): string[] {
  const { infra, issuer, config } = platform;
  const why = [
    ...(infra.embedded.postgres ? ['PostgreSQL tertanam / embedded PostgreSQL (no backup, no replication)'] : []),
    ...(infra.embedded.s3 ? ['S3 tertanam / embedded S3 (files under DATA_DIR)'] : []),
    ...(issuer ? ['penerbit token tertanam dengan pengguna demo, kata sandi bersama `mpp-demo` dan password grant / embedded issuer with demo users, one shared password and the password grant'] : []),
    ...(config.seed ? ['data demo / demo data (SEED)'] : []),
    ...(!platform.url.startsWith('https://') ? ['tanpa TLS / no TLS'] : []),
  ];
  const bar = '!'.repeat(78);
  return [
    bar,
    '!!  BUKAN PRODUKSI — jangan simpan data warga sungguhan di instance ini.',
    '!!  NOT PRODUCTION — do not put real citizens’ data on this instance.',
    ...why.map((w) => `!!   - ${w}`),
    `!!  Rahasia dev dibuat per DATA_DIR / dev secrets generated per DATA_DIR: ${config.dataDir}/secrets`,
    '!!  Produksi / production: SATUPINTU_ENV=production (docs/configuration.md#production)',
    bar,
    '',
  ];
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
