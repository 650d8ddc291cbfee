#!/usr/bin/env node
// The platform runs its TypeScript sources through tsx (esbuild): no build step between a clone and `npm start`.
import { register } from 'tsx/esm/api';

register();

// OpenTelemetry traces (docs/observability.md#traces): for the commands that serve, and only when
// an OTLP endpoint is configured; otherwise nothing of the SDK is loaded. The instrumentations and
// their ESM loader hook must be in place before express, pg and the AWS SDK are first imported,
// hence here, before main.
const [command, ...rest] = process.argv.slice(2);
const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT } = process.env;
if ((command === 'serve' || command === 'start') && (OTEL_EXPORTER_OTLP_ENDPOINT || OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) {
  const tracing = await import(new URL('./tracing.ts', import.meta.resolve('@satupintu/server')).href);
  await tracing.startTracing(command === 'start' ? 'all' : tracing.roleOf(rest));
}
await import('../src/main.ts');
