import { createHash } from 'node:crypto';
import { localDate, localDateTime, type LocalizedText } from '@satupintu/core';
import { parse as parseCsv } from 'csv-parse/sync';

/** What a regency may import (docs/onboarding.md, "Importing history"). */
export const IMPORT_KINDS = ['applications', 'visits', 'complaints', 'skm'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Rows per file (one batch, one transaction; the JSON body is at most 1 MiB). Larger exports are split into several files. */
export const MAX_ROWS = 5_000;

/** One refused row: its number in the file (1 = the first data row), the column, why. */
export interface Rejection {
  row: number;
  field: string;
  reason: LocalizedText;
}

export interface ApplicationRecord {
  kind: 'applications';
  key: string;
  agency: string;
  service: string;
  channel: 'online' | 'assisted' | 'counter';
  submittedAt: Date;
  completedAt: Date | null;
  status: 'in-progress' | 'completed' | 'rejected' | 'withdrawn';
  slaMet: boolean | null;
}
export interface VisitRecord {
  kind: 'visits';
  key: string;
  visitedAt: Date;
  localDate: string;
  agency: string;
  service: string | null;
  visitKind: 'walk-in' | 'booked';
}
export interface ComplaintRecord {
  kind: 'complaints';
  key: string;
  receivedAt: Date;
  answeredAt: Date | null;
  answeredOnTime: boolean | null;
  channel: 'online' | 'counter';
  category: string;
  status: string;
  agency: string | null;
}
export interface SkmRecord {
  kind: 'skm';
  key: string;
  localDate: string;
  plugin: string;
  service: string;
  agency: string;
  scores: number[];
}
export type HistoryRecord = ApplicationRecord | VisitRecord | ComplaintRecord | SkmRecord;

/**
 * Columns that name or identify a person. The aggregates never need them: when a file carries
 * them they are dropped before validation, never stored, and listed in the report (UU 27/2022, data minimisation).
 */
const PERSONAL = new Set([
  'nik', 'no_nik', 'nomor_induk_kependudukan', 'nama', 'name', 'nama_pemohon', 'nama_pengadu', 'nama_responden', 'applicant', 'pemohon', 'pengadu', 'responden',
  'kk', 'no_kk', 'nkk', 'npwp', 'alamat', 'address', 'email', 'surel', 'telepon', 'phone', 'no_hp', 'hp', 'whatsapp', 'tanggal_lahir', 'tgl_lahir', 'birth_date',
  'tempat_lahir', 'jenis_kelamin', 'sex', 'umur', 'usia', 'age', 'pendidikan', 'education', 'pekerjaan', 'occupation', 'saran', 'suggestion', 'isi', 'uraian', 'body', 'judul', 'title',
]);

/** Each field with the column names older systems use for it (Indonesian first). */
const COLUMNS: Record<ImportKind, Record<string, string[]>> = {
  applications: {
    external_id: ['external_id', 'id', 'no_registrasi', 'nomor_registrasi', 'no_permohonan'],
    agency: ['agency', 'instansi', 'kode_instansi'],
    service: ['service', 'layanan', 'kode_layanan'],
    channel: ['channel', 'kanal', 'saluran'],
    submitted_at: ['submitted_at', 'waktu_masuk', 'tanggal_masuk', 'diajukan_pada'],
    completed_at: ['completed_at', 'waktu_selesai', 'tanggal_selesai', 'selesai_pada'],
    status: ['status', 'status_akhir', 'final_state'],
    sla_met: ['sla_met', 'tepat_waktu', 'sesuai_sla'],
  },
  visits: {
    // Not the queue number: counters restart it every day.
    external_id: ['external_id', 'id', 'id_kunjungan'],
    visited_at: ['visited_at', 'waktu', 'waktu_datang', 'check_in', 'checkin_at'],
    agency: ['agency', 'instansi', 'kode_instansi'],
    service: ['service', 'layanan', 'kode_layanan'],
    kind: ['kind', 'jenis', 'jenis_kunjungan'],
  },
  complaints: {
    external_id: ['external_id', 'id', 'no_pengaduan', 'nomor_pengaduan', 'no_tiket'],
    received_at: ['received_at', 'waktu_diterima', 'tanggal_diterima', 'diterima_pada'],
    answered_at: ['answered_at', 'waktu_dijawab', 'tanggal_dijawab', 'dijawab_pada'],
    answered_on_time: ['answered_on_time', 'dijawab_tepat_waktu'],
    channel: ['channel', 'kanal', 'saluran'],
    category: ['category', 'kategori'],
    status: ['status'],
    agency: ['agency', 'instansi', 'kode_instansi'],
  },
  skm: {
    external_id: ['external_id', 'id', 'no_kuesioner', 'nomor_kuesioner'],
    date: ['date', 'tanggal', 'tanggal_survei'],
    agency: ['agency', 'instansi', 'kode_instansi'],
    service: ['service', 'layanan', 'kode_layanan'],
    ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, [`u${i + 1}`, `unsur_${i + 1}`]])),
  },
};

