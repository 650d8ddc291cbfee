import { findRegency, listProvinces } from '@satupintu/core';
import { isNik } from './formats.js';
import type { Plain } from './messages.js';

/**
 * What a NIK says about its holder (domain.md §3.1; Permendagri on the NIK under UU 24/2013 as
 * amended, Adminduk): `PP KK CC DDMMYY SSSS`, the region where the person was first registered
 * (province, regency/city, kecamatan), the birth date with day + 40 for women, and a serial.
 * Format only: it proves nothing about the person (that needs Dukcapil's data access under a PKS).
 * The region is where the NIK was issued, not where the person lives now.
 */
export interface DecodedNik {
  region: {
    province: { code: string; name: string };
    /** `32.17`; name null when the code is not in the reference list (Kepmendagri 2025). */
    regency: { code: string; name: string | null };
    /** `32.17.06`; the platform holds no kecamatan list, so the code only. */
    district: { code: string };
  };
  /** YYYY-MM-DD; the century is inferred (see decodeNik). */
  birthDate: string;
  /** true when the century came from `now` (no declared birth date agreed with the NIK). */
  centuryInferred: boolean;
  sex: 'male' | 'female';
  serial: string;
}

const provinces = new Map(listProvinces().map((p) => [p.code, p.name]));

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Decodes a NIK, or null when it is not a valid one (format, province, real date, serial).
 * Century: from `declaredBirthDate` when its day, month and two-digit year agree with the NIK;
 * otherwise the latest century that puts the birth date on or before `now` (a NIK of 010130 read in
 * 2026 is 1 Jan 1930, of 010120 is 1 Jan 2020). 29 February needs a leap year in that century.
 */
export function decodeNik(nik: string, opts: { now: Date; declaredBirthDate?: string }): DecodedNik | null {
  if (!isNik(nik)) return null;
  const pp = nik.slice(0, 2);
  const kk = nik.slice(2, 4);
  const cc = nik.slice(4, 6);
  let day = Number(nik.slice(6, 8));
  const sex = day > 40 ? 'female' : 'male';
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  let year: number | undefined;
  let centuryInferred = true;
  const declared = opts.declaredBirthDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.declaredBirthDate);
  if (declared && Number(declared[1]) % 100 === yy && Number(declared[2]) === month && Number(declared[3]) === day) {
    year = Number(declared[1]);
    centuryInferred = false;
  } else {
    const nowY = opts.now.getUTCFullYear();
    for (const c of [Math.floor(nowY / 100) * 100, Math.floor(nowY / 100) * 100 - 100]) {
      const y = c + yy;
      if (realDate(y, month, day) && Date.UTC(y, month - 1, day) <= opts.now.getTime()) {
        year = y;
        break;
      }
    }
  }
  if (year === undefined || !realDate(year, month, day)) return null;
  const regency = findRegency(`${pp}.${kk}`);
  return {
    region: {
      province: { code: pp, name: provinces.get(pp)! },
      regency: { code: `${pp}.${kk}`, name: regency?.name ?? null },
      district: { code: `${pp}.${kk}.${cc}` },
    },
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    centuryInferred,
    sex,
    serial: nik.slice(12),
  };
}

/** Which form fields carry the NIK and what it can be checked against (a plugin's `form.identity`). */
export interface IdentityFields {
  /** JSON pointer of the NIK field, e.g. `/nik`. */
  nik: string;
  birthDate?: string;
  sex?: string;
  /** The values the sex field uses for male and female (default laki-laki/perempuan and L/P). */
  sexValues?: { male: string; female: string };
  /** A field holding the regency/city of domicile, as a Kemendagri code (`32.17`, `3217`) or name. */
  domicile?: string;
  /** `warn` (default): shown to the officer and the applicant; `block`: refuses the submission (never for domicile). */
  onMismatch?: 'warn' | 'block';
}

export interface IdentityMismatch {
  /** JSON pointer into the form data of the field that disagrees. */
  pointer: string;
  field: 'birthDate' | 'sex' | 'domicile';
  message: Plain;
  /** Whether it refuses the submission (the plugin's `onMismatch`; domicile never blocks). */
  blocking: boolean;
}

