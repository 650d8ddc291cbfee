// Browser stand-in for the part of @satupintu/core that @satupintu/forms/formats uses: the
// official province list, read from the same CSV the server reads (bundled at build time).
import csv from '../../../core/data/wilayah-kab-kota.csv?raw';

export interface Wilayah {
  code: string;
  name: string;
  level: 'provinsi' | 'kabupaten_kota';
}

let provinces: Wilayah[] | undefined;

/** The 38 provinces (code and name). */
export function listProvinces(): Wilayah[] {
  if (provinces) return provinces;
  const [head, ...rows] = csv.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  const at = (name: string) => cols.indexOf(name);
  provinces = rows
    .map((r) => r.split(','))
    .filter((c) => c[at('tingkat')] === 'provinsi')
    .map((c) => ({ code: c[at('kode')] ?? '', name: c[at('nama')] ?? '', level: 'provinsi' as const }));
  return provinces;
}
