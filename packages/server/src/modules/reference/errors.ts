import { defineProblem } from '@satupintu/core';

export const regencyNotFound = defineProblem(
  {
    code: 'REGENCY_NOT_FOUND',
    status: 404,
    title: { id: 'Kabupaten/kota tidak ditemukan', en: 'Regency/city not found' },
    description: { id: 'Kode tidak ada dalam Kepmendagri 300.2.2-2138/2025 (atau kode provinsi).', en: 'The code is not a regency/city of Kepmendagri 300.2.2-2138/2025 (or is a province code).' },
  },
  (code: string) => ({ detail: { id: `Tidak ada kabupaten/kota dengan kode ${code}.`, en: `There is no regency/city with code ${code}.` } }),
);
