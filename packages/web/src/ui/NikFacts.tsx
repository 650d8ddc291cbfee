import { useI18n } from '../i18n.js';
import type { Application } from '../types.js';
import './NikFacts.css';

const S = {
  title: { id: 'Yang tertulis dalam NIK', en: 'What the NIK says' },
  region: { id: 'Wilayah penerbitan NIK', en: 'Where the NIK was issued' },
  district: { id: 'kecamatan kode', en: 'district code' },
  unknown: { id: 'kode tidak ada di daftar wilayah', en: 'code not in the region list' },
  birth: { id: 'Tanggal lahir', en: 'Date of birth' },
  century: { id: '(abad ditebak dari dua angka tahun)', en: '(century guessed from the two-digit year)' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  male: { id: 'Laki-laki', en: 'Male' },
  female: { id: 'Perempuan (tanggal + 40)', en: 'Female (day + 40)' },
  whose: { id: 'NIK dari', en: 'NIK from' },
  applicantGiven: { id: 'pemohon (diisi petugas)', en: 'the applicant (entered by staff)' },
  note: {
    id: 'Hanya dibaca dari susunan angka NIK, bukan hasil verifikasi data Dukcapil. Wilayah adalah tempat NIK pertama diterbitkan, belum tentu alamat sekarang.',
    en: 'Read from the digits of the NIK only, not verified against Dukcapil records. The region is where the NIK was first issued, not necessarily the current address.',
  },
  mismatch: { id: 'Tidak sesuai dengan formulir — tanyakan kepada pemohon dan periksa KTP atau KK:', en: 'Differs from the form — ask the applicant and check the ID card or family card:' },
};

/** A small card on the officer's application page: the decoded NIK and where the form disagrees with it. */
export function NikFacts({ application, fieldLabel }: { application: Application; fieldLabel: (pointer: string) => string }) {
  const { L, fmtDate } = useI18n();
  const nik = application.applicantNik;
  const warnings = application.identityWarnings ?? [];
  if (!nik && warnings.length === 0) return null;
  return (
    <section className="card nik-facts" aria-labelledby="nik-h">
      <h2 id="nik-h">{L(S.title)}</h2>
      {nik && (
        <dl className="facts">
          <div>
            <dt>{L(S.region)}</dt>
            <dd>
              {nik.region.regency.name ?? `${nik.region.regency.code} (${L(S.unknown)})`}, {nik.region.province.name} · {L(S.district)} {nik.region.district.code}
            </dd>
          </div>
          <div>
            <dt>{L(S.birth)}</dt>
            <dd>
              {fmtDate(`${nik.birthDate}T12:00:00Z`)} {nik.centuryInferred ? L(S.century) : ''}
            </dd>
          </div>
          <div>
            <dt>{L(S.sex)}</dt>
            <dd>
              {L(nik.sex === 'male' ? S.male : S.female)} · {L(S.whose)} {nik.source === '/applicant/nik' ? L(S.applicantGiven) : fieldLabel(nik.source)}
            </dd>
          </div>
        </dl>
      )}
      {warnings.length > 0 && (
        <div role="note">
          <p>{L(S.mismatch)}</p>
          <ul className="nik-mismatch">
            {warnings.map((w) => (
              <li key={w.pointer}>
                <strong>{fieldLabel(w.pointer)}</strong>: {L(w.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="nik-note">{L(S.note)}</p>
    </section>
  );
}
