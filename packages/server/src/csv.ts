import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV by csv-stringify (CRLF, quoting). Text cells starting with = + - @ are prefixed
 * with ' so a spreadsheet never runs them as formulas (OWASP CSV injection); `bom` adds the UTF-8
 * byte-order mark spreadsheet apps need to read Indonesian names right.
 */
export function toCsv(header: string[], rows: unknown[][], opts: { bom?: boolean } = {}): string {
  const safe = rows.map((r) => r.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  const text = stringify([header, ...safe], { record_delimiter: 'windows', cast: { number: (n) => String(n), boolean: (b) => String(b) } });
  return (opts.bom ? '\uFEFF' : '') + text;
}
