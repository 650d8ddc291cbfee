import { defineProblem } from '@satupintu/core';

/** The problems of journeys (layanan terintegrasi) and the shared applicant profile (issue 23, part sla). Codes are stable. */

export const profileNotFound = defineProblem({
  code: 'PROFILE_NOT_FOUND',
  status: 404,
  title: { id: 'Profil pemohon belum diisi', en: 'No applicant profile yet' },
  description: { id: 'Isi profil Anda sekali (PUT …/me/profile); instansi dalam layanan terintegrasi memakainya atas persetujuan Anda.', en: 'Fill in your profile once (PUT …/me/profile); the agencies of a journey reuse it with your consent.' },
});

/** UU 27/2022 (PDP) art. 20: personal data goes to another controller only on the person’s consent for that purpose. */
export const profileConsentRequired = defineProblem(
  {
    code: 'PROFILE_CONSENT_REQUIRED',
    status: 403,
    title: { id: 'Belum ada persetujuan berbagi profil dengan instansi ini', en: 'No consent to share the profile with this agency' },
    description: {
      id: 'Profil Anda hanya dipakai mengisi formulir instansi yang Anda setujui (PUT …/me/profile/consents/{agency}); persetujuan dapat dicabut kapan saja.',
      en: 'Your profile pre-fills only the forms of agencies you consented to (PUT …/me/profile/consents/{agency}); consent can be withdrawn at any time.',
    },
  },
  (agency: string) => ({ errors: [{ pointer: '/consent', message: { id: `Setujui berbagi profil dengan ${agency}.`, en: `Consent to share your profile with ${agency}.` } }] }),
);

export const consentNotFound = defineProblem({
  code: 'PROFILE_CONSENT_NOT_FOUND',
  status: 404,
  title: { id: 'Persetujuan tidak ditemukan', en: 'Consent not found' },
  description: { id: 'Tidak ada persetujuan aktif untuk instansi ini.', en: 'There is no active consent for this agency.' },
});