/** The column each name stands for, per kind (names compared in lower case, spaces and dashes as `_`). */
const ALIASES = Object.fromEntries(
  IMPORT_KINDS.map((k) => [k, new Map(Object.entries(COLUMNS[k]).flatMap(([field, names]) => names.map((n) => [n, field] as const)))]),
) as Record<ImportKind, Map<string, string>>;

const normalName = (s: string) => s.trim().toLowerCase().replace(/^\uFEFF/, '').replace(/[\s-]+/g, '_');

/** The file's rows as plain objects of strings, keyed by the file's own (normalised) column names. */
export function readRows(format: ImportFormat, data: unknown): Record<string, unknown>[] {
  if (format === 'csv') {
    if (typeof data !== 'string') throw new TypeError('csv data must be text');
    // RFC 4180 with a header row; `;` files (Indonesian Excel) are told apart by the header line.
    const header = data.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
    return parseCsv(data, { bom: true, columns: (h: string[]) => h.map(normalName), delimiter, skip_empty_lines: true, trim: true, relax_column_count: false }) as Record<string, unknown>[];
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? ((data as Record<string, unknown>).rows ?? (data as Record<string, unknown>).data ?? (data as Record<string, unknown>).items) : undefined;
  if (!Array.isArray(list)) throw new TypeError('json data must be an array of rows (or { rows: [...] })');
  return list.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? Object.fromEntries(Object.entries(r).map(([k, v]) => [normalName(k), v])) : {}));
}

/** Columns of the file split into fields, dropped personal columns and other ignored columns. */
export function mapColumns(kind: ImportKind, rows: Record<string, unknown>[]): { personal: string[]; ignored: string[] } {
  const names = new Set(rows.flatMap((r) => Object.keys(r)));
  const personal = [...names].filter((n) => PERSONAL.has(n)).sort();
  const ignored = [...names].filter((n) => !PERSONAL.has(n) && !ALIASES[kind].has(n)).sort();
  return { personal, ignored };
}

class RowError extends Error {
  constructor(
    readonly field: string,
    readonly reason: LocalizedText,
  ) {
    super(reason.en);
  }
}
const fail = (field: string, id: string, en: string): never => {
  throw new RowError(field, { id, en });
};

/** One row's fields by their canonical name (values as trimmed strings; empty = absent). */
function fieldsOf(kind: ImportKind, raw: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    const field = ALIASES[kind].get(name);
    if (!field || value === null || value === undefined) continue;
    const text = (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)).trim();
    if (text !== '' && !out.has(field)) out.set(field, text);
  }
  return out;
}

const required = (f: Map<string, string>, field: string): string => f.get(field) ?? fail(field, 'Kolom wajib diisi.', 'The column is required.');

