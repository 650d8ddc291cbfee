// Crockford base32 without I, L, O, U: easy to read aloud and type at a counter.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short, readable tracking code such as `7K3M-Q9XP` (40 bits; unique per tenant by constraint).
 * Web Crypto's generator, available in browsers and Node alike; 32 divides 256, so `byte % 32` is uniform.
 */
export function newTrackingCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Normalises what a person typed: case, spaces, and the letters people confuse with digits. */
export function normalizeTrackingCode(input: string): string {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : input.toUpperCase();
}
