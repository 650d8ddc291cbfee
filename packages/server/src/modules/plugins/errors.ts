import { defineProblem, type FieldError } from '@satupintu/core';
import { agencyNotAllowed } from '@satupintu/auth';
import type { LintIssue } from '@satupintu/plugin-sdk';

export const manifestInvalid = defineProblem(
  {
    code: 'PLUGIN_MANIFEST_INVALID',
    status: 422,
    title: { id: 'Manifest plugin tidak valid', en: 'Invalid plugin manifest' },
    description: {
      id: 'Linter (aturan yang sama dengan `satupintu plugin lint`) menemukan masalah; `errors` memuat setiap masalah dengan JSON pointer ke manifest. Pemeriksaan bertahap: bentuk (meta-skema, ukuran, kedalaman) lebih dulu; setelah bentuk benar, versi host, regex berisiko (ReDoS), `$ref` jarak jauh dan rujukan antarbagian SOP.',
      en: 'The linter (the rules of `satupintu plugin lint`) found problems; `errors` lists every one with a JSON pointer into the manifest. Checks run in stages: the shape (meta-schema, size, depth) first; once the shape is right, the host range, unsafe regexes (ReDoS), remote `$ref`s and SOP cross-references.',
    },
  },
  (issues: LintIssue[]) => ({
    detail: { id: `${issues.length} masalah ditemukan.`, en: `${issues.length} problem(s) found.` },
    errors: issues.map((i): FieldError => ({ pointer: i.pointer, message: i.message })),
  }),
);

/** Patterns whose safety could not be decided within the manifest's analysis budget (lint-pool.ts). */
export const manifestTooComplex = defineProblem(
  {
    code: 'PLUGIN_MANIFEST_TOO_COMPLEX',
    status: 422,
    title: { id: 'Manifest plugin terlalu rumit untuk diperiksa', en: 'Plugin manifest too complex to check' },
    description: {
      id: 'Analisis ReDoS pola (`pattern`, nama `patternProperties`) berjalan di thread terpisah dengan batas waktu per pola dan per manifest. Pola yang keamanannya tidak terbukti dalam batas itu dianggap tidak aman; `errors` memuat pointer setiap pola tersebut. Sederhanakan atau kurangi pola, lalu terbitkan lagi.',
      en: 'The ReDoS analysis of the patterns (`pattern`, `patternProperties` names) runs on a separate thread with a time limit per pattern and per manifest. A pattern not proven safe within it counts as unsafe; `errors` has the pointer of each such pattern. Simplify or reduce the patterns, then publish again.',
    },
  },
  (issues: LintIssue[]) => ({
    detail: {
      id: `${issues.length} pola tidak dapat dibuktikan aman dalam batas waktu analisis.`,
      en: `${issues.length} pattern(s) could not be proven safe within the analysis time.`,
    },
    errors: issues.map((i): FieldError => ({ pointer: i.pointer, message: i.message })),
  }),
);

export const versionImmutable = defineProblem(
  {
    code: 'PLUGIN_VERSION_IMMUTABLE',
    status: 409,
    title: { id: 'Versi yang sudah terbit tidak dapat diubah', en: 'A published version cannot change' },
    description: { id: 'Versi ini sudah terbit dengan isi lain (hash berbeda). Terbitkan dengan nomor versi baru.', en: 'This version was published with other content (another hash). Publish under a new version number.' },
  },
  (id: string, version: string, existing: string, given: string) => ({
    detail: {
      id: `${id}@${version} sudah terbit dengan isi lain (${existing}). Naikkan versinya.`,
      en: `${id}@${version} was published with other content (${existing}); yours is ${given}. Raise the version.`,
    },
    errors: [{ pointer: '/version', message: { id: 'Naikkan versi.', en: 'Raise the version.' } }],
  }),
);

export const pluginOwnedElsewhere = defineProblem(
  { code: 'PLUGIN_ID_TAKEN', status: 409, title: { id: 'Id plugin milik instansi lain', en: 'Plugin id belongs to another agency' } },
  (id: string, agency: string) => ({
    detail: { id: `Plugin ${id} diterbitkan oleh ${agency}.`, en: `Plugin ${id} is published by ${agency}.` },
    errors: [{ pointer: '/id', message: { id: 'Milik instansi lain.', en: 'Owned by another agency.' } }],
  }),
);

/** AGENCY_NOT_ALLOWED is one kind of problem platform-wide (auth declares it); here it names the agency published for. */
export const notPublisherOf = defineProblem(agencyNotAllowed.spec, (agency: string) => ({
  detail: { id: `Hanya penerbit ${agency} atau admin platform yang dapat menerbitkan plugin ini.`, en: `Only ${agency}'s publishers or a platform admin may publish this plugin.` },
  errors: [{ pointer: '/agency/code', message: { id: 'Anda bukan penerbit instansi ini.', en: 'You do not publish for this agency.' } }],
}));

export const pluginNotFound = defineProblem(
  { code: 'PLUGIN_NOT_FOUND', status: 404, title: { id: 'Plugin tidak ditemukan', en: 'Plugin not found' } },
  (id: string, version?: string) => ({
    detail: { id: `Tidak ada ${version ? `${id}@${version}` : id} di registri.`, en: `No ${version ? `${id}@${version}` : id} in the registry.` },
  }),
);

/** One agency's publications already fill its share of the lint threads (lint-pool.ts). */
export const lintLimit = defineProblem(
  {
    code: 'PLUGIN_LINT_LIMIT',
    status: 429,
    title: { id: 'Manifest instansi ini masih diperiksa', en: 'This agency’s manifests are still being checked' },
    description: {
      id: 'Setiap instansi hanya boleh memiliki sedikit manifest yang sedang diperiksa (analisis pola dan aturan lain, di thread terpisah) pada satu waktu, agar satu penerbit tidak memakai seluruh kapasitas pemeriksaan. Ulangi setelah Retry-After detik.',
      en: 'Each agency may have only a few manifests being checked (pattern analysis and the other rules, on separate threads) at a time, so that one publisher cannot take the whole checking capacity. Retry after Retry-After seconds.',
    },
  },
  (agency: string, limit: number, retryAfterSeconds: number) => ({
    detail: {
      id: `${limit} manifest ${agency} sedang diperiksa; tunggu hasilnya lalu ulangi.`,
      en: `${limit} manifest(s) of ${agency} are being checked; wait for the result, then retry.`,
    },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
);

/** Every lint thread is busy and the queue is full (lint-pool.ts). */
export const lintBusy = defineProblem(
  {
    code: 'PLUGIN_LINT_BUSY',
    status: 503,
    title: { id: 'Pemeriksa manifest sedang penuh', en: 'The manifest checker is busy' },
    description: {
      id: 'Semua thread pemeriksa manifest sedang bekerja dan antreannya penuh; tidak ada yang tersimpan. Ulangi setelah Retry-After detik.',
      en: 'Every manifest-checking thread is at work and its queue is full; nothing was stored. Retry after Retry-After seconds.',
    },
  },
  (retryAfterSeconds: number) => ({
    detail: { id: 'Coba lagi sebentar lagi; tidak ada yang tersimpan.', en: 'Try again shortly; nothing was stored.' },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
);
