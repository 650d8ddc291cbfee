import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import { etagOf } from '../../preconditions.js';

const canonicalize = canonicalizeModule as unknown as (v: unknown) => string | undefined;

/** A short digest of a value's canonical JSON (RFC 8785). */
export function digestOf(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? 'null')
    .digest('base64url')
    .slice(0, 16);
}

/**
 * The ETag of a versioned row: its version (bumped by every write) and a digest of what it holds.
 * The digest keeps a tag from coming back: a record removed and created again starts at version 1
 * once more, but with other content it never repeats a tag a client may still hold.
 */
export function versionTag(version: number, view: unknown): string {
  return etagOf(`${version}-${digestOf(view)}`);
}

/** The ETag of a resource without a version of its own (an installation): a digest of its representation. */
export function contentTag(view: unknown): string {
  return etagOf(digestOf(view));
}
