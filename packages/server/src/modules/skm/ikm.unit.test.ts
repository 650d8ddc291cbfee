import assert from 'node:assert/strict';
import { CATEGORIES, KREJCIE_MORGAN, categoryOf, computeIkm, krejcieMorganFormula, minimumSample, questionnaire } from './ikm.js';
import { defaultPeriod, periodIsValid, previousQuarter } from './period.js';
import { WORKED_SUMS, workedRows } from './worked-example.js';

describe('SKM arithmetic (PermenPANRB 14/2017, pure)', () => {
  it('reproduces the worked example: NRR per unsur, weighted NRR, IKM 91.48, category A', () => {
    const rows = workedRows();
    const sums = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => rows.reduce((a, r) => a + r[i]!, 0));
    assert.deepEqual(sums, WORKED_SUMS);
    const r = computeIkm(sums, 29)!;
    assert.deepEqual(r.elements.map((e) => e.nrr), [3.6207, 3.4828, 3.4483, 4, 3.5172, 3.6207, 3.6552, 3.6207, 3.9655]);
    assert.equal(r.weightedNrr, 3.659);
    assert.equal(r.ikm, 91.48); // 955 / (29 × 9) × 25 = 91.4751…
    assert.equal(r.category, 'A');
    assert.deepEqual(r.performance, { id: 'Sangat baik', en: 'Very good' });
    // The printed weight 0.111 (legacy view) gives 91.38; the example's own 90.56 used 0.11 by mistake.
    assert.equal(r.weighting.legacyIkm, 91.38);
    assert.equal(r.weighting.convention, 'equal-exact');
    assert.deepEqual(r.lowest, { element: 'U3', nrr: 3.4483 });
    assert.equal(computeIkm(sums, 0), null);
    assert.throws(() => computeIkm([1, 2], 1), /nine sums/);
  });

  it('places IKM values in the regulation’s categories at the boundaries', () => {
    for (const [ikm, cat] of [[100, 'A'], [88.31, 'A'], [88.3, 'B'], [88.304, 'B'], [76.61, 'B'], [76.6, 'C'], [65, 'C'], [64.99, 'D'], [25, 'D']] as const) assert.equal(categoryOf(ikm).category, cat, String(ikm));
    // All 1s and all 4s map to the ends of the 25–100 scale.
    assert.equal(computeIkm(Array(9).fill(10), 10)!.ikm, 25);
    assert.equal(computeIkm(Array(9).fill(40), 10)!.ikm, 100);
    assert.deepEqual(CATEGORIES.map((c) => c.category), ['A', 'B', 'C', 'D']);
  });

  it('looks up the Krejcie–Morgan minimum sample, and the table agrees with its formula', () => {
    for (const [n, s] of KREJCIE_MORGAN) assert.equal(Math.round(krejcieMorganFormula(n)), s, `N = ${n}`);
    assert.equal(minimumSample(2000).minimum, 322);
    assert.equal(minimumSample(170).minimum, 118);
    assert.equal(minimumSample(100).minimum, 80);
    assert.equal(minimumSample(1000).minimum, 278);
    assert.deepEqual(minimumSample(1234), { population: 1234, tableN: 1300, minimum: 297 }, 'next tabulated N up');
    assert.equal(minimumSample(29).minimum, 28);
    assert.equal(minimumSample(1_800_000).minimum, 384);
    assert.equal(minimumSample(7).minimum, 7, 'a tiny population is surveyed whole');
    assert.equal(minimumSample(0).minimum, 0);
  });

  it('offers the 14/2017 questionnaire: nine unsur with wording, U8 sarana (not maklumat of 16/2014)', () => {
    const q = questionnaire();
    assert.equal(q.elements.length, 9);
    assert.equal(q.elements[7]!.name.id, 'Sarana dan prasarana');
    assert.deepEqual(q.elements[3]!.options.map((o) => o.value), [1, 2, 3, 4]);
  });
});

describe('SKM periods (pure)', () => {
  it('takes the previous calendar quarter of a local date', () => {
    assert.deepEqual(previousQuarter('2024-10-01'), { from: '2024-07-01', to: '2024-09-30' });
    assert.deepEqual(previousQuarter('2024-07-01'), { from: '2024-04-01', to: '2024-06-30' });
    assert.deepEqual(previousQuarter('2024-04-01'), { from: '2024-01-01', to: '2024-03-31' });
    assert.deepEqual(previousQuarter('2025-01-01'), { from: '2024-10-01', to: '2024-12-31' });
    assert.deepEqual(previousQuarter('2024-05-17'), { from: '2024-01-01', to: '2024-03-31' });
  });

  it('defaults to 1 January through today, and refuses reversed or over-long periods', () => {
    assert.deepEqual(defaultPeriod({}, '2024-08-15'), { from: '2024-01-01', to: '2024-08-15' });
    assert.deepEqual(defaultPeriod({ to: '2023-05-01' }, '2024-08-15'), { from: '2023-01-01', to: '2023-05-01' });
    assert.equal(periodIsValid({ from: '2024-01-01', to: '2024-12-31' }), true, 'a leap year is 366 days');
    assert.equal(periodIsValid({ from: '2024-09-30', to: '2024-07-01' }), false);
    assert.equal(periodIsValid({ from: '2023-01-01', to: '2024-01-03' }), false);
  });
});
