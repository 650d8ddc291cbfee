// Preloaded (`node --import`) into the platform processes of test/tracing.test.ts: records every
// OpenTelemetry module the process resolves in TRACING_PROBE_FILE, so the test can tell that a
// process without an OTLP endpoint loads no SDK, exporter or instrumentation.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.TRACING_PROBE_FILE;
if (file)
  registerHooks({
    resolve(specifier, context, next) {
      const r = next(specifier, context);
      if (r.url.includes('/@opentelemetry/')) appendFileSync(file, `${r.url}\n`);
      return r;
    },
  });
