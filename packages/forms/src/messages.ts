/**
 * Plain-language messages for form errors, in Indonesian and English, each saying what to do
 * next. One table for the API (validators.ts) and the web app (it imports
 * @satupintu/forms/messages), so a person and an API user read the same sentence. No ajv wording
 * ("must match then schema") and no keyword names ever reach a person.
 */
export interface Plain {
  id: string;
  en: string;
}

/** What to type for each Indonesian identifier and standard format. */
export const FORMAT_MESSAGES: Record<string, Plain> = {
  nik: { id: 'Masukkan NIK 16 angka, seperti tertulis di KTP.', en: 'Enter the 16-digit NIK as written on your ID card.' },
  nkk: { id: 'Masukkan nomor KK 16 angka, seperti tertulis di Kartu Keluarga.', en: 'Enter the 16-digit number as written on your family card (KK).' },
  npwp: {
    id: 'Masukkan NPWP 16 angka (bagi orang pribadi: NIK Anda), atau NPWP lama 15 angka seperti tertulis di kartu NPWP.',
    en: 'Enter the 16-digit NPWP (for an individual: your NIK), or the old 15-digit NPWP as written on your tax card.',
  },
  'phone-id': { id: 'Masukkan nomor HP Indonesia, misalnya 081234567890.', en: 'Enter an Indonesian phone number, such as 081234567890.' },
  'postal-code-id': { id: 'Masukkan kode pos 5 angka, misalnya 40552.', en: 'Enter the 5-digit postcode, such as 40552.' },
  nop: { id: 'Masukkan NOP 18 angka, seperti tertulis di SPPT PBB.', en: 'Enter the 18-digit tax object number (NOP) as written on your property tax bill (SPPT).' },
  kbli: { id: 'Masukkan kode KBLI 5 angka.', en: 'Enter the 5-digit KBLI business code.' },
  nip: { id: 'Masukkan NIP 18 angka, seperti tertulis di kartu pegawai.', en: 'Enter the 18-digit civil servant number (NIP) as written on your staff card.' },
  'nib-usaha': { id: 'Masukkan NIB 13 angka dari OSS.', en: 'Enter the 13-digit business number (NIB) from OSS.' },
  'nib-bidang': { id: 'Masukkan NIB bidang tanah 14 angka, seperti tertulis di sertipikat.', en: 'Enter the 14-digit land parcel number (NIB) as written on the certificate.' },
  email: { id: 'Masukkan alamat email yang benar, misalnya nama@contoh.id.', en: 'Enter an email address in the correct format, such as name@example.id.' },
  date: { id: 'Masukkan tanggal yang benar: hari, bulan dan tahun.', en: 'Enter a real date: day, month and year.' },
  time: { id: 'Masukkan jam yang benar, misalnya 08:30.', en: 'Enter a real time, such as 08:30.' },
  uri: { id: 'Masukkan alamat situs yang lengkap, misalnya https://contoh.id.', en: 'Enter a full web address, such as https://example.id.' },
};

const plural = (n: unknown) => (Number(n) === 1 ? '' : 's');

/**
 * The message for one ajv error (keyword and params), or null for a summary error that only
 * repeats another (`if`: "must match then schema" beside the field the `then` requires).
 */
export function plainMessage(keyword: string, params: Record<string, unknown>): Plain | null {
  const n = params.limit;
  switch (keyword) {
    case 'if':
    case 'allOf':
    case 'false schema':
      return null;
    case 'required':
    case 'dependentRequired':
      return { id: 'Isi bagian ini.', en: 'Fill in this field.' };
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? { id: 'Periksa kembali isian ini: bentuknya belum sesuai.', en: 'Check this answer: it is not in the expected form.' };
    case 'pattern':
      return { id: 'Periksa kembali isian ini: bentuknya belum sesuai petunjuk.', en: 'Check this answer: it is not in the form the hint asks for.' };
    case 'minLength':
      return Number(n) <= 1 ? { id: 'Isi bagian ini.', en: 'Fill in this field.' } : { id: `Tulis paling sedikit ${String(n)} huruf atau angka.`, en: `Enter at least ${String(n)} character${plural(n)}.` };
    case 'maxLength':
      return { id: `Tulis paling banyak ${String(n)} huruf atau angka.`, en: `Enter no more than ${String(n)} character${plural(n)}.` };
    case 'minimum':
      return { id: `Masukkan angka ${String(n)} atau lebih.`, en: `Enter a number of ${String(n)} or more.` };
    case 'exclusiveMinimum':
      return { id: `Masukkan angka lebih dari ${String(n)}.`, en: `Enter a number greater than ${String(n)}.` };
    case 'maximum':
      return { id: `Masukkan angka ${String(n)} atau kurang.`, en: `Enter a number of ${String(n)} or less.` };
    case 'exclusiveMaximum':
      return { id: `Masukkan angka kurang dari ${String(n)}.`, en: `Enter a number less than ${String(n)}.` };
    case 'multipleOf':
      return { id: `Masukkan kelipatan ${String(params.multipleOf)}.`, en: `Enter a multiple of ${String(params.multipleOf)}.` };
    case 'type':
      if (params.type === 'integer') return { id: 'Masukkan bilangan bulat, tanpa koma atau huruf.', en: 'Enter a whole number, without decimals or letters.' };
      if (params.type === 'number') return { id: 'Masukkan angka saja.', en: 'Enter a number only.' };
      if (params.type === 'boolean') return { id: 'Pilih ya atau tidak.', en: 'Choose yes or no.' };
      if (params.type === 'array') return { id: 'Tambahkan isian di bagian ini.', en: 'Add an entry in this section.' };
      if (params.type === 'object') return { id: 'Lengkapi bagian ini.', en: 'Complete this section.' };
      return { id: 'Isi bagian ini dengan teks.', en: 'Enter text in this field.' };
    case 'enum':
    case 'const':
      return { id: 'Pilih salah satu pilihan yang tersedia.', en: 'Choose one of the options.' };
    case 'minItems':
      return { id: `Tambahkan paling sedikit ${String(n)} isian.`, en: `Add at least ${String(n)} entr${Number(n) === 1 ? 'y' : 'ies'}.` };
    case 'maxItems':
      return { id: `Isi paling banyak ${String(n)}; hapus yang lebih.`, en: `Enter no more than ${String(n)}; remove the rest.` };
    case 'uniqueItems':
      return { id: 'Ada isian yang sama dua kali; hapus salah satunya.', en: 'An entry appears twice; remove one of them.' };
    case 'additionalProperties':
      return { id: 'Bagian ini tidak ada di formulir; hapus isiannya.', en: 'This is not a question on the form; remove it.' };
    case 'anyOf':
    case 'oneOf':
    case 'not':
      return { id: 'Jawaban ini tidak cocok dengan jawaban lain; periksa kembali bagian ini.', en: 'This answer does not fit your other answers; check this section again.' };
    default:
      return { id: 'Periksa kembali isian ini.', en: 'Check this answer again.' };
  }
}

/** The JSON pointer an error belongs to: a missing property points at itself, not its parent. */
export function errorPointer(instancePath: string, keyword: string, params: Record<string, unknown>): string {
  if (keyword === 'required' || keyword === 'dependentRequired') return `${instancePath}/${String(params.missingProperty)}`;
  if (keyword === 'additionalProperties') return `${instancePath}/${String(params.additionalProperty)}`;
  return instancePath || '/';
}
