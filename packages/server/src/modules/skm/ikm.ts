/**
 * SKM arithmetic (PermenPANRB 14/2017; domain.md §1.5). Pure functions over raw sums, so every
 * report can be recomputed from what is stored (sum per unsur and number of respondents).
 */

export const ELEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type Element = (typeof ELEMENTS)[number];

/** The nine unsur of 14/2017 (not the 16/2014 list, which had maklumat where 14/2017 has sarana). */
export const ELEMENT_NAMES: Record<Element, { id: string; en: string }> = {
  U1: { id: 'Persyaratan', en: 'Requirements' },
  U2: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  U3: { id: 'Waktu penyelesaian', en: 'Completion time' },
  U4: { id: 'Biaya/tarif', en: 'Cost/fee' },
  U5: { id: 'Produk spesifikasi jenis pelayanan', en: 'Product specification of the service' },
  U6: { id: 'Kompetensi pelaksana', en: 'Competence of staff' },
  U7: { id: 'Perilaku pelaksana', en: 'Behaviour of staff' },
  U8: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
  U9: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and input' },
};

/** Answer wording per unsur, values 1..4 (questionnaire of 14/2017). */
export const ELEMENT_SCALES: Record<Element, [string, string, string, string]> = {
  U1: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  U2: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  U3: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  U4: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  U5: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  U6: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  U7: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  U8: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  U9: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
};

/** Respondent profile options (questionnaire of 14/2017). */
export const PROFILE = {
  sex: ['L', 'P'],
  ageBand: ['<20', '20-29', '30-39', '40-49', '50-59', '>=60'],
  education: ['SD', 'SMP', 'SMA', 'D1-D3-D4', 'S1', 'S2', 'S3'],
  occupation: ['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'],
} as const;

export type Category = 'A' | 'B' | 'C' | 'D';

/** Mutu pelayanan by IKM (konversi), rounded to two decimals first, as the regulation prints it. */
export const CATEGORIES: { category: Category; minIkm: number; nrrRange: [number, number]; ikmRange: [number, number]; performance: { id: string; en: string } }[] = [
  { category: 'A', minIkm: 88.31, nrrRange: [3.5324, 4.0], ikmRange: [88.31, 100.0], performance: { id: 'Sangat baik', en: 'Very good' } },
  { category: 'B', minIkm: 76.61, nrrRange: [3.0644, 3.532], ikmRange: [76.61, 88.3], performance: { id: 'Baik', en: 'Good' } },
  { category: 'C', minIkm: 65.0, nrrRange: [2.6, 3.064], ikmRange: [65.0, 76.6], performance: { id: 'Kurang baik', en: 'Not good' } },
  { category: 'D', minIkm: 25.0, nrrRange: [1.0, 2.5996], ikmRange: [25.0, 64.99], performance: { id: 'Tidak baik', en: 'Poor' } },
];

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};

export function categoryOf(ikm: number): (typeof CATEGORIES)[number] {
  const r = round(ikm, 2);
  return CATEGORIES.find((c) => r >= c.minIkm) ?? CATEGORIES[CATEGORIES.length - 1]!;
}

/** The weighting convention a report uses; the report always names it. */
export const WEIGHTING = {
  convention: 'equal-exact' as const,
  weight: 1 / 9,
  description: {
    id: 'Bobot sama 1/9 per unsur (tepat, = rata-rata NRR × 25). Nilai dengan bobot cetak 0,111 ditampilkan sebagai "legacy".',
    en: 'Equal weight 1/9 per unsur (exact, = mean NRR × 25). The value with the printed weight 0.111 is shown as "legacy".',
  },
  legacyWeight: 0.111,
};

export interface IkmResult {
  respondents: number;
  elements: { element: Element; name: { id: string; en: string }; sum: number; nrr: number; weightedNrr: number }[];
  /** Σ NRRᵢ × 1/9 (4 decimals). */
  weightedNrr: number;
  /** Weighted NRR × 25, two decimals. */
  ikm: number;
  category: Category;
  performance: { id: string; en: string };
  weighting: typeof WEIGHTING & { legacyIkm: number; legacyCategory: Category };
  lowest: { element: Element; nrr: number } | null;
}

