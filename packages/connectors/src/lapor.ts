/**
 * SP4N-LAPOR! (lapor.go.id) integration API, as far as it is public (docs integrations.md §3).
 *
 * What is public: reports carry a **Tracking ID** (`https://www.lapor.go.id/pengaduan/<TrackingID>`)
 * and a transaction id (`trackingid` / `transaksiid` in the answer of the legacy submission API);
 * a report may be `anonim` (no reporter identity) and `rahasia` (not published); access is by a
 * token the LAPOR! team issues. The current K/L/D integration API is documented only to accounts
 * with the *developer* role, so every path, field name and status word below is **configuration**
 * (`LaporProtocol`), and the defaults (`LAPOR_DEFAULT_PROTOCOL`) are ours, to confirm with
 * KemenPAN-RB when a regency obtains its developer account.
 *
 * The protocol this adapter speaks (defaults):
 * - auth: `POST {baseUrl}/oauth/token` JSON `{grant_type: "client_credentials", client_id, client_secret}`
 *   → `{access_token, expires_in}`; later calls send `Authorization: Bearer <token>`.
 * - create: `POST {baseUrl}/laporan` JSON `{referensi, judul, isi, kategori, lokasi?, tanggal_kejadian?,
 *   anonim: 0|1, rahasia: 0|1, pelapor?: {nama, email?, telpon?}}` → `{trackingid, transaksiid}`.
 * - get: `GET {baseUrl}/laporan/{trackingid}` → `{trackingid, transaksiid, referensi, status,
 *   disposisi: {instansi}|null, tindak_lanjut: [{isi, waktu}]}`.
 * - list: `GET {baseUrl}/laporan?referensi=<ref>` → `{data: [report…]}`: how a push whose answer was
 *   lost finds the report it may have created (LAPOR! is not known to dedupe on our reference).
 */

/** Where the calls go and what the fields are called: all configuration (see the module comment). */
export interface LaporProtocol {
  paths: { token: string; create: string; get: string; list: string };
  /** Query parameter of the list call that filters by our reference. */
  referenceQuery: string;
  fields: {
    reference: string; title: string; body: string; category: string; location: string; incidentDate: string;
    anonymous: string; confidential: string; reporter: string; reporterName: string; reporterEmail: string; reporterPhone: string;
    trackingId: string; transactionId: string; status: string; disposition: string; dispositionAgency: string;
    answers: string; answerText: string; answerAt: string; list: string;
  };
  /** LAPOR!'s status words onto ours (unknown words are shown as `unknown`). */
  statuses: Record<string, LaporRemoteStatus>;
  /** Our complaint categories onto LAPOR!'s (`kategori`); a missing entry sends ours as is. */
  categories: Record<string, string>;
}

/** A LAPOR! report's status in our words. */
export type LaporRemoteStatus = 'received' | 'verifying' | 'dispositioned' | 'answered' | 'closed' | 'rejected' | 'unknown';

export const LAPOR_REMOTE_STATUSES: readonly LaporRemoteStatus[] = ['received', 'verifying', 'dispositioned', 'answered', 'closed', 'rejected', 'unknown'];

/** Defaults of every field not in the public documentation: to confirm with KemenPAN-RB. */
export const LAPOR_DEFAULT_PROTOCOL: LaporProtocol = {
  paths: { token: '/oauth/token', create: '/laporan', get: '/laporan/{trackingId}', list: '/laporan' },
  referenceQuery: 'referensi',
  fields: {
    reference: 'referensi', title: 'judul', body: 'isi', category: 'kategori', location: 'lokasi', incidentDate: 'tanggal_kejadian',
    anonymous: 'anonim', confidential: 'rahasia', reporter: 'pelapor', reporterName: 'nama', reporterEmail: 'email', reporterPhone: 'telpon',
    trackingId: 'trackingid', transactionId: 'transaksiid', status: 'status', disposition: 'disposisi', dispositionAgency: 'instansi',
    answers: 'tindak_lanjut', answerText: 'isi', answerAt: 'waktu', list: 'data',
  },
  statuses: { baru: 'received', verifikasi: 'verifying', disposisi: 'dispositioned', tindak_lanjut: 'answered', selesai: 'closed', ditolak: 'rejected' },
  categories: {},
};

