import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-in for the SP4N-LAPOR! integration API as `@satupintu/connectors` lapor.ts speaks it with
 * its default protocol (paths and field names ours, to confirm with KemenPAN-RB), over a real HTTP
 * server on 127.0.0.1: client-credentials token, create (`trackingid`, `transaksiid`), get by
 * tracking id, list by `referensi`. Like the real one is assumed to, it does NOT dedupe on the
 * reference: a second create is a second report, so the client's lookup-before-retry is what
 * keeps it single. It can fail on purpose: 5xx, slow answers (client timeouts), and a create that
 * is recorded but whose answer is lost (the connection is cut).
 */

export interface LaporStandInReport {
  trackingid: string;
  transaksiid: string;
  referensi: string | null;
  /** The body as received (to check what was, and was not, sent). */
  received: Record<string, unknown>;
  status: string;
  disposisi: { instansi: string } | null;
  tindak_lanjut: { isi: string; waktu: string }[];
}

export interface LaporStandInOptions {
  clientId: string;
  clientSecret: string;
  /** Token lifetime in seconds (default 3600). */
  tokenSeconds?: number;
}

type Fault = { kind: 'status'; status: number } | { kind: 'slow'; ms: number } | { kind: 'lose-answer' };

export class LaporStandIn {
  /** Every report created, in order (a duplicate create shows here twice). */
  readonly reports: LaporStandInReport[] = [];
  /** Every request: method, path, HTTP status answered (0: connection cut). */
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly #opts: LaporStandInOptions;
  readonly #server: Server;
  readonly #tokens = new Map<string, number>();
  readonly #faults: Fault[] = [];
  #seq = 4_000_000;
  #port = 0;

  private constructor(opts: LaporStandInOptions) {
    this.#opts = opts;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(opts: LaporStandInOptions): Promise<LaporStandIn> {
    const s = new LaporStandIn(opts);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** Base URL for the connection's `baseUrl`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}/api/v1`;
  }

  /** The next create answers `status` (nothing recorded). */
  failNextCreate(status: number): void {
    this.#faults.push({ kind: 'status', status });
  }

  /** The next create is recorded, then answered only after `ms` (beyond the client's timeout). */
  slowNextCreate(ms: number): void {
    this.#faults.push({ kind: 'slow', ms });
  }

  /** The next create is recorded, and the connection is cut before the answer. */
  loseNextAnswer(): void {
    this.#faults.push({ kind: 'lose-answer' });
  }

  /** LAPOR!'s admins move a report on: status, disposition, a follow-up. */
  update(trackingId: string, change: { status?: string; disposisi?: string; tindakLanjut?: string }): void {
    const r = this.reports.find((x) => x.trackingid === trackingId);
    if (!r) throw new Error(`no report ${trackingId}`);
    if (change.status) r.status = change.status;
    if (change.disposisi) r.disposisi = { instansi: change.disposisi };
    if (change.tindakLanjut) r.tindak_lanjut.push({ isi: change.tindakLanjut, waktu: new Date().toISOString() });
  }

  /** A report made on LAPOR!'s side (e.g. someone forwarded it by hand under the same reference); its tracking id. */
  inject(referensi: string | null, status = 'baru'): string {
    const trackingid = String(++this.#seq);
    this.reports.push({ trackingid, transaksiid: `TRX-${randomBytes(6).toString('hex')}`, referensi, received: {}, status, disposisi: null, tindak_lanjut: [] });
    return trackingid;
  }

  byReference(reference: string): LaporStandInReport[] {
    return this.reports.filter((r) => r.referensi === reference);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = req.method ?? 'GET';
    const answer = (status: number, body: unknown) => {
      this.requests.push({ method, path, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return answer(400, { code: 'INVALID_JSON' });
    }

    if (method === 'POST' && path === '/oauth/token') {
      if (body['grant_type'] !== 'client_credentials' || body['client_id'] !== this.#opts.clientId || body['client_secret'] !== this.#opts.clientSecret)
        return answer(401, { code: 'INVALID_CLIENT', message: 'invalid client credentials' });
      const token = randomBytes(24).toString('base64url');
      const seconds = this.#opts.tokenSeconds ?? 3600;
      this.#tokens.set(token, Date.now() + seconds * 1000);
      return answer(200, { access_token: token, token_type: 'Bearer', expires_in: seconds });
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || (this.#tokens.get(auth) ?? 0) < Date.now()) return answer(401, { code: 'INVALID_TOKEN' });

    if (method === 'POST' && path === '/laporan') {
      const fault = this.#faults.shift();
      if (fault?.kind === 'status') return answer(fault.status, { code: 'SERVER_ERROR' });
      for (const f of ['judul', 'isi', 'kategori']) if (typeof body[f] !== 'string' || body[f] === '') return answer(422, { code: 'FIELD_REQUIRED', field: f });
      if (![0, 1].includes(body['anonim'] as number) || ![0, 1].includes(body['rahasia'] as number)) return answer(422, { code: 'FLAG_INVALID' });
      const report: LaporStandInReport = {
        trackingid: String(++this.#seq),
        transaksiid: `TRX-${randomBytes(6).toString('hex')}`,
        referensi: typeof body['referensi'] === 'string' ? body['referensi'] : null,
        received: body,
        status: 'baru',
        disposisi: null,
        tindak_lanjut: [],
      };
      this.reports.push(report);
      if (fault?.kind === 'lose-answer') {
        this.requests.push({ method, path, status: 0 });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
      if (res.destroyed || req.socket.destroyed) return void this.requests.push({ method, path, status: 0 });
      return answer(201, { trackingid: report.trackingid, transaksiid: report.transaksiid });
    }
    if (method === 'GET' && path === '/laporan') {
      const ref = url.searchParams.get('referensi');
      return answer(200, { data: this.reports.filter((r) => ref === null || r.referensi === ref).map(publicOf) });
    }
    const one = /^\/laporan\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const r = this.reports.find((x) => x.trackingid === decodeURIComponent(one[1]!));
      return r ? answer(200, publicOf(r)) : answer(404, { code: 'NOT_FOUND' });
    }
    return answer(404, { code: 'NOT_FOUND' });
  }
}

function publicOf(r: LaporStandInReport) {
  return { trackingid: r.trackingid, transaksiid: r.transaksiid, referensi: r.referensi, status: r.status, disposisi: r.disposisi, tindak_lanjut: r.tindak_lanjut };
}