/** IKM from the per-unsur sums of `n` respondents; null when there are no respondents. */
export function computeIkm(sums: readonly number[], n: number): IkmResult | null {
  if (sums.length !== 9) throw new Error('nine sums expected');
  if (n <= 0) return null;
  const nrr = sums.map((s) => s / n);
  const exact = nrr.reduce((a, b) => a + b, 0) / 9;
  const legacy = nrr.reduce((a, b) => a + b * WEIGHTING.legacyWeight, 0);
  const ikm = round(exact * 25, 2);
  const legacyIkm = round(legacy * 25, 2);
  const cat = categoryOf(ikm);
  let low = 0;
  nrr.forEach((v, i) => {
    if (v < nrr[low]!) low = i;
  });
  return {
    respondents: n,
    elements: ELEMENTS.map((e, i) => ({ element: e, name: ELEMENT_NAMES[e], sum: sums[i]!, nrr: round(nrr[i]!, 4), weightedNrr: round(nrr[i]! / 9, 4) })),
    weightedNrr: round(exact, 4),
    ikm,
    category: cat.category,
    performance: cat.performance,
    weighting: { ...WEIGHTING, legacyIkm, legacyCategory: categoryOf(legacyIkm).category },
    lowest: { element: ELEMENTS[low]!, nrr: round(nrr[low]!, 4) },
  };
}

/**
 * Krejcie & Morgan (1970) table of minimum sample size s for population N (95% confidence,
 * ±5%): s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), X² = 3.841, P = 0.5, d = 0.05.
 */
export const KREJCIE_MORGAN: readonly [number, number][] = [
  [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48], [60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80],
  [110, 86], [120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132], [210, 136], [220, 140], [230, 144], [240, 148], [250, 152], [260, 155],
  [270, 159], [280, 162], [290, 165], [300, 169], [320, 175], [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210], [480, 214], [500, 217], [550, 226], [600, 234],
  [650, 242], [700, 248], [750, 254], [800, 260], [850, 265], [900, 269], [950, 274], [1000, 278], [1100, 285], [1200, 291], [1300, 297], [1400, 302], [1500, 306], [1600, 310], [1700, 313],
  [1800, 317], [1900, 320], [2000, 322], [2200, 327], [2400, 331], [2600, 335], [2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
  [8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380], [50000, 381], [75000, 382], [1000000, 384],
];

/** The formula behind the table (unrounded). */
export function krejcieMorganFormula(population: number): number {
  const x2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  return (x2 * population * p * (1 - p)) / (d * d * (population - 1) + x2 * p * (1 - p));
}

/**
 * Minimum sample for a population: the table row for the smallest tabulated N ≥ population (the
 * conservative reading of the table); a population under 10 is surveyed whole; above 1,000,000, 384.
 */
export function minimumSample(population: number): { population: number; tableN: number | null; minimum: number } {
  if (population <= 0) return { population, tableN: null, minimum: 0 };
  if (population < 10) return { population, tableN: null, minimum: population };
  const row = KREJCIE_MORGAN.find(([n]) => n >= population) ?? KREJCIE_MORGAN[KREJCIE_MORGAN.length - 1]!;
  return { population, tableN: row[0], minimum: row[1] };
}

/** The questionnaire of 14/2017 as the survey page shows it: unsur with answer wording, profile options, weighting, categories. */
export function questionnaire() {
  return {
    regulation: 'PermenPANRB 14/2017',
    scale: [1, 2, 3, 4],
    elements: ELEMENTS.map((e) => ({ element: e, name: ELEMENT_NAMES[e], options: ELEMENT_SCALES[e].map((label, i) => ({ value: i + 1, label })) })),
    profile: { sex: [...PROFILE.sex], ageBand: [...PROFILE.ageBand], education: [...PROFILE.education], occupation: [...PROFILE.occupation] },
    weighting: WEIGHTING,
    categories: CATEGORIES.map((c) => ({ ...c, nrrRange: [...c.nrrRange], ikmRange: [...c.ikmRange] })),
  };
}
