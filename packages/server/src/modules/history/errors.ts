import { defineProblem } from '@satupintu/core';

export const importUnreadable = defineProblem(
  { code: 'IMPORT_FILE_UNREADABLE', status: 422, title: { id: 'Berkas impor tidak dapat dibaca', en: 'The import file cannot be read' } },
  (reason: string) => ({
    detail: { id: `Berkas tidak dapat dibaca sebagai CSV/JSON: ${reason}`, en: `The file cannot be read as CSV/JSON: ${reason}` },
    errors: [{ pointer: '/data', message: { id: 'CSV dengan baris judul kolom, atau JSON berupa larik baris.', en: 'CSV with a header row, or JSON as an array of rows.' } }],
  }),
);

export const importTooLarge = defineProblem(
  { code: 'IMPORT_TOO_MANY_ROWS', status: 413, title: { id: 'Berkas impor terlalu besar', en: 'The import file has too many rows' } },
  (max: number, rows: number) => ({
    detail: { id: `Berkas berisi ${rows} baris; paling banyak ${max} per berkas. Pecah ekspor menjadi beberapa berkas.`, en: `The file has ${rows} rows; at most ${max} per file. Split the export into several files.` },
    errors: [{ pointer: '/data', message: { id: `Paling banyak ${max} baris.`, en: `At most ${max} rows.` } }],
  }),
);

export const visitsPeriodInvalid = defineProblem(
  { code: 'VISITS_PERIOD_INVALID', status: 400, title: { id: 'Periode kunjungan tidak sah', en: 'Invalid visits period' } },
  (max: number) => ({
    detail: { id: `"from" harus sebelum atau sama dengan "to", paling lama ${max} hari.`, en: `"from" must not be after "to", and the period is at most ${max} days.` },
    errors: [{ pointer: '/query/to', message: { id: `Paling lama ${max} hari setelah "from".`, en: `At most ${max} days after "from".` } }],
  }),
);

export const batchNotFound = defineProblem(
  { code: 'IMPORT_BATCH_NOT_FOUND', status: 404, title: { id: 'Batch impor tidak ditemukan', en: 'Import batch not found' } },
  (id: string) => ({ detail: { id: `Tidak ada batch impor ${id} pada tenant ini.`, en: `There is no import batch ${id} in this tenant.` } }),
);

export const importEmpty = defineProblem(
  { code: 'IMPORT_FILE_EMPTY', status: 422, title: { id: 'Berkas impor tanpa baris data', en: 'The import file has no data rows' } },
  () => ({
    detail: { id: 'Berkas hanya berisi judul kolom atau kosong: tidak ada yang diimpor.', en: 'The file is empty or holds only the header: nothing to import.' },
    errors: [{ pointer: '/data', message: { id: 'Minimal satu baris data.', en: 'At least one data row.' } }],
  }),
);
