import { pino } from 'pino';
import { loadConfig } from '@satupintu/core';
import { startPlatform, toolContext, type Platform, type UserCtx } from '@satupintu/server';
import { os } from './os.js';

export interface CliContext {
  platform: Platform;
  services: Platform['services'];
  /** The context of this command: the operating-system user is its actor (`cli:<user>`). */
  ctx: UserCtx;
  /** The actor recorded for changes (`cli:<user>`). */
  actor: string;
  close(): Promise<void>;
}

/**
 * One CLI command on the platform's own composition root (role `tool`: no HTTP server, no jobs):
 * joins the embedded PostgreSQL of a running `npm start` (or starts it for the command), migrates,
 * and opens small pools.
 */
export async function openContext(opts: { needS3?: boolean } = {}): Promise<CliContext> {
  const config = loadConfig(process.env);
  const platform = await startPlatform({ ...config, seed: false }, { role: 'tool', needS3: opts.needS3 ?? false, logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }) });
  const actor = `cli:${os.user()}`;
  return { platform, services: platform.services, ctx: toolContext(platform, actor), actor, close: () => platform.stop() };
}

export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>, opts: { needS3?: boolean } = {}): Promise<T> {
  const c = await openContext(opts);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}
