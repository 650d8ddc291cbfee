/**
 * OSS-RBA host-to-host client for a K/L/D system (docs/oss.md, ADR 0039), speaking the OSS
 * "Pedoman Integrasi Aplikasi" (PIA) as published in `oss-rba/oss-rba.github.io` (src/endpoint.js):
 *
 * - `POST {endpoint}/inqueryNIB` `{ INQUERYNIB: { nib } }` → `{ responinqueryNIB: { kode, keterangan, dataNIB } }` (PIA 4.3.22);
 * - `POST {endpoint}/receiveLicenseStatus` `{ IZINSTATUS: {…} }` → `{ responreceiveLicenseStatus: { kode, keterangan } }` (PIA 4.3.19);
 * - `POST {endpoint}/receiveLicense` `{ IZINFINAL: {…} }` → `{ responreceiveLicense: { kode, keterangan, nomor_izin } }` (PIA 4.3.19).
 *
 * Every request carries the header `user_key` (issued to the integrating system by the Lembaga
 * OSS). `endpoint` is configuration: production `https://api-prd.oss.go.id/v1/kl/rba`, staging
 * `https://api-stg.oss.go.id/stg/v1/kl/rba`. OSS answers its `kode` (Lampiran 9: 200 sukses, 400
 * data parameter salah, 401 user akses tidak valid, 403, 404, 405, 500, 504) both as the HTTP
 * status and inside the body; either one not 200 is a failure.
 */

/** The PIA version this adapter speaks (pinned: PIA 4.3.16 changed the receiveLicenseStatus payload). */
export const OSS_PIA_VERSION = '4.3.22';

/** Why an OSS call failed, as the caller acts on it: `temporary` → retry with back-off; `not-found` → no such NIB; `rejected` → our data or credentials are wrong (retrying will not help without a change). */
export type OssFailureKind = 'temporary' | 'not-found' | 'rejected';