const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;
function code(f: Map<string, string>, field: string, opt = false): string | null {
  const v = opt ? f.get(field) : required(f, field);
  if (v === undefined) return null;
  const c = v.toLowerCase();
  if (!CODE.test(c)) fail(field, 'Kode hanya huruf kecil, angka dan tanda hubung (mis. dukcapil).', 'A code has lower-case letters, digits and dashes only (e.g. dukcapil).');
  return c;
}

function oneOf<T extends string>(f: Map<string, string>, field: string, map: Record<string, T>, opt = false): T | null {
  const v = opt ? f.get(field) : required(f, field);
  if (v === undefined) return null;
  const hit = map[v.toLowerCase().replace(/\s+/g, '-')];
  if (!hit) fail(field, `Nilai "${v}" tidak dikenal; yang diterima: ${[...new Set(Object.values(map))].join(', ')}.`, `Unknown value "${v}"; accepted: ${[...new Set(Object.values(map))].join(', ')}.`);
  return hit!;
}

const YES_NO: Record<string, boolean> = { ya: true, y: true, yes: true, true: true, '1': true, tidak: false, t: false, no: false, n: false, false: false, '0': false };
function yesNo(f: Map<string, string>, field: string, opt: boolean): boolean | null {
  const v = opt ? f.get(field) : required(f, field);
  if (v === undefined) return null;
  const b = YES_NO[v.toLowerCase()];
  if (b === undefined) fail(field, `"${v}" bukan ya/tidak.`, `"${v}" is not yes/no.`);
  return b!;
}

/**
 * A timestamp: ISO 8601 with an offset (`2025-02-03T09:15:00+07:00`, `…Z`), or a local time in the
 * tenant's zone: `2025-02-03 09:15[:00]`, `3/2/2025 9.15`, `03-02-2025 09:15` (day first, and the
 * dot between hours and minutes, as Indonesian sheets write them).
 */
export function parseTime(text: string, timeZone: string): Date | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const two = (v: string) => v.padStart(2, '0');
  const [y, mo, d] = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, two(m[5]!), two(m[4]!)];
  const date = `${y}-${mo}-${d}`;
  const time = `${two(m[7] ?? '0')}:${m[8] ?? '00'}:${m[9] ?? '00'}`;
  if (!validDate(date) || Number(m[7] ?? 0) > 23 || Number(m[8] ?? 0) > 59 || Number(m[9] ?? 0) > 59) return undefined;
  return localDateTime(date, time, timeZone);
}

function validDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Pinned clock reading and zone every row is checked against (no row may lie in the future). */
export interface RowContext {
  now: Date;
  timeZone: string;
  /** The system the file comes from: its ids are unique only within it (two queue apps may both start at 1). */
  source?: string;
}

function time(f: Map<string, string>, field: string, c: RowContext, opt = false): Date | null {
  const v = opt ? f.get(field) : required(f, field);
  if (v === undefined) return null;
  const t = parseTime(v, c.timeZone);
  if (!t) fail(field, `"${v}" bukan waktu yang dikenali (mis. 2025-02-03 09:15 atau 2025-02-03T09:15:00+07:00).`, `"${v}" is not a recognised time (e.g. 2025-02-03 09:15 or 2025-02-03T09:15:00+07:00).`);
  if (t!.getTime() > c.now.getTime()) fail(field, 'Waktu di masa depan: riwayat hanya berisi kejadian yang sudah terjadi.', 'A time in the future: history holds only what already happened.');
  return t!;
}

/** The row's key from the file's own id (within the named source), if it has one. */
function idKeyOf(f: Map<string, string>, source: string | undefined): string | undefined {
  const id = f.get('external_id');
  if (id === undefined) return undefined;
  if (id.length > 200) fail('external_id', 'ID eksternal paling panjang 200 karakter.', 'An external id has at most 200 characters.');
  return source ? `id:${source}:${id}` : `id:${id}`;
}

/**
 * Without an id: a digest of what the row says once read (times as instants, values mapped), so
 * the same fact exported again with another date format or column naming gets the same key.
 */
