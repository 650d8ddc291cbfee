import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AgencyPlugin } from './types.js';

/** Canonical JSON (RFC 8785) of a manifest, without the editor-only `$schema`. */
export function canonicalManifest(manifest: AgencyPlugin): string {
  const { $schema: _ignored, ...rest } = manifest as AgencyPlugin & { $schema?: string };
  return (canonicalize as unknown as (v: unknown) => string)(rest);
}

/** The content hash that names a published version: `sha256:<hex>` of the canonical manifest. */
export function contentHash(manifest: AgencyPlugin): string {
  return `sha256:${createHash('sha256').update(canonicalManifest(manifest)).digest('hex')}`;
}
