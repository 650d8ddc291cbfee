import { defineProblem } from '@satupintu/core';

export const holidayNotFound = defineProblem(
  { code: 'HOLIDAY_NOT_FOUND', status: 404, title: { id: 'Hari libur tidak ditemukan', en: 'Holiday not found' } },
  (date: string, kind: string) => ({ detail: { id: `Tidak ada ${kind === 'national' ? 'libur nasional' : 'cuti bersama'} pada ${date}.`, en: `There is no ${kind} holiday on ${date}.` } }),
);
