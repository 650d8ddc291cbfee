import { WILAYAH_ROWS } from './wilayah.data.js';

/** A province or regency/city with its official Kemendagri code (Kepmendagri 300.2.2-2138/2025). */
export interface Wilayah {
  /** `32` for a province, `32.17` for a regency/city. */
  code: string;
  name: string;
  level: 'provinsi' | 'kabupaten_kota';
  /** IANA zone: Asia/Jakarta, Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
  population: number;
}

export interface Regency extends Wilayah {
  level: 'kabupaten_kota';
  provinceCode: string;
  provinceName: string;
}

export const WILAYAH_DATASET = 'kepmendagri-300.2.2-2138-2025';

let cache: { all: Wilayah[]; byCode: Map<string, Wilayah> } | undefined;

function load() {
  if (cache) return cache;
  // The list ships as a module generated from data/wilayah-kab-kota.csv (scripts/wilayah-data.mjs),
  // so this package reads no file and runs in the browser as it does on the server.
  const all = WILAYAH_ROWS.map(([code, name, level, timeZone, population]): Wilayah => ({
    code,
    name,
    level: level === 'p' ? 'provinsi' : 'kabupaten_kota',
    timeZone,
    population,
  }));
  cache = { all, byCode: new Map(all.map((w) => [w.code, w])) };
  return cache;
}

/** Every regency and city (514), with its province. */
export function listRegencies(): Regency[] {
  const { all } = load();
  return all.filter((w) => w.level === 'kabupaten_kota').map((w) => findRegency(w.code)!);
}

export function listProvinces(): Wilayah[] {
  return load().all.filter((w) => w.level === 'provinsi');
}

/** The regency or city with this official code (`32.17`), or undefined. */
export function findRegency(code: string): Regency | undefined {
  const { byCode } = load();
  const w = byCode.get(code);
  if (!w || w.level !== 'kabupaten_kota') return undefined;
  const province = byCode.get(code.split('.')[0]!)!;
  return { ...w, level: 'kabupaten_kota', provinceCode: province.code, provinceName: province.name };
}

/** `Kabupaten Bandung Barat` → `kab-bandung-barat`, `Kota Bogor` → `kota-bogor`. */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^kabupaten\s+/, 'kab-')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
