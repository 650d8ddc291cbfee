import { ConfigError, isProblemError } from '@satupintu/core';

/** Prints an error for a person at a terminal: both languages, every field, no stack unless DEBUG. */
export function printError(e: unknown): number {
  if (isProblemError(e)) {
    console.error(`✗ ${e.title.id} / ${e.title.en} [${e.code}]`);
    if (e.detail) console.error(`  ${e.detail.id}\n  ${e.detail.en}`);
    for (const f of e.errors ?? []) console.error(`  ${f.pointer || '/'}: ${f.message.id} / ${f.message.en}`);
    return 1;
  }
  if (e instanceof ConfigError) {
    console.error(`✗ ${e.message}`);
    return 78; // EX_CONFIG
  }
  console.error(`✗ ${(e as Error)?.message ?? String(e)}`);
  if (process.env.DEBUG) console.error(e);
  return 1;
}
