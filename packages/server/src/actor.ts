import type { Response } from 'express';

/** Who performs a write, for audit records: the verified identity, set by the auth guard. */
export function actorOf(res: Response): string {
  const identity = res.locals.identity as { username?: string; subject?: string } | undefined;
  return identity?.username ?? identity?.subject ?? 'anonymous';
}
