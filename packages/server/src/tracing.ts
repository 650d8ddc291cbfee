import { ConfigError, loadConfig } from '@satupintu/core';

/**
 * OpenTelemetry traces (docs/observability.md#traces, docs/adr/0024-opentelemetry-traces.md).
 *
 * This module is the light half: it imports nothing of OpenTelemetry's SDK. `packages/cli/bin/
 * satupintu.js` imports it only for `serve` and `start`, and only when an OTLP endpoint is set;
 * `startTracing` then loads the SDK (tracing-sdk.ts), registers the import-in-the-middle loader
 * hook and the instrumentations, all before the platform's first `import` of express, pg or the
 * AWS SDK. Without an endpoint none of it is ever loaded.
 */

export interface TracingHandle {
  /** Where spans are posted. */
  readonly endpoint: string;
  readonly serviceName: string;
  /** Exports what is buffered and stops the SDK (idempotent); bounded by `timeoutMs`. */
  shutdown(timeoutMs?: number): Promise<void>;
}

let handle: TracingHandle | undefined;

/** The role a `satupintu serve --role <role>` (or `start`: `all`) command line names. */
export function roleOf(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--role' || a.startsWith('--role='));
  if (i < 0) return 'all';
  const v = argv[i]!.includes('=') ? argv[i]!.slice('--role='.length) : argv[i + 1];
  return v && /^[a-z]+$/.test(v) ? v : 'all';
}

/**
 * Starts tracing when the configuration asks for it (an OTLP endpoint). An invalid configuration
 * starts nothing: the command that follows reports it with every other problem.
 */
export async function startTracing(role: string, env: NodeJS.ProcessEnv = process.env): Promise<TracingHandle | undefined> {
  if (handle) return handle;
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return undefined;
    throw err;
  }
  if (!config.tracing) return undefined;
  const { startSdk } = await import('./tracing-sdk.js');
  handle = startSdk(config.tracing, { role, mode: config.env });
  const where = new URL(config.tracing.endpoint);
  where.username = where.password = '';
  console.log(`Jejak OpenTelemetry / OpenTelemetry traces: ${handle.serviceName} → ${where.href} (${config.tracing.sampler}${config.tracing.sampler.endsWith('traceidratio') ? ` ${config.tracing.ratio}` : ''})`);
  return handle;
}

/** Exports the spans still buffered and stops tracing; nothing when tracing is off. Never throws. */
export async function stopTracing(timeoutMs = 5_000): Promise<void> {
  const h = handle;
  if (!h) return;
  handle = undefined;
  await h.shutdown(timeoutMs).catch(() => undefined);
}
