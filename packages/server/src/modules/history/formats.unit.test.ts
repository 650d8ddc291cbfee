import assert from 'node:assert/strict';
import { mapColumns, parseTime, readRows, validateRows } from './formats.js';

const c = { now: new Date('2026-12-07T03:00:00Z'), timeZone: 'Asia/Makassar' };

describe('history import formats (pure)', () => {
  it('reads local times in the tenant’s zone, ISO times with their offset, day-first dates; refuses impossible dates', () => {
    assert.equal(parseTime('2025-02-03 09:15', 'Asia/Makassar')?.toISOString(), '2025-02-03T01:15:00.000Z');
    assert.equal(parseTime('03/02/2025 09:15', 'Asia/Jayapura')?.toISOString(), '2025-02-03T00:15:00.000Z');
    assert.equal(parseTime('2025-02-03T09:15:00+07:00', 'Asia/Makassar')?.toISOString(), '2025-02-03T02:15:00.000Z');
    assert.equal(parseTime('2025-02-03', 'Asia/Jakarta')?.toISOString(), '2025-02-02T17:00:00.000Z');
    assert.equal(parseTime('3/2/2025 9.15', 'Asia/Jakarta')?.toISOString(), '2025-02-03T02:15:00.000Z', 'Excel in the Indonesian locale');
    assert.equal(parseTime('03-02-2025 09.15.30', 'Asia/Jakarta')?.toISOString(), '2025-02-03T02:15:30.000Z');
    for (const bad of ['2025-02-30 09:00', '31/04/2025', '2025-02-03 25:00', 'kemarin', '2025-2-3']) assert.equal(parseTime(bad, 'Asia/Jakarta'), undefined, bad);
  });

  it('reads CSV with comma or semicolon and a BOM, JSON as an array or { rows }; column names are normalised', () => {
    assert.deepEqual(readRows('csv', '\uFEFFNo Antrean;Waktu\r\nV-1;2025-01-06 08:00\r\n'), [{ no_antrean: 'V-1', waktu: '2025-01-06 08:00' }]);
    assert.deepEqual(readRows('csv', 'id,"jenis kunjungan"\n1,"langsung, tanpa janji"\n'), [{ id: '1', jenis_kunjungan: 'langsung, tanpa janji' }]);
    assert.deepEqual(readRows('json', { rows: [{ 'Kode-Instansi': 'dukcapil' }] }), [{ kode_instansi: 'dukcapil' }]);
    assert.throws(() => readRows('csv', 'a,b\n1,2,3\n'));
    assert.throws(() => readRows('json', { nothing: true }));
  });

  it('names personal columns (never stored) apart from unknown ones', () => {
    assert.deepEqual(mapColumns('visits', [{ nik: '1', nama: 'x', waktu: 'y', warna: 'z' }]), { personal: ['nama', 'nik'], ignored: ['warna'] });
  });

  it('keys rows by external id (an id repeated in one file is one fact), or by their content and occurrence (two equal walk-ins are two)', () => {
    const row = { waktu: '2025-01-06 08:00', instansi: 'dukcapil', jenis: 'langsung' };
    const rows = [row, { ...row, nama: 'Budi' }, { id: 'V-9', ...row }, { id: 'V-9', ...row }];
    const r = validateRows('visits', rows, c);
    assert.deepEqual(r.records.map((x) => x.row), [1, 2, 3]);
    assert.equal(r.repeated, 1);
    const [a, b, v] = r.records.map((x) => x.record.key);
    assert.match(a!, /^sha256:[0-9a-f]{64}$/);
    assert.equal(b, `${a}#2`, 'a personal column does not change the key');
    assert.equal(v, 'id:V-9');
    assert.deepEqual(validateRows('visits', rows, c).records.map((x) => x.record.key), [a, b, v], 'the same file gives the same keys');
    const reexported = validateRows('visits', [{ check_in: '06/01/2025 08.00', kode_instansi: 'DUKCAPIL', jenis_kunjungan: 'walk-in' }], c);
    assert.equal(reexported.records[0]!.record.key, a, 'the same fact in another date format and column naming is the same row');
  });

  it('an application completed needs its completion time and whether the SLA was met; channels map to online, assisted, counter', () => {
    const base = { id: 'A', instansi: 'dukcapil', layanan: 'ktpel', waktu_masuk: '2025-01-06 08:00' };
    const r = validateRows(
      'applications',
      [
        { ...base, kanal: 'luring', status: 'selesai', waktu_selesai: '2025-01-07 08:00', tepat_waktu: 'ya' },
        { ...base, id: 'B', kanal: 'dibantu', status: 'selesai', waktu_selesai: '2025-01-07 08:00' },
        { ...base, id: 'C', kanal: 'daring', status: 'selesai', waktu_selesai: '2025-01-05 08:00', tepat_waktu: 'tidak' },
        { ...base, id: 'D', kanal: 'daring', status: 'ditolak', waktu_selesai: '2025-01-07 08:00' },
      ],
      c,
    );
    assert.deepEqual(r.rejections.map((x) => [x.row, x.field]), [[2, 'sla_met'], [3, 'completed_at']]);
    const [a, d] = r.records.map((x) => x.record);
    assert.ok(a?.kind === 'applications' && a.channel === 'counter' && a.slaMet === true);
    assert.ok(d?.kind === 'applications' && d.status === 'rejected' && d.completedAt === null, 'only a completion carries a completion time');
  });
});