export class OssError extends Error {
  constructor(
    readonly kind: OssFailureKind,
    message: string,
    /** OSS's `kode` (or TIMEOUT / NETWORK). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'OssError';
  }
}

/** A business's project (`data_proyek[]`), the fields the platform uses. */
export interface OssProject {
  id_proyek: string;
  kbli: string;
  uraian_usaha?: string;
  sektor?: string;
  /** Lampiran 31: 01 Mikro, 02 Kecil, 03 Menengah, 04 Besar. */
  skala_usaha?: string;
  /** Risk level: R, MR, MT, T. */
  skala_resiko?: string;
  [k: string]: unknown;
}

/** One permit still to be fulfilled (`data_checklist[]`). */
export interface OssChecklistItem {
  id_izin: string;
  kd_izin: string;
  nama_izin?: string;
  kewenangan?: string;
  flag_checklist?: string;
  [k: string]: unknown;
}

/** `dataNIB` of inqueryNIB / receiveNIB (the fields the platform reads; the rest kept as sent). */
export interface OssNibData {
  nib: string;
  oss_id: string;
  nama_perseroan?: string;
  npwp_perseroan?: string;
  alamat_perseroan?: string;
  perseroan_daerah_id?: string;
  skala_usaha?: string;
  status_nib?: string;
  penanggung_jwb?: { no_identitas_penanggung_jwb?: string; nama_penanggung_jwb?: string; email_penanggung_jwb?: string; no_hp_penanggung_jwb?: string; [k: string]: unknown }[];
  data_proyek?: OssProject[];
  data_checklist?: OssChecklistItem[];
  [k: string]: unknown;
}

/** `IZINSTATUS` of receiveLicenseStatus (PIA 4.3.19). */
export interface OssLicenseStatus {
  nib: string;
  id_produk: string;
  id_proyek: string;
  oss_id: string;
  id_izin: string;
  kd_izin: string;
  kd_instansi: string;
  /** Lampiran 10, e.g. 10 dokumen lengkap, 41 SLA dihentikan sementara, 42 SLA dilanjutkan, 50 disetujui, 90 ditolak. */
  kd_status: string;
  /** `YYYY-MM-DD HH:II:SS` (the regency's local time). */
  tgl_status: string;
  nip_status: string;
  nama_status: string;
  keterangan: string;
}

/** `IZINFINAL` of receiveLicense (PIA 4.3.19). */
export interface OssFinalLicense {
  nib: string;
  id_proyek: string;
  oss_id: string;
  id_izin: string;
  kd_izin: string;
  kd_daerah: string;
  nomor_izin: string;
  tgl_terbit_izin: string;
  tgl_berlaku_izin: string;
  nama_ttd: string;
  nip_ttd: string;
  jabatan_ttd: string;
  status_izin: string;
  file_izin?: string;
  keterangan?: string;
}

export interface OssClientOptions {
  endpoint: string;
  userKey: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const NIB_PATTERN = /^\d{13}$/;

export class OssClient {
  readonly #endpoint: string;
  readonly #userKey: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(opts: OssClientOptions) {
    this.#endpoint = opts.endpoint.replace(/\/+$/, '');
    this.#userKey = opts.userKey;
    this.#timeoutMs = opts.timeoutMs ?? 15_000;
    this.#fetch = opts.fetch ?? fetch;
  }

  /** inqueryNIB: the business behind a 13-digit NIB. */
  async inqueryNib(nib: string): Promise<OssNibData> {
    if (!NIB_PATTERN.test(nib)) throw new OssError('rejected', 'NIB harus 13 digit / an NIB has 13 digits', '400');
    const res = await this.#call('inqueryNIB', { INQUERYNIB: { nib } }, 'responinqueryNIB');
    const data = res['dataNIB'];
    if (!isRecord(data) || typeof data['nib'] !== 'string' || data['nib'] === '') throw new OssError('not-found', 'NIB tidak ditemukan di OSS / NIB not found in OSS', '404');
    return data as OssNibData;
  }

  /** receiveLicenseStatus: one step of a permit's processing. */
  async receiveLicenseStatus(status: OssLicenseStatus): Promise<void> {
    await this.#call('receiveLicenseStatus', { IZINSTATUS: status }, 'responreceiveLicenseStatus');
  }

  /** receiveLicense: the final permit; OSS answers the permit number it records. */
  async receiveLicense(license: OssFinalLicense): Promise<{ nomorIzin: string | null }> {
    const r = await this.#call('receiveLicense', { IZINFINAL: license }, 'responreceiveLicense');
    return { nomorIzin: typeof r['nomor_izin'] === 'string' && r['nomor_izin'] ? r['nomor_izin'] : null };
  }

  async #call(method: string, body: unknown, envelope: string): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await this.#fetch(`${this.#endpoint}/${method}`, {
        method: 'POST',
        headers: { user_key: this.#userKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new OssError('temporary', timeout ? 'OSS tidak menjawab tepat waktu / OSS timed out' : 'OSS tidak dapat dihubungi / OSS unreachable', timeout ? 'TIMEOUT' : 'NETWORK');
    }
    let payload: unknown;
    try {
      payload = await res.json();
    } catch {
      payload = undefined;
    }
    const inner = isRecord(payload) && isRecord(payload[envelope]) ? (payload[envelope] as Record<string, unknown>) : undefined;
    const kode = inner ? Number(inner['kode']) : NaN;
    if (res.status === 200 && kode === 200) return inner!;
    const code = Number.isFinite(kode) ? kode : res.status;
    throw errorFor(code);
  }
}

function errorFor(code: number): OssError {
  if (code === 404) return new OssError('not-found', 'Data tidak ditemukan di OSS / not found in OSS', '404');
  if (code === 401 || code === 403 || code === 405) return new OssError('rejected', 'OSS menolak akses (user_key) / OSS refused our access (user_key)', String(code));
  if (code === 400) return new OssError('rejected', 'OSS menolak data kami (parameter salah) / OSS rejected our data', '400');
  if (code >= 500 || code === 429) return new OssError('temporary', 'OSS sedang bermasalah / OSS failed', String(code));
  return new OssError('rejected', 'Jawaban OSS tidak dikenal / unexpected OSS answer', String(code));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
