import assert from 'node:assert/strict';
import { addWorkingDays, endOfLocalDay, isWorkingDay, localDate } from './calendar.js';

// SKB 3 Menteri for 2025 around Lebaran (domain.md §3.9).
const days = {
  holidays: new Set(['2025-03-29', '2025-03-31', '2025-04-01', '2025-04-18']),
  cutiBersama: new Set(['2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07']),
  closures: new Set<string>(),
};
const normal = { cutiBersamaIsWorkingDay: false };
const staffed = { cutiBersamaIsWorkingDay: true };

describe('hari kerja (working days)', () => {
  it('counts from the working day after acceptance, skipping weekends, Lebaran 2025 and cuti bersama', () => {
    // Accepted Thu 27 Mar 2025: the next working day is Tue 8 Apr; 5 working days end Mon 14 Apr.
    assert.equal(addWorkingDays('2025-03-27', 1, days, normal), '2025-04-08');
    assert.equal(addWorkingDays('2025-03-27', 5, days, normal), '2025-04-14');
  });

  it('counts cuti bersama for agencies that staff their counter then', () => {
    assert.equal(addWorkingDays('2025-03-27', 1, days, staffed), '2025-03-28');
    assert.equal(addWorkingDays('2025-03-27', 5, days, staffed), '2025-04-07');
  });

  it('skips a tenant closure and counts ordinary weeks plainly', () => {
    assert.equal(addWorkingDays('2025-06-02', 3, { ...days, closures: new Set(['2025-06-03']) }, normal), '2025-06-06');
    assert.equal(addWorkingDays('2025-06-02', 5, days, normal), '2025-06-09');
    assert.equal(isWorkingDay('2025-06-07', days, normal), false);
  });

  it('works in the tenant time zone: local dates and the end of a local day', () => {
    // 2025-03-27T18:30Z is already 28 Mar in Jakarta (UTC+7).
    assert.equal(localDate(new Date('2025-03-27T18:30:00Z'), 'Asia/Jakarta'), '2025-03-28');
    assert.equal(endOfLocalDay('2025-04-14', 'Asia/Jakarta').toISOString(), '2025-04-14T16:59:59.999Z');
    assert.equal(endOfLocalDay('2025-04-14', 'Asia/Jayapura').toISOString(), '2025-04-14T14:59:59.999Z');
  });
});
