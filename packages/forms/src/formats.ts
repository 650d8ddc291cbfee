import { listProvinces } from '@satupintu/core';

/**
 * Indonesian identifier formats for plugin forms (domain.md §3). Format checks only: authoritative
 * NIK verification needs a data-access agreement with Ditjen Dukcapil.
 */
const provinceCodes = new Set(listProvinces().map((p) => p.code));

function realDate(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Without a century, 29 February is possible (some leap year).
  const max = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
  return day <= max;
}

const digits = (s: string) => s.replace(/[.\-\s]/g, '');

/** NIK: PP KK CC DDMMYY SSSS; day +40 for women; serial from 0001. */
export function isNik(value: string): boolean {
  if (!/^\d{16}$/.test(value)) return false;
  if (!provinceCodes.has(value.slice(0, 2))) return false;
  let day = Number(value.slice(6, 8));
  if (day > 40) day -= 40;
  if (!realDate(day, Number(value.slice(8, 10)))) return false;
  // 29 February needs a leap year: with two digits, a year divisible by 4 (2000 was one).
  if (day === 29 && value.slice(8, 10) === '02' && Number(value.slice(10, 12)) % 4 !== 0) return false;
  return value.slice(12) !== '0000';
}

/** Nomor KK: 6-digit area, data-entry date DDMMYY (no +40), serial from 0001. */
export function isNkk(value: string): boolean {
  if (!/^\d{16}$/.test(value)) return false;
  if (!provinceCodes.has(value.slice(0, 2))) return false;
  if (!realDate(Number(value.slice(6, 8)), Number(value.slice(8, 10)))) return false;
  return value.slice(12) !== '0000';
}

/** Luhn over the first 9 digits of a 15-digit NPWP (the 9th is the check digit). */
function npwp15Valid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(d[i]) * (i % 2 === 0 ? 1 : 2);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

/** NPWP: 15 digits (with Luhn check), or 16 (the NIK of a resident, or 0 + NPWP15), dots/dashes allowed. */
export function isNpwp(value: string): boolean {
  if (!/^[\d.\-\s]+$/.test(value)) return false;
  const d = digits(value);
  if (d.length === 15) return npwp15Valid(d);
  if (d.length === 16) return d.startsWith('0') ? npwp15Valid(d.slice(1)) : isNik(d);
  return false;
}

/** The canonical 16-digit NPWP (PMK 112/2022). */
export function npwp16(value: string): string {
  const d = digits(value);
  return d.length === 15 ? `0${d}` : d;
}

/** Mobile 08… / +628… / 628… (unknown prefixes allowed), or a landline with area code. */
export function isPhoneId(value: string): boolean {
  const v = value.replace(/[\s-]/g, '');
  return /^(?:\+62|62|0)8[1-9]\d{6,10}$/.test(v) || /^(?:\+62|0)[2-7]\d{1,3}\d{5,8}$/.test(v);
}

/** E.164 for a mobile number: 0812… → +62812…. */
export function phoneE164(value: string): string {
  const v = value.replace(/[\s-]/g, '');
  return v.startsWith('+') ? v : v.startsWith('62') ? `+${v}` : `+62${v.slice(1)}`;
}

/** NIP (civil servant): 18 digits, birth date YYYYMMDD first, then appointment YYYYMM, sex (1/2), serial. */
export function isNip(value: string): boolean {
  if (!/^\d{18}$/.test(value)) return false;
  const y = Number(value.slice(0, 4));
  if (y < 1900 || !realDate(Number(value.slice(6, 8)), Number(value.slice(4, 6)), y)) return false;
  const month = Number(value.slice(12, 14));
  return month >= 1 && month <= 12 && (value[14] === '1' || value[14] === '2');
}

/** Every format a plugin form may name in `"format"`, with its message. */
export const ID_FORMATS: Record<string, { validate: (v: string) => boolean; message: { id: string; en: string } }> = {
  nik: { validate: isNik, message: { id: 'NIK harus 16 digit dengan kode wilayah dan tanggal lahir yang sah.', en: 'A NIK has 16 digits with a valid region code and birth date.' } },
  nkk: { validate: isNkk, message: { id: 'Nomor KK harus 16 digit dengan kode wilayah dan tanggal yang sah.', en: 'A family card number has 16 digits with a valid region code and date.' } },
  npwp: { validate: isNpwp, message: { id: 'NPWP harus 15 digit (dengan digit periksa) atau 16 digit.', en: 'An NPWP has 15 digits (with a check digit) or 16 digits.' } },
  'phone-id': { validate: isPhoneId, message: { id: 'Nomor telepon Indonesia tidak valid (contoh 081234567890).', en: 'Not a valid Indonesian phone number (e.g. 081234567890).' } },
  'postal-code-id': { validate: (v) => /^[1-9]\d{4}$/.test(v), message: { id: 'Kode pos harus 5 digit.', en: 'A postal code has 5 digits.' } },
  nop: { validate: (v) => /^\d{18}$/.test(digits(v)), message: { id: 'NOP PBB harus 18 digit.', en: 'A tax object number (NOP) has 18 digits.' } },
  kbli: { validate: (v) => /^\d{5}$/.test(v), message: { id: 'KBLI harus 5 digit.', en: 'A KBLI code has 5 digits.' } },
  nip: { validate: isNip, message: { id: 'NIP harus 18 digit dengan tanggal lahir yang sah.', en: 'A NIP has 18 digits starting with a valid birth date.' } },
  'nib-usaha': { validate: (v) => /^[\d\s]+$/.test(v) && /^\d{13}$/.test(digits(v)), message: { id: 'NIB (OSS) harus 13 digit.', en: 'A business NIB (OSS) has 13 digits.' } },
  'nib-bidang': { validate: (v) => /^\d{14}$/.test(v), message: { id: 'NIB bidang tanah harus 14 digit.', en: 'A land-parcel NIB has 14 digits.' } },
};
