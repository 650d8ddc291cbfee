/**
 * The worked example (29 respondents, Triwulan III) printed with PermenPANRB 14/2017's method
 * (rennn9/GASPUL_BACKEND `rumus_perhitungan_ikm_lengkap.md`, cited in domain.md §1.5): per unsur,
 * how many respondents gave 4, 3 and 2. Shared by the unit and the integration tests.
 */
export const WORKED: Record<string, [number, number, number]> = {
  U1: [18, 11, 0], U2: [14, 15, 0], U3: [15, 12, 2], U4: [29, 0, 0], U5: [15, 14, 0], U6: [18, 11, 0], U7: [19, 10, 0], U8: [18, 11, 0], U9: [28, 1, 0],
};

/** Sums per unsur of the worked example (total 955). */
export const WORKED_SUMS = [105, 101, 100, 116, 102, 105, 106, 105, 115];

/** 29 answer rows whose columns have exactly the worked example's distributions. */
export function workedRows(): number[][] {
  const cols = Object.values(WORKED).map(([n4, n3, n2]) => [...Array<number>(n4).fill(4), ...Array<number>(n3).fill(3), ...Array<number>(n2).fill(2)]);
  return Array.from({ length: 29 }, (_, r) => cols.map((c) => c[r]!));
}
