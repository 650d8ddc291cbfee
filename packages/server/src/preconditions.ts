import type { Request } from 'express';
import { preconditionFailed, preconditionRequired } from './http/problems.js';

/**
 * Optimistic concurrency (RFC 9110 §13). An editable resource carries a version; its ETag is that
 * version as a strong tag. An update quotes the tag it read in `If-Match`: the service compares it
 * with the current version inside its transaction (the row locked or the update conditional on
 * the version), so two officers editing the same standar pelayanan cannot overwrite each other.
 */
export interface Preconditions {
  /** `If-Match` as sent: `*` or a list of entity tags. */
  ifMatch?: string;
  /** `If-None-Match` as sent: `*` (create only) or a list of entity tags. */
  ifNoneMatch?: string;
}

export function preconditionsOf(req: Request): Preconditions {
  const ifMatch = req.headers['if-match'];
  const ifNoneMatch = req.headers['if-none-match'];
  return {
    ...(typeof ifMatch === 'string' && ifMatch.trim() ? { ifMatch: ifMatch.trim() } : {}),
    ...(typeof ifNoneMatch === 'string' && ifNoneMatch.trim() ? { ifNoneMatch: ifNoneMatch.trim() } : {}),
  };
}

/** The strong ETag of a version: `"7"`, or `"<prefix>-7"` when one resource is made of several. */
export function etagOf(version: number | string): string {
  return `"${String(version).replace(/["\\]/g, '')}"`;
}

/**
 * Whether a condition header's list names `etag`. `strong` (If-Match) never matches a weak tag;
 * `weak` (If-None-Match) compares opaque parts only.
 */
export function etagMatches(header: string | undefined, etag: string, comparison: 'strong' | 'weak'): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const want = etag.replace(/^W\//, '');
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (!tag) continue;
    const weak = tag.startsWith('W/');
    if (weak && comparison === 'strong') continue;
    if (tag.replace(/^W\//, '') === want) return true;
  }
  return false;
}

/**
 * Checks an update's preconditions against the resource's current ETag (undefined when the
 * resource does not exist yet). Updating an existing resource requires `If-Match` (428 without,
 * 412 when it is stale); creating one needs none, `If-None-Match: *` makes a PUT create-only, and
 * `If-Match` on a resource that does not exist fails (412).
 */
export function checkPreconditions(pre: Preconditions, current: string | undefined): void {
  if (current === undefined) {
    if (pre.ifMatch !== undefined) throw preconditionFailed();
    return;
  }
  if (pre.ifNoneMatch !== undefined && etagMatches(pre.ifNoneMatch, current, 'weak')) throw preconditionFailed(current);
  if (pre.ifMatch === undefined) throw preconditionRequired();
  if (!etagMatches(pre.ifMatch, current, 'strong')) throw preconditionFailed(current);
}