/** What we push: the identity only when the complainant is neither anonymous nor confidential. */
export interface LaporReport {
  reference: string;
  title: string;
  body: string;
  category: string;
  location?: string | null;
  incidentDate?: string | null;
  anonymous: boolean;
  confidential: boolean;
  reporter?: { name: string; email?: string; phone?: string };
}

/** A report as LAPOR! shows it. */
export interface LaporRecord {
  trackingId: string;
  transactionId: string | null;
  reference: string | null;
  status: LaporRemoteStatus;
  /** LAPOR!'s own word for the status. */
  rawStatus: string | null;
  /** The agency LAPOR! dispositioned it to. */
  disposition: string | null;
  answers: { text: string; at: string | null }[];
}

/**
 * Why a call failed, as the sync acts on it:
 * - `temporary`: retry later (5xx, 429, network, timeout); `outcomeUnknown` when a create may have
 *   happened (timeout or a lost answer): the retry looks the report up by reference first;
 * - `auth`: the credentials were refused (401/403): the push fails until the admin fixes them;
 * - `rejected`: LAPOR! refused the report (400/422) or answered something we cannot read.
 */
export class LaporError extends Error {
  constructor(
    readonly kind: 'temporary' | 'auth' | 'rejected',
    message: string,
    readonly code: string,
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'LaporError';
  }
}

export interface LaporClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  protocol?: LaporProtocol;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** One regency's LAPOR! developer account: one instance per job run (the token lives in it). */
export class LaporClient {
  readonly #base: string;
  readonly #p: LaporProtocol;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  #token: { value: string; until: number } | undefined;

  constructor(private readonly opts: LaporClientOptions) {
    this.#base = opts.baseUrl.replace(/\/+$/, '');
    this.#p = opts.protocol ?? LAPOR_DEFAULT_PROTOCOL;
    this.#timeoutMs = opts.timeoutMs ?? 10_000;
    this.#fetch = opts.fetch ?? fetch;
  }

  /** Creates the report; a timeout or a lost answer throws `temporary` with `outcomeUnknown`. */
  async create(r: LaporReport): Promise<{ trackingId: string; transactionId: string | null }> {
    const f = this.#p.fields;
    const body: Record<string, unknown> = {
      [f.reference]: r.reference,
      [f.title]: r.title,
      [f.body]: r.body,
      [f.category]: this.#p.categories[r.category] ?? r.category,
      [f.anonymous]: r.anonymous ? 1 : 0,
      [f.confidential]: r.confidential ? 1 : 0,
    };
    if (r.location) body[f.location] = r.location;
    if (r.incidentDate) body[f.incidentDate] = r.incidentDate;
    // Anonim / rahasia: the reporter's identity is not sent at all (never merely flagged).
    if (r.reporter && !r.anonymous && !r.confidential)
      body[f.reporter] = { [f.reporterName]: r.reporter.name, ...(r.reporter.email ? { [f.reporterEmail]: r.reporter.email } : {}), ...(r.reporter.phone ? { [f.reporterPhone]: r.reporter.phone } : {}) };
    const res = await this.#call('POST', this.#p.paths.create, body, true);
    const rec = isRecord(res) ? res : {};
    const trackingId = str(rec[f.trackingId]);
    // Accepted without a tracking id: as good as lost; the retry looks it up by reference.
    if (!trackingId) throw new LaporError('temporary', 'LAPOR! menjawab tanpa Tracking ID / LAPOR! answered without a tracking id', 'NO_TRACKING_ID', true);
    return { trackingId, transactionId: str(rec[f.transactionId]) };
  }

  async get(trackingId: string): Promise<LaporRecord> {
    const res = await this.#call('GET', this.#p.paths.get.replace('{trackingId}', encodeURIComponent(trackingId)));
    const rec = this.#record(res);
    if (!rec) throw new LaporError('rejected', 'Jawaban LAPOR! tidak dapat dibaca / unreadable LAPOR! answer', 'UNREADABLE');
    return rec;
  }

