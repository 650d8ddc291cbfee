import type { DataChange } from './queries.js';

/** JSON text with object keys sorted: two values are the same when their canonical texts are. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** A member name as a JSON Pointer segment (RFC 6901). */
const segment = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * What changes from one form to the other, field by field (top-level members, as the form lists
 * them): `/data/<field>` with the old and the new value (null for a field absent on that side).
 * The values are personal data: they go on the application's timeline, never into a log.
 */
export function diffData(before: Record<string, unknown>, after: Record<string, unknown>): DataChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: DataChange[] = [];
  for (const k of keys) {
    const had = Object.hasOwn(before, k);
    const has = Object.hasOwn(after, k);
    if (had && has && canonical(before[k]) === canonical(after[k])) continue;
    out.push({ pointer: `/data/${segment(k)}`, from: had ? before[k] : null, to: has ? after[k] : null });
  }
  return out;
}