function contentKeyOf(r: HistoryRecord): string {
  const { key: _key, ...facts } = r;
  return `sha256:${createHash('sha256').update(JSON.stringify(facts)).digest('hex')}`;
}

const CHANNELS: Record<string, 'online' | 'assisted' | 'counter'> = {
  online: 'online', daring: 'online', web: 'online', aplikasi: 'online',
  assisted: 'assisted', dibantu: 'assisted', 'online-dibantu': 'assisted',
  offline: 'counter', luring: 'counter', loket: 'counter', counter: 'counter', gerai: 'counter',
};
const APP_STATUSES: Record<string, ApplicationRecord['status']> = {
  completed: 'completed', selesai: 'completed', rejected: 'rejected', ditolak: 'rejected', withdrawn: 'withdrawn', dibatalkan: 'withdrawn', batal: 'withdrawn',
  'in-progress': 'in-progress', proses: 'in-progress', diproses: 'in-progress', submitted: 'in-progress',
};
const VISIT_KINDS: Record<string, VisitRecord['visitKind']> = { 'walk-in': 'walk-in', walkin: 'walk-in', langsung: 'walk-in', 'datang-langsung': 'walk-in', booked: 'booked', janji: 'booked', 'janji-temu': 'booked', booking: 'booked', reservasi: 'booked' };
const COMPLAINT_CHANNELS: Record<string, ComplaintRecord['channel']> = { online: 'online', daring: 'online', lapor: 'online', 'sp4n-lapor': 'online', email: 'online', whatsapp: 'online', web: 'online', counter: 'counter', loket: 'counter', offline: 'counter', luring: 'counter', langsung: 'counter', 'kotak-saran': 'counter' };
const COMPLAINT_CATEGORIES: Record<string, string> = Object.fromEntries(['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'].map((c) => [c, c]));
const COMPLAINT_STATUSES: Record<string, string> = {
  ...Object.fromEntries(['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected'].map((s) => [s, s])),
  masuk: 'submitted', diteruskan: 'forwarded', ditangani: 'handling', diproses: 'handling', dijawab: 'answered', selesai: 'closed', ditutup: 'closed', ditolak: 'rejected',
};

/** One row checked and converted; throws the first problem as a RowError. */
function recordOf(kind: ImportKind, raw: Record<string, unknown>, c: RowContext): HistoryRecord {
  const f = fieldsOf(kind, raw);
  const id = idKeyOf(f, c.source);
  const r = factsOf(kind, f, c);
  r.key = id ?? contentKeyOf(r);
  return r;
}

