import assert from 'node:assert/strict';
import type { Schedule } from '@satupintu/plugin-sdk';
import { holidayLabels, planSessions, sessionWindow } from './schedule.js';

/** Kab. Bandung Barat's passport schedule (its overlay): Tuesday and Thursday, 09:00–12:00, 20 people, 80 % online. */
const KBB: Schedule = { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 0.8 };

describe('sessions from a weekly schedule (pure)', () => {
  it('gives KBB Tuesday and Thursday sessions of 20 (16 online) at 09:00 WIB', () => {
    const plan = planSessions(KBB, { from: '2026-12-21', to: '2026-12-27', timeZone: 'Asia/Jakarta', closed: new Set() });
    assert.deepEqual(plan.map((s) => s.date), ['2026-12-22', '2026-12-24']);
    const [tue] = plan;
    assert.deepEqual([tue!.capacity, tue!.onlineCapacity, tue!.start, tue!.end], [20, 16, '09:00', '12:00']);
    assert.equal(tue!.startsAt.toISOString(), '2026-12-22T02:00:00.000Z');
    assert.equal(tue!.endsAt.toISOString(), '2026-12-22T05:00:00.000Z');
  });

  it('skips dates the regency closed, keeps holidays (they are flagged), and orders by start', () => {
    const two: Schedule = { appointmentRequired: true, sessions: [{ days: ['TUE'], start: '13:00', end: '15:00', capacity: 5 }, { days: ['TUE'], start: '08:00', end: '10:00', capacity: 3 }] };
    const plan = planSessions(two, { from: '2026-12-21', to: '2026-12-31', timeZone: 'Asia/Makassar', closed: new Set(['2026-12-22']) });
    assert.deepEqual(plan.map((s) => `${s.date} ${s.start}`), ['2026-12-29 08:00', '2026-12-29 13:00']);
    assert.equal(plan[0]!.startsAt.toISOString(), '2026-12-29T00:00:00.000Z', '08:00 WITA');
    assert.equal(plan[0]!.onlineCapacity, 3, 'no onlineShare: all online');
    assert.deepEqual(planSessions(KBB, { from: '2026-12-23', to: '2026-12-22', timeZone: 'Asia/Jakarta', closed: new Set() }), []);
  });

  it('rounds the online share down', () => {
    const odd: Schedule = { appointmentRequired: true, sessions: [{ days: ['MON'], start: '09:00', end: '10:00', capacity: 7 }], onlineShare: 0.5 };
    assert.equal(planSessions(odd, { from: '2026-12-21', to: '2026-12-21', timeZone: 'Asia/Jakarta', closed: new Set() })[0]!.onlineCapacity, 3);
  });

  it('lists four weeks from today by default', () => {
    assert.deepEqual(sessionWindow('2026-12-21'), { from: '2026-12-21', to: '2027-01-17' });
    assert.deepEqual(sessionWindow('2026-12-21', { from: '2027-02-01', days: 7 }), { from: '2027-02-01', to: '2027-02-07' });
  });

  it('labels holidays, a national holiday over cuti bersama on the same date', () => {
    const labels = holidayLabels([
      { date: '2026-12-24', kind: 'cuti-bersama', name: { id: 'Cuti Bersama Natal' } },
      { date: '2026-12-25', kind: 'cuti-bersama', name: { id: 'X' } },
      { date: '2026-12-25', kind: 'national', name: { id: 'Hari Raya Natal' } },
      { date: '2026-12-26', kind: 'national', name: { id: 'Y' } },
      { date: '2026-12-26', kind: 'cuti-bersama', name: { id: 'Z' } },
    ]);
    assert.equal(labels.get('2026-12-24'), 'Cuti bersama: Cuti Bersama Natal');
    assert.equal(labels.get('2026-12-25'), 'Libur nasional: Hari Raya Natal');
    assert.equal(labels.get('2026-12-26'), 'Libur nasional: Y');
    assert.equal(labels.get('2026-12-27'), undefined);
  });
});
