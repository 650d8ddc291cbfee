import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Localized } from './types.js';

export type Lang = 'id' | 'en';

// Interface words only; every domain text comes from the API in both languages.
const DICT = {
  appName: { id: 'Satupintu', en: 'Satupintu' },
  tagline: { id: 'Layanan Mal Pelayanan Publik, daring dan di gerai', en: 'Public service mall services, online and at the counter' },
  skip: { id: 'Lewati ke konten utama', en: 'Skip to main content' },
  home: { id: 'Beranda', en: 'Home' },
  login: { id: 'Masuk', en: 'Sign in' },
  logout: { id: 'Keluar', en: 'Sign out' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  languageLabel: { id: 'Ganti bahasa ke English', en: 'Switch language to Bahasa Indonesia' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  error: { id: 'Terjadi kesalahan', en: 'Something went wrong' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  chooseRegency: { id: 'Pilih kabupaten/kota', en: 'Choose a regency or city' },
  mppStatus: { id: 'Status MPP', en: 'MPP status' },
  catalog: { id: 'Katalog layanan', en: 'Service catalog' },
  search: { id: 'Cari layanan', en: 'Search services' },
  searchHint: { id: 'misalnya: ktp hilang, paspor, skck', en: 'e.g. lost ID card, passport, police certificate' },
  allCategories: { id: 'Semua kategori', en: 'All categories' },
  category: { id: 'Kategori', en: 'Category' },
  agency: { id: 'Instansi', en: 'Agency' },
  allAgencies: { id: 'Semua instansi', en: 'All agencies' },
  servicesFound: { id: 'layanan ditemukan', en: 'services found' },
  noServices: { id: 'Tidak ada layanan yang cocok.', en: 'No matching services.' },
  standard: { id: 'Standar pelayanan', en: 'Service standard' },
  maklumat: { id: 'Maklumat pelayanan', en: 'Service pledge (maklumat)' },
  apply: { id: 'Ajukan permohonan', en: 'Apply' },
  book: { id: 'Pesan sesi', en: 'Book a session' },
  counter: { id: 'Gerai', en: 'Counter' },
  channels: { id: 'Kanal', en: 'Channels' },
  qr: { id: 'Kode QR layanan (untuk poster di gerai)', en: 'Service QR code (for counter posters)' },
  qrAlt: { id: 'Kode QR menuju halaman layanan', en: 'QR code linking to the service page' },
  downloadQr: { id: 'Unduh kode QR', en: 'Download QR code' },
  loginToApply: { id: 'Masuk untuk mengajukan permohonan', en: 'Sign in to apply' },
  form: { id: 'Formulir', en: 'Form' },
  documents: { id: 'Dokumen persyaratan', en: 'Required documents' },
  required: { id: 'wajib', en: 'required' },
  optional: { id: 'opsional', en: 'optional' },
  accepted: { id: 'Format', en: 'Formats' },
  maxSize: { id: 'maks.', en: 'max.' },
  files: { id: 'berkas', en: 'file(s)' },
  uploaded: { id: 'Terunggah', en: 'Uploaded' },
  uploading: { id: 'Mengunggah…', en: 'Uploading…' },
  tooLarge: { id: 'Berkas terlalu besar', en: 'File too large' },
  saveDraft: { id: 'Simpan draf', en: 'Save draft' },
  draftSaved: { id: 'Draf tersimpan', en: 'Draft saved' },
  submit: { id: 'Kirim permohonan', en: 'Submit application' },
  submitted: { id: 'Permohonan terkirim', en: 'Application submitted' },
  myApplications: { id: 'Permohonan saya', en: 'My applications' },
  myBookings: { id: 'Pemesanan sesi saya', en: 'My session bookings' },
  noApplications: { id: 'Belum ada permohonan.', en: 'No applications yet.' },
  tracking: { id: 'Kode lacak', en: 'Tracking code' },
  status: { id: 'Status', en: 'Status' },
  service: { id: 'Layanan', en: 'Service' },
  submittedAt: { id: 'Diajukan', en: 'Submitted' },
  dueDate: { id: 'Batas waktu', en: 'Due' },
  stepDue: { id: 'Batas langkah', en: 'Step due' },
  overdue: { id: 'Lewat batas waktu', en: 'Overdue' },
  dueToday: { id: 'Jatuh tempo hari ini', en: 'Due today' },
  timeline: { id: 'Riwayat', en: 'Timeline' },
  outputs: { id: 'Produk layanan', en: 'Service outputs' },
  download: { id: 'Unduh', en: 'Download' },
  collectAtCounter: { id: 'Diambil di gerai', en: 'Collect at the counter' },
  open: { id: 'Buka', en: 'Open' },
  editDraft: { id: 'Lanjutkan draf', en: 'Continue draft' },
  sessions: { id: 'Sesi tersedia', en: 'Open sessions' },
  seatsLeft: { id: 'kursi tersisa', en: 'seats left' },
  noSessions: { id: 'Tidak ada sesi terbuka untuk layanan ini.', en: 'No open sessions for this service.' },
  booked: { id: 'Sesi dipesan', en: 'Session booked' },
  cancel: { id: 'Batalkan', en: 'Cancel' },
  officerDesk: { id: 'Meja petugas', en: 'Officer desk' },
  queue: { id: 'Antrean kerja', en: 'Work queue' },
  total: { id: 'Total', en: 'Total' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  claimedBy: { id: 'Ditangani', en: 'Claimed by' },
  claim: { id: 'Ambil permohonan', en: 'Claim' },
  actions: { id: 'Tindakan SOP', en: 'SOP actions' },
  comment: { id: 'Catatan', en: 'Comment' },
  commentRequired: { id: 'Catatan wajib untuk tindakan ini', en: 'A comment is required for this action' },
  callNext: { id: 'Panggil berikutnya', en: 'Call next' },
  called: { id: 'Dipanggil', en: 'Called' },
  nobodyWaiting: { id: 'Tidak ada yang menunggu', en: 'Nobody waiting' },
  fileOnBehalf: { id: 'Ajukan di gerai (atas nama warga)', en: 'File at the counter (on a citizen’s behalf)' },
  applicantNik: { id: 'NIK pemohon', en: 'Applicant NIK' },
  applicantName: { id: 'Nama pemohon', en: 'Applicant name' },
  applicantPhone: { id: 'Nomor HP pemohon', en: 'Applicant phone' },
  consentStatement: { id: 'Pernyataan persetujuan warga', en: 'Citizen’s consent statement' },
  consentMethod: { id: 'Cara persetujuan', en: 'Consent method' },
  consentDefault: { id: 'Saya menyetujui petugas mengajukan permohonan ini atas nama saya.', en: 'I agree that the officer files this application on my behalf.' },
  data: { id: 'Isian formulir', en: 'Form data' },
  view: { id: 'Lihat', en: 'View' },
  admin: { id: 'Admin kabupaten/kota', en: 'Regency admin' },
  // Sandbox tenants (issue 23, ADR 0031)
  sandboxBanner: { id: 'SANDBOX — tenant latihan dengan jam sendiri, tidak masuk angka nasional, pesan hanya di kotak masuk aplikasi. Salinan dari', en: 'SANDBOX — a rehearsal tenant on its own clock, never in national figures, messages in the in-app inbox only. Copied from' },
  installations: { id: 'Plugin terpasang', en: 'Installed plugins' },
  plugin: { id: 'Plugin', en: 'Plugin' },
  version: { id: 'Versi', en: 'Version' },
  latest: { id: 'Terbaru', en: 'Latest' },
  install: { id: 'Pasang', en: 'Install' },
  upgrade: { id: 'Ganti versi', en: 'Change version' },
  notInstalled: { id: 'Belum terpasang', en: 'Not installed' },
  overlays: { id: 'Overlay layanan (jadwal, kuota, gerai)', en: 'Service overlays (schedules, quotas, counters)' },
  overlayHint: { id: 'JSON; hanya kunci yang diizinkan plugin (overlayable).', en: 'JSON; only keys the plugin allows (overlayable).' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Tersimpan', en: 'Saved' },
  onboarding: { id: 'Daftar periksa onboarding', en: 'Onboarding checklist' },
  deadline: { id: 'Tenggat', en: 'Deadline' },
  daysLeft: { id: 'hari lagi', en: 'days left' },
  publisher: { id: 'Penerbit instansi', en: 'Agency publisher' },
  versions: { id: 'Versi terbit', en: 'Published versions' },
  publishedAt: { id: 'Terbit', en: 'Published' },
  servicesCount: { id: 'Layanan', en: 'Services' },
  lint: { id: 'Pemeriksaan (lint)', en: 'Lint results' },
  lintOk: { id: 'Lolos: semua komponen standar pelayanan publik lengkap', en: 'Passed: every public service-standard component present' },
  publish: { id: 'Terbitkan versi baru (manifest JSON terangkai)', en: 'Publish a new version (assembled manifest JSON)' },
  published: { id: 'Terbit', en: 'Published' },
  ministry: { id: 'Kokpit nasional', en: 'National cockpit' },
  tenants: { id: 'Tenant', en: 'Tenants' },
  applications: { id: 'Permohonan', en: 'Applications' },
  onlineShare: { id: 'Porsi daring', en: 'Online share' },
  sla: { id: 'Kepatuhan SLA', en: 'SLA compliance' },
  alerts: { id: 'Peringatan', en: 'Alerts' },
  noAlerts: { id: 'Tidak ada peringatan.', en: 'No alerts.' },
  weekly: { id: 'Permohonan per minggu menurut kanal', en: 'Weekly applications by channel' },
  exportCsv: { id: 'Ekspor CSV', en: 'Export CSV' },
  online: { id: 'Daring', en: 'Online' },
  assisted: { id: 'Dibantu', en: 'Assisted' },
  counterChannel: { id: 'Gerai', en: 'Counter' },
  notAvailable: { id: 'Data ini belum tersedia dari API.', en: 'This data is not available from the API yet.' },
  forbidden: { id: 'Anda tidak memiliki peran untuk halaman ini.', en: 'You do not have a role for this page.' },
  needLogin: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  free: { id: 'Gratis', en: 'Free' },
  asOf: { id: 'Per', en: 'As of' },
  sortBy: { id: 'Urutkan menurut', en: 'Sort by' },
  showTable: { id: 'Tampilkan sebagai tabel', en: 'Show as a table' },
  week: { id: 'Minggu', en: 'Week' },
  maklumatText: { id: 'Pernyataan kesanggupan dan kewajiban', en: 'Pledge text' },
  signedBy: { id: 'Ditandatangani oleh (nama dan jabatan)', en: 'Signed by (name and office)' },
  signedOn: { id: 'Tanggal tanda tangan', en: 'Date signed' },
  publishMaklumat: { id: 'Terbitkan maklumat', en: 'Publish the maklumat' },
  complaints: { id: 'Pengaduan', en: 'Complaints' },
  survey: { id: 'Survei kepuasan (SKM)', en: 'Satisfaction survey (SKM)' },
  escalations: { id: 'Eskalasi lewat batas waktu', en: 'Overdue escalations' },
  loadMore: { id: 'Muat lebih banyak', en: 'Load more' },
  myMessages: { id: 'Pesan saya', en: 'My messages' },
  messageChannels: { id: 'Saluran pesan', en: 'Message channels' },
  applicantProfile: { id: 'Profil pemohon', en: 'Applicant profile' },
  messageSenders: { id: 'Pengirim pesan', en: 'Message senders' },
  staleEdit: {
    id: 'Data ini sudah diubah orang lain (atau dari perangkat lain) sejak Anda membukanya, jadi perubahan Anda belum disimpan. Versi terbaru sudah dimuat ulang; isian Anda masih ada — periksa lalu simpan lagi.',
    en: 'Someone else (or another device) changed this since you opened it, so your change was not saved. The latest version has been reloaded; what you typed is kept — check it and save again.',
  },
} satisfies Record<string, Localized>;

export type DictKey = keyof typeof DICT;

/** MPP lifecycle statuses (core MPP_STATUSES) as people read them. */
const MPP_STATUS: Record<string, Localized> = {
  proposed: { id: 'Diusulkan', en: 'Proposed' },
  committed: { id: 'Berkomitmen', en: 'Committed' },
  preparing: { id: 'Persiapan', en: 'Preparing' },
  trial: { id: 'Uji coba', en: 'Trial' },
  launched: { id: 'Diluncurkan', en: 'Launched' },
  inaugurated: { id: 'Diresmikan', en: 'Inaugurated' },
  operating: { id: 'Beroperasi', en: 'Operating' },
};

interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: DictKey): string;
  /** Picks the current language from API text. */
  L(text: Localized | undefined | null): string;
  fmtDate(iso: string | null | undefined, withTime?: boolean): string;
  fmtNumber(n: number | null | undefined, style?: 'percent'): string;
  /** An MPP lifecycle status code in words. */
  status(code: string): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'id'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('lang', l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    return {
      lang,
      setLang,
      t: (key) => DICT[key][lang],
      status: (code) => MPP_STATUS[code]?.[lang] ?? code,
      L: (text) => (text ? (text[lang] ?? text.id) : ''),
      fmtDate: (iso, withTime = false) => {
        if (!iso) return '–';
        const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
        return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
      },
      fmtNumber: (n, style) => {
        if (n === null || n === undefined || Number.isNaN(n)) return '–';
        return new Intl.NumberFormat(locale, style === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : {}).format(n);
      },
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