  /** Reports filed under our reference (normally none or one). */
  async findByReference(reference: string): Promise<LaporRecord[]> {
    const res = await this.#call('GET', `${this.#p.paths.list}?${encodeURIComponent(this.#p.referenceQuery)}=${encodeURIComponent(reference)}`);
    const list = isRecord(res) ? res[this.#p.fields.list] : res;
    if (!Array.isArray(list)) throw new LaporError('rejected', 'Jawaban LAPOR! tidak dapat dibaca / unreadable LAPOR! answer', 'UNREADABLE');
    // A list filtered by reference that names another reference is not trusted for it.
    return list.map((x) => this.#record(x)).filter((x): x is LaporRecord => x !== undefined && (x.reference === null || x.reference === reference));
  }

  #record(x: unknown): LaporRecord | undefined {
    if (!isRecord(x)) return undefined;
    const f = this.#p.fields;
    const trackingId = str(x[f.trackingId]);
    if (!trackingId) return undefined;
    const rawStatus = str(x[f.status]);
    const disp = x[f.disposition];
    const disposition = isRecord(disp) ? str(disp[f.dispositionAgency]) : str(disp);
    const answers = Array.isArray(x[f.answers]) ? (x[f.answers] as unknown[]).flatMap((a) => (isRecord(a) && str(a[f.answerText]) ? [{ text: str(a[f.answerText])!, at: str(a[f.answerAt]) }] : [])) : [];
    const status = rawStatus && Object.hasOwn(this.#p.statuses, rawStatus) ? this.#p.statuses[rawStatus]! : 'unknown';
    return { trackingId, transactionId: str(x[f.transactionId]), reference: str(x[f.reference]), status, rawStatus, disposition, answers };
  }

  /** The access token, cached until shortly before LAPOR! says it expires: a provider's lifetime, so the wall clock (never a tenant's clock; a sandbox never calls out). */
  async #authorization(): Promise<string> {
    if (this.#token && this.#token.until > Date.now()) return this.#token.value;
    const res = await this.#send('POST', this.#p.paths.token, { grant_type: 'client_credentials', client_id: this.opts.clientId, client_secret: this.opts.clientSecret }, undefined, false);
    const token = isRecord(res) ? str(res['access_token']) : null;
    if (!token) throw new LaporError('auth', 'LAPOR! tidak memberi token akses / LAPOR! gave no access token', 'NO_TOKEN');
    const seconds = isRecord(res) && typeof res['expires_in'] === 'number' ? res['expires_in'] : 300;
    // Renewed a little early so that a call never carries a token that expires on the way.
    this.#token = { value: token, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
    return token;
  }

  async #call(method: 'GET' | 'POST', path: string, body?: unknown, creates = false): Promise<unknown> {
    const auth = await this.#authorization();
    return this.#send(method, path, body, auth, creates);
  }

  async #send(method: 'GET' | 'POST', path: string, body: unknown, token: string | undefined, creates: boolean): Promise<unknown> {
    let res: Response;
    try {
      res = await this.#fetch(`${this.#base}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'manual',
      });
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      // Never the URL or the body in the message: it is shown to the admin and logged.
      throw new LaporError('temporary', timeout ? 'LAPOR! tidak menjawab tepat waktu / LAPOR! timed out' : 'LAPOR! tidak dapat dihubungi / LAPOR! unreachable', timeout ? 'TIMEOUT' : 'NETWORK', creates);
    }
    let payload: unknown;
    try {
      const text = await res.text();
      payload = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // A 2xx whose body broke on the way: the create may have happened.
      if (res.ok) throw new LaporError('temporary', 'Jawaban LAPOR! terputus / LAPOR! answer cut off', 'BROKEN_ANSWER', creates);
      payload = undefined;
    }
    if (res.ok) return payload;
    const s = res.status;
    if (s === 401 || s === 403) return Promise.reject(new LaporError('auth', `LAPOR! menolak kredensial (${s}) / LAPOR! refused the credentials (${s})`, String(s)));
    if (s === 429 || s >= 500) return Promise.reject(new LaporError('temporary', `LAPOR! sedang bermasalah (${s}) / LAPOR! failed (${s})`, String(s), creates && s >= 500));
    const code = isRecord(payload) && typeof payload['code'] === 'string' ? payload['code'] : String(s);
    return Promise.reject(new LaporError('rejected', `LAPOR! menolak permintaan (${s} ${code}) / LAPOR! refused the request (${s} ${code})`, code));
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}