/** The value at a JSON pointer (`/a/b`), or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const SEX_ID = { male: 'laki-laki', female: 'perempuan' } as const;
const SEX_EN = { male: 'male', female: 'female' } as const;
const MALE = new Set(['laki-laki', 'laki laki', 'l', 'pria', 'male', 'm']);
const FEMALE = new Set(['perempuan', 'p', 'wanita', 'female', 'f']);

function sexOf(value: string, values?: { male: string; female: string }): 'male' | 'female' | undefined {
  if (values) return value === values.male ? 'male' : value === values.female ? 'female' : undefined;
  const v = value.trim().toLowerCase();
  return MALE.has(v) ? 'male' : FEMALE.has(v) ? 'female' : undefined;
}

const regencyWords = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(kabupaten|kab\.?|kota)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether a domicile value (code or name) names the NIK's regency; undefined when it cannot tell. */
function sameRegency(value: string, decoded: DecodedNik): boolean | undefined {
  const code = value.replace(/[.\s]/g, '');
  if (/^\d{4}(\d{2})?(\d{4})?$/.test(code)) return code.slice(0, 4) === decoded.region.regency.code.replace('.', '');
  if (!decoded.region.regency.name) return undefined;
  const v = regencyWords(value);
  return v.length ? v === regencyWords(decoded.region.regency.name) : undefined;
}

/**
 * Compares the form's birth date, sex and domicile with what the NIK says. Empty when the fields are
 * not declared, empty, or the NIK is not valid (the format check reports that). The century of the
 * NIK is never in question here: day, month and the two-digit year are compared.
 */
export function crossCheckNik(data: unknown, fields: IdentityFields, now: Date): IdentityMismatch[] {
  const nik = valueAt(data, fields.nik);
  if (typeof nik !== 'string') return [];
  const birth = fields.birthDate ? valueAt(data, fields.birthDate) : undefined;
  const decoded = decodeNik(nik, { now, ...(typeof birth === 'string' ? { declaredBirthDate: birth } : {}) });
  if (!decoded) return [];
  const block = fields.onMismatch === 'block';
  const out: IdentityMismatch[] = [];
  if (fields.birthDate && typeof birth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birth) && decoded.centuryInferred) {
    const shown = dmy(decoded.birthDate);
    out.push({
      pointer: fields.birthDate,
      field: 'birthDate',
      blocking: block,
      message: {
        id: `Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan ${shown}). Periksa tanggal lahir dan NIK seperti tertulis di KTP atau Kartu Keluarga.`,
        en: `The date of birth does not match the NIK (the NIK shows ${shown}). Check the date of birth and the NIK as written on the ID card or family card.`,
      },
    });
  }
  const sexValue = fields.sex ? valueAt(data, fields.sex) : undefined;
  if (fields.sex && typeof sexValue === 'string') {
    const sex = sexOf(sexValue, fields.sexValues);
    if (sex && sex !== decoded.sex)
      out.push({
        pointer: fields.sex,
        field: 'sex',
        blocking: block,
        message: {
          id: `Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan ${SEX_ID[decoded.sex]}). Periksa jenis kelamin dan NIK seperti tertulis di KTP atau Kartu Keluarga.`,
          en: `The sex does not match the NIK (the NIK shows ${SEX_EN[decoded.sex]}). Check the sex and the NIK as written on the ID card or family card.`,
        },
      });
  }
  const domicile = fields.domicile ? valueAt(data, fields.domicile) : undefined;
  if (fields.domicile && typeof domicile === 'string' && sameRegency(domicile, decoded) === false) {
    const where = decoded.region.regency.name ?? decoded.region.regency.code;
    out.push({
      pointer: fields.domicile,
      field: 'domicile',
      blocking: false,
      message: {
        id: `Domisili berbeda dengan wilayah NIK (NIK diterbitkan di ${where}). Ini wajar bila Anda sudah pindah; pastikan domisili sesuai alamat sekarang.`,
        en: `The domicile differs from the NIK's region (the NIK was issued in ${where}). This is normal if you have moved; make sure the domicile is your current address.`,
      },
    });
  }
  return out;
}
