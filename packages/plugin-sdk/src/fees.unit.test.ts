import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { localDate } from '@satupintu/core';
import { daysBetween, quoteFee, roundRupiah } from './fees.js';
import { lintManifest } from './lint.js';
import { loadPluginDir } from './load.js';
import { applyOverlay, lockedFeeIssues, overlayFee, validateOverlay } from './overlay.js';
import type { Fee, ServiceDefinition } from './types.js';

const plugin = (name: string) => loadPluginDir(fileURLToPath(new URL(`../../../plugins/${name}`, import.meta.url))).manifest!;
const dukcapil = plugin('dukcapil');
const imigrasi = plugin('imigrasi');
const akta = dukcapil.services.find((s) => s.code === 'akta-kelahiran')!;
const paspor = imigrasi.services.find((s) => s.code === 'paspor-baru')!;
const hilang = imigrasi.services.find((s) => s.code === 'paspor-hilang-rusak')!;

/** The regency's Perda fine (e.g. Kudus Rp10.000 after 60 days), as an overlay of the unlocked charge. */
const perdaFine = (amount: number, more?: { moreThan: number; amount: number }): Fee => ({
  ...akta.fee,
  charges: [{ ...akta.fee.charges![0]!, legalBasis: 'Perda Kab. Uji 3/2019 Pasal 12', afterDays: { from: '/bayi/tanggalLahir', tiers: [{ moreThan: 60, amount }, ...(more ? [more] : [])] } }],
});