/** The row's facts, checked (the key is set by the caller). */
function factsOf(kind: ImportKind, f: Map<string, string>, c: RowContext): HistoryRecord {
  const key = '';
  switch (kind) {
    case 'applications': {
      const submittedAt = time(f, 'submitted_at', c)!;
      const status = oneOf(f, 'status', APP_STATUSES)!;
      const completedAt = time(f, 'completed_at', c, status !== 'completed');
      if (completedAt && completedAt < submittedAt) fail('completed_at', 'Waktu selesai sebelum waktu masuk.', 'Completed before it was submitted.');
      return {
        kind, key, agency: code(f, 'agency')!, service: code(f, 'service')!, channel: oneOf(f, 'channel', CHANNELS)!, submittedAt,
        completedAt: status === 'completed' ? completedAt : null, status, slaMet: yesNo(f, 'sla_met', status !== 'completed'),
      };
    }
    case 'visits': {
      const visitedAt = time(f, 'visited_at', c)!;
      return { kind, key, visitedAt, localDate: localDate(visitedAt, c.timeZone), agency: code(f, 'agency')!, service: code(f, 'service', true), visitKind: oneOf(f, 'kind', VISIT_KINDS)! };
    }
    case 'complaints': {
      const receivedAt = time(f, 'received_at', c)!;
      const answeredAt = time(f, 'answered_at', c, true);
      if (answeredAt && answeredAt < receivedAt) fail('answered_at', 'Waktu dijawab sebelum waktu diterima.', 'Answered before it was received.');
      const answeredOnTime = yesNo(f, 'answered_on_time', true);
      if (answeredOnTime !== null && !answeredAt) fail('answered_on_time', 'Tepat waktu hanya untuk pengaduan yang dijawab (isi answered_at).', 'On time only applies to an answered complaint (fill answered_at).');
      return {
        kind, key, receivedAt, answeredAt, answeredOnTime, channel: oneOf(f, 'channel', COMPLAINT_CHANNELS)!, category: oneOf(f, 'category', COMPLAINT_CATEGORIES)!,
        status: oneOf(f, 'status', COMPLAINT_STATUSES)!, agency: code(f, 'agency', true),
      };
    }
    case 'skm': {
      const d = required(f, 'date');
      const at = parseTime(d, c.timeZone);
      if (!at) fail('date', `"${d}" bukan tanggal yang dikenali (mis. 2025-02-03).`, `"${d}" is not a recognised date (e.g. 2025-02-03).`);
      if (at!.getTime() > c.now.getTime()) fail('date', 'Tanggal di masa depan.', 'A date in the future.');
      const agency = code(f, 'agency')!;
      // `plugin.service` as the API writes it, or a service code of the agency's own plugin.
      const s = required(f, 'service').toLowerCase();
      const parts = s.split('.');
      const [plugin, service] = parts.length === 2 ? (parts as [string, string]) : [agency, s];
      if (parts.length > 2 || !CODE.test(plugin) || !CODE.test(service)) fail('service', 'Layanan ditulis sebagai kode (mis. paspor-baru atau imigrasi.paspor-baru).', 'A service is a code (e.g. paspor-baru or imigrasi.paspor-baru).');
      const scores = Array.from({ length: 9 }, (_, i) => {
        const field = `u${i + 1}`;
        const v = required(f, field);
        if (!/^[1-4]$/.test(v)) fail(field, `Nilai unsur U${i + 1} harus 1–4 (PermenPANRB 14/2017).`, `Element U${i + 1} is scored 1–4 (PermenPANRB 14/2017).`);
        return Number(v);
      });
      return { kind, key, localDate: localDate(at!, c.timeZone), plugin, service, agency, scores };
    }
  }
}

/** Every row checked: the records to store (first of each id within the file) and the refusals. */
export function validateRows(kind: ImportKind, rows: Record<string, unknown>[], c: RowContext): { records: { row: number; record: HistoryRecord }[]; rejections: Rejection[]; repeated: number } {
  const records: { row: number; record: HistoryRecord }[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  let repeated = 0;
  rows.forEach((raw, i) => {
    try {
      const record = recordOf(kind, raw, c);
      // Without an id, equal rows are distinct facts (two walk-ins in the same minute): the nth
      // occurrence in the file gets its own key, the same one when the file is imported again.
      if (record.key.startsWith('sha256:')) {
        const n = (occurrences.get(record.key) ?? 0) + 1;
        occurrences.set(record.key, n);
        if (n > 1) record.key = `${record.key}#${n}`;
      }
      // The same id twice in one file is one fact (counted with the already-imported ones).
      if (seen.has(record.key)) repeated++;
      else {
        seen.add(record.key);
        records.push({ row: i + 1, record });
      }
    } catch (err) {
      if (err instanceof RowError) rejections.push({ row: i + 1, field: err.field, reason: err.reason });
      else throw err;
    }
  });
  return { records, rejections, repeated };
}

/** The local date of a record (for the batch's span). */
export function dayOf(r: HistoryRecord, timeZone: string): string {
  switch (r.kind) {
    case 'applications':
      return localDate(r.submittedAt, timeZone);
    case 'visits':
      return r.localDate;
    case 'complaints':
      return localDate(r.receivedAt, timeZone);
    case 'skm':
      return r.localDate;
  }
}
