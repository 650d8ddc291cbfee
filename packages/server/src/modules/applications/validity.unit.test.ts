import assert from 'node:assert/strict';
import type { DocumentRequirement } from '@satupintu/plugin-sdk';
import { carriedEvidence, prefillFrom, statedEvidence, validityProblems, withValues } from './validity.js';

/** A health certificate accepted for 3 months from a puskesmas or hospital, its date and issuer stated in the form. */
const surat: DocumentRequirement = {
  code: 'surat-sehat',
  name: { id: 'Surat keterangan sehat', en: 'health certificate' },
  accept: ['application/pdf'],
  maxSizeMb: 5,
  minCount: 1,
  maxCount: 1,
  validity: {
    maxAge: { value: 3, unit: 'months' },
    issuer: { accept: ['puskesmas', 'rumah-sakit'], name: { id: 'puskesmas atau rumah sakit', en: 'a community health centre or hospital' } },
    fields: { number: '/suratSehat/nomor', issuedOn: '/suratSehat/tanggal', issuer: '/suratSehat/penerbit' },
    required: ['number', 'issuedOn', 'issuer'],
  },
};
const sktlk: DocumentRequirement = {
  code: 'sktlk', name: { id: 'SKTLK', en: 'loss report' }, accept: ['application/pdf'], maxSizeMb: 5, minCount: 0, maxCount: 1,
  fromService: { plugin: 'polri', service: 'sktlk', output: 'sktlk', maxAgeDays: 14, prefill: { '/noSktlk': '/nomor', '/tglSktlk': '/tanggal' } },
  validity: { issuer: { accept: ['polri'], name: { id: 'Kepolisian', en: 'the police' } }, fields: { number: '/noSktlk', issuedOn: '/tglSktlk' }, required: ['number', 'issuedOn'] },
};
const form = (tanggal: string, penerbit = 'puskesmas') => ({ suratSehat: { nomor: '445/12/PKM', tanggal, penerbit } });

describe('document validity rules (issue 23)', () => {
  it('months are calendar months from the date of issue (the last day of a shorter month)', () => {
    assert.deepEqual(validityProblems(surat, statedEvidence(surat, form('2026-09-07')), '2026-12-07'), []);
    assert.equal(validityProblems(surat, statedEvidence(surat, form('2026-09-06')), '2026-12-07').length, 1);
    // 30 November + 3 months = 28 February (2027 has no 29th): accepted on the 28th, not the 1st of March.
    assert.deepEqual(validityProblems(surat, statedEvidence(surat, form('2026-11-30')), '2027-02-28'), []);
    const late = validityProblems(surat, statedEvidence(surat, form('2026-11-30')), '2027-03-01');
    assert.deepEqual(late.map((e) => e.pointer), ['/data/suratSehat/tanggal']);
    assert.match(late[0]!.message.id, /paling lama 3 bulan/);
  });

  it('refuses an issuer the document type does not accept, a future date, and missing required fields', () => {
    const wrong = validityProblems(surat, statedEvidence(surat, form('2026-12-01', 'klinik-kecantikan')), '2026-12-07');
    assert.deepEqual(wrong.map((e) => e.pointer), ['/data/suratSehat/penerbit']);
    assert.match(wrong[0]!.message.en, /must be issued by a community health centre or hospital; this one is from klinik-kecantikan/);
    assert.match(validityProblems(surat, statedEvidence(surat, form('2026-12-08')), '2026-12-07')[0]!.message.en, /in the future/);
    const empty = validityProblems(surat, statedEvidence(surat, {}), '2026-12-07');
    assert.deepEqual(empty.map((e) => e.pointer).sort(), ['/data/suratSehat/nomor', '/data/suratSehat/penerbit', '/data/suratSehat/tanggal']);
    assert.deepEqual(validityProblems(surat, statedEvidence(surat, {}), '2026-12-07', true), [], 'partial: only what is stated is judged');
  });

  it('a journey is judged on what its issuing application says: agency, the earlier of issue day and recorded date, its number', () => {
    const issuedAt = new Date('2026-12-01T20:00:00Z'); // 2 December in Jakarta
    const ev = carriedEvidence({ agencyCode: 'polri', issuedAt, data: { nomor: 'SKTLK/1', tanggal: '2026-12-05' }, trackingCode: 'AB12-CD34', outputCode: 'sktlk' }, { code: 'sktlk', name: sktlk.name, kind: 'document', data: { schema: {}, number: '/nomor', issuedOn: '/tanggal' } }, 'Asia/Jakarta');
    assert.deepEqual(ev, { source: 'journey', issuer: 'polri', issuedOn: '2026-12-02', number: 'SKTLK/1' });
    assert.deepEqual(validityProblems(sktlk, ev, '2026-12-16'), []);
    const old = validityProblems(sktlk, ev, '2026-12-17');
    assert.deepEqual(old.map((e) => e.pointer), ['/documents/sktlk'], 'fromService.maxAgeDays is the age limit where validity has none');
    const foreign = validityProblems(sktlk, { ...ev, issuer: 'dukcapil' }, '2026-12-03');
    assert.match(foreign[0]!.message.id, /harus diterbitkan oleh Kepolisian/);
    const legacy = carriedEvidence({ agencyCode: 'polri', issuedAt, data: null, trackingCode: 'AB12-CD34', outputCode: 'sktlk' }, undefined, 'Asia/Jakarta');
    assert.equal(legacy.number, 'AB12-CD34/SKTLK', 'an output issued before data was recorded carries the platform number');
  });

  it('pre-fills the mapped form fields from the output data only', () => {
    const filled = prefillFrom(sktlk, { nomor: 'SKTLK/1', tanggal: '2026-12-05', unit: 'SPKT' });
    assert.deepEqual(filled, { '/noSktlk': 'SKTLK/1', '/tglSktlk': '2026-12-05' });
    assert.deepEqual(prefillFrom(sktlk, null), {});
    assert.deepEqual(withValues({ a: 1, b: { c: 2 } }, { '/b/d': 3, '/e': 'x' }), { a: 1, b: { c: 2, d: 3 }, e: 'x' });
  });
});