describe('fee rules (issue 23: fees and fines that depend on dates)', () => {
  it('counts calendar days and refuses impossible dates', () => {
    assert.equal(daysBetween('2026-03-01', '2026-04-30'), 60);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2, 'leap year');
    assert.equal(daysBetween('2026-02-30', '2026-03-01'), undefined);
    assert.equal(daysBetween('1 Maret', '2026-03-01'), undefined);
  });

  it('rounds totals up, down or to the nearest multiple', () => {
    assert.deepEqual([roundRupiah(10_001, { to: 1000, mode: 'up' }), roundRupiah(10_999, { to: 1000, mode: 'down' }), roundRupiah(10_500, { to: 1000, mode: 'nearest' }), roundRupiah(10_499, { to: 1000, mode: 'nearest' })], [11_000, 10_000, 11_000, 10_000]);
    assert.equal(roundRupiah(12_345, undefined), 12_345);
  });

  it('a birth certificate is free (UU 24/2013 Pasal 79A) while the plugin leaves the fine at Rp0', () => {
    const q = quoteFee(akta.fee, { bayi: { tanggalLahir: '2026-01-01' } }, '2026-12-07');
    assert.deepEqual([q.total, q.free, q.complete, q.lines], [0, true, true, []]);
    assert.equal(q.text.id, 'Tidak dipungut biaya (UU 24/2013 Pasal 79A)');
    assert.equal(q.currency, 'IDR');
  });

  it('the Perda fine: day 60 is still on time, day 61 is late; the highest tier passed applies', () => {
    const fee = overlayFee(akta.fee, perdaFine(10_000, { moreThan: 365, amount: 50_000 }));
    const on = (today: string) => quoteFee(fee, { bayi: { tanggalLahir: '2026-03-01' } }, today);
    assert.deepEqual([on('2026-04-30').total, on('2026-04-30').free], [0, true], '60 days: within the legal period');
    const late = on('2026-05-01');
    assert.deepEqual([late.total, late.free, late.lines.map((l) => [l.code, l.amount, l.locked])], [10_000, false, [['denda-keterlambatan', 10_000, false]]]);
    assert.match(late.lines[0]!.reason!.id, /61 hari .* lebih dari 60 hari/);
    assert.deepEqual(late.legalBasis, ['UU 24/2013 Pasal 79A', 'Perda Kab. Uji 3/2019 Pasal 12']);
    assert.equal(on('2027-03-01').total, 10_000, '365 days: still the first tier');
    assert.equal(on('2027-03-02').total, 50_000, '366 days: the second tier');
    assert.equal(on('2026-02-01').total, 0, 'a birth date after today charges nothing');
  });

  it('counts days on the tenant’s date: 23:30 WIB is already the next day in Jakarta but not in UTC', () => {
    const fee = overlayFee(akta.fee, perdaFine(10_000));
    const at = new Date('2026-04-30T16:30:00Z'); // 23:30 WIB on 30 April, 00:30 WITA on 1 May
    const data = { bayi: { tanggalLahir: '2026-03-01' } };
    assert.equal(quoteFee(fee, data, localDate(at, 'Asia/Jakarta')).total, 0, 'Jakarta: 30 April, day 60');
    assert.equal(quoteFee(fee, data, localDate(at, 'Asia/Makassar')).total, 10_000, 'Makassar: 1 May, day 61');
  });

  it('a missing date leaves the quote incomplete with the field it needs, never a guess', () => {
    const q = quoteFee(overlayFee(akta.fee, perdaFine(10_000)), { bayi: {} }, '2026-12-07');
    assert.deepEqual([q.complete, q.free, q.pending.map((p) => [p.code, p.field])], [false, false, [['denda-keterlambatan', '/bayi/tanggalLahir']]]);
  });

  it('passport PNBP (PP 28/2019): the chosen passport plus the express charge; the lost-passport charge when lost', () => {
    const q = quoteFee(paspor.fee, { jenisPaspor: 'paspor-elektronik-48', percepatan: true }, '2026-12-07');
    assert.deepEqual([q.total, q.lines.map((l) => l.code), q.lines.every((l) => l.locked)], [1_650_000, ['paspor-elektronik-48', 'percepatan'], true]);
    assert.equal(quoteFee(paspor.fee, { jenisPaspor: 'paspor-biasa-48', percepatan: false }, '2026-12-07').total, 350_000);
    const lost = quoteFee(hilang.fee, { jenisPaspor: 'paspor-biasa-48', percepatan: false, alasan: 'hilang' }, '2026-12-07');
    assert.equal(lost.total, 350_000 + hilang.fee.charges!.find((c) => c.code === 'beban-hilang')!.amount!);
    assert.equal(quoteFee(paspor.fee, { percepatan: false }, '2026-12-07').complete, false, 'no passport type chosen yet');
  });

  it('a fixed fee without charges is one line; a formula fee without charges cannot be computed here', () => {
    const fixed = quoteFee({ kind: 'fixed', amount: 30_000, legalBasis: 'PP 76/2020', locked: true }, {}, '2026-12-07');
    assert.deepEqual([fixed.total, fixed.lines.length, fixed.complete], [30_000, 1, true]);
    const formula = quoteFee({ kind: 'formula', formula: { ref: 'bpn.x', text: { id: 'Rumus', en: 'Formula' } }, legalBasis: 'PP 128/2015', locked: true }, {}, '2026-12-07');
    assert.deepEqual([formula.complete, formula.free, formula.text.id], [false, false, 'Rumus']);
  });

  it('locked parts cannot be overlaid: PNBP charges and a locked base are refused, the unlocked Perda fine is accepted', () => {
    assert.deepEqual(validateOverlay(akta, { fee: perdaFine(10_000) }), [], 'the regional fine is the regency’s');
    const freeNoMore = validateOverlay(akta, { fee: { ...perdaFine(10_000), kind: 'fixed', amount: 25_000 } });
    assert.deepEqual(freeNoMore.map((i) => i.pointer).sort(), ['/fee/amount', '/fee/kind']);
    assert.match(freeNoMore[0]!.message.en, /locked by the plugin \(UU 24\/2013 Pasal 79A\)/);
    // A service whose fee is overlayable and carries a locked charge (as a regency would see a PNBP charge beside its retribusi).
    const mixed: ServiceDefinition = { ...paspor, overlayable: [...paspor.overlayable, 'fee'], fee: { ...paspor.fee, locked: false } };
    const cheaper = { ...mixed.fee, charges: mixed.fee.charges!.map((c) => (c.code === 'percepatan' ? { ...c, amount: 1 } : c)) };
    assert.deepEqual(lockedFeeIssues(mixed.fee, cheaper).map((i) => i.pointer), ['/fee/charges/2']);
    const dropped = overlayFee(mixed.fee, { ...mixed.fee, charges: [{ code: 'retribusi-parkir', name: { id: 'Retribusi', en: 'Levy' }, amount: 2000, legalBasis: 'Perda 1/2026', locked: false }] });
    assert.deepEqual(dropped.charges!.map((c) => c.code), ['paspor-biasa-48', 'paspor-elektronik-48', 'percepatan', 'retribusi-parkir'], 'locked charges stay even when the overlay leaves them out');
    // Imigrasi itself does not let regencies touch the fee at all.
    assert.equal(validateOverlay(paspor, { fee: paspor.fee })[0]!.pointer, '/fee');
  });

  it('applyOverlay gives the tenant the plugin’s locked base with the regency’s fine', () => {
    const s = applyOverlay(akta, { fee: { ...perdaFine(15_000), kind: 'free', note: { id: 'Denda Perda Kab. Uji', en: 'Fine under the regency’s Perda' } } });
    assert.equal(s.fee.legalBasis, 'UU 24/2013 Pasal 79A');
    assert.equal(s.fee.note?.en, 'Fine under the regency’s Perda');
    assert.equal(quoteFee(s.fee, { bayi: { tanggalLahir: '2026-01-01' } }, '2026-12-07').total, 15_000);
  });

  it('lint: charges name form fields that exist, a day count needs a date field, and a fully locked fee is never overlayable', () => {
    const bad = structuredClone(dukcapil);
    const svc = bad.services.find((s) => s.code === 'akta-kelahiran')!;
    svc.fee.charges = [
      { code: 'aa', name: { id: 'A', en: 'A' }, amount: 1, when: { field: '/tidakAda', equals: 'x' }, legalBasis: 'Perda 1', locked: false },
      { code: 'aa', name: { id: 'B', en: 'B' }, afterDays: { from: '/noKk', tiers: [{ moreThan: 60, amount: 1 }, { moreThan: 60, amount: 2 }] }, legalBasis: 'Perda 1', locked: true },
    ];
    const issues = lintManifest(bad, undefined, '0.1.0').issues.map((i) => i.pointer);
    const at = `/services/${bad.services.indexOf(svc)}`;
    for (const p of [`${at}/fee/charges/0/when/field`, `${at}/fee/charges/1/code`, `${at}/fee/charges/1/afterDays/from`, `${at}/fee/charges/1/afterDays/tiers`]) assert.ok(issues.includes(p), `${p} in ${issues.join(', ')}`);
    assert.ok(!issues.includes(`${at}/overlayable`), 'an unlocked charge keeps the fee overlayable');
    svc.fee.charges = [{ ...akta.fee.charges![0]!, locked: true }];
    assert.ok(lintManifest(bad, undefined, '0.1.0').issues.some((i) => i.pointer === `${at}/overlayable`), 'every part locked: not overlayable');
    assert.equal(lintManifest(dukcapil, undefined, '0.1.0').ok, true, 'the real plugin lints clean');
    assert.equal(lintManifest(imigrasi, undefined, '0.1.0').ok, true, 'the real plugin lints clean');
  });
});
