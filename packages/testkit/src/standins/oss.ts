import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-in for OSS-RBA's K/L/D interface (the "Pedoman Integrasi Aplikasi", PIA 4.3.19–4.3.22, as
 * `@satupintu/connectors` oss.ts speaks it), over a real HTTP server on 127.0.0.1: the `user_key`
 * header, `inqueryNIB` over a few businesses, `receiveLicenseStatus` and `receiveLicense` recorded
 * in the order received, OSS's answer envelopes (`responinqueryNIB`, …, with `kode`), and injected
 * failures (the next N calls of a method answer 500). It can also play OSS pushing `receiveNIB` to
 * a K/L/D endpoint (`pushNib`), with the PIA's `user_key` and HTTP Basic headers.
 */

export interface OssStandInOptions {
  userKey: string;
  /** Businesses known to `inqueryNIB`, by NIB (the `dataNIB` answered). */
  businesses: Record<string, Record<string, unknown>>;
}

export interface OssStandInCall {
  method: string;
  body: Record<string, unknown>;
  /** HTTP status answered. */
  status: number;
  at: Date;
}

export class OssStandIn {
  /** Every authenticated call, in order, with what was answered. */
  readonly calls: OssStandInCall[] = [];
  /** Next N calls of a method answer 500 (then normal). */
  readonly failNext = new Map<string, number>();
  readonly #opts: OssStandInOptions;
  readonly #server: Server;

  private constructor(opts: OssStandInOptions) {
    this.#opts = opts;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(opts: OssStandInOptions): Promise<OssStandIn> {
    const s = new OssStandIn(opts);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', () => resolve()));
    return s;
  }

  /** The base URL a client configures as its endpoint (like `…/v1/kl/rba`). */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1/kl/rba`;
  }

  /** Accepted calls (answered 200) of one method, in order. */
  accepted(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method && c.status === 200).map((c) => c.body);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** OSS pushing receiveNIB to a K/L/D system (PIA: `user_key` and HTTP Basic). */
  static async pushNib(url: string, dataNIB: Record<string, unknown>, auth: { userKey?: string; username?: string; password?: string }): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.userKey) headers['user_key'] = auth.userKey;
    if (auth.username !== undefined) headers['authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ dataNIB }) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const m = /\/v1\/kl\/rba\/([A-Za-z]+)$/.exec(req.url ?? '');
    const method = m?.[1] ?? '';
    const envelope = `respon${method}`;
    const answer = (status: number, inner: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ [envelope]: { kode: status, ...inner } }));
    };
    if (req.method !== 'POST' || !['inqueryNIB', 'receiveLicenseStatus', 'receiveLicense'].includes(method)) return answer(404, { keterangan: 'Service Tidak Ditemukan' });
    if (req.headers['user_key'] !== this.#opts.userKey) return answer(401, { keterangan: 'User Akses Tidak Valid' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return answer(400, { keterangan: 'Data Parameter Salah' });
    }
    const record = (status: number) => this.calls.push({ method, body, status, at: new Date() });
    const fails = this.failNext.get(method) ?? 0;
    if (fails > 0) {
      this.failNext.set(method, fails - 1);
      record(500);
      return answer(500, { keterangan: 'Proses Payload Data Di Sistem OSS Gagal' });
    }
    if (method === 'inqueryNIB') {
      const q = body['INQUERYNIB'] as { nib?: string } | undefined;
      const data = q?.nib ? this.#opts.businesses[q.nib] : undefined;
      if (!data) {
        record(404);
        return answer(404, { keterangan: 'Data NIB tidak ditemukan', dataNIB: {} });
      }
      record(200);
      return answer(200, { keterangan: 'Sukses', dataNIB: data });
    }
    if (method === 'receiveLicenseStatus') {
      const s = body['IZINSTATUS'] as Record<string, unknown> | undefined;
      if (!s || typeof s['nib'] !== 'string' || typeof s['kd_status'] !== 'string' || !/^\d{2}$/.test(s['kd_status'])) {
        record(400);
        return answer(400, { keterangan: 'Data Parameter Salah', dataNIB: {} });
      }
      record(200);
      return answer(200, { keterangan: 'Sukses', dataNIB: {} });
    }
    const f = body['IZINFINAL'] as Record<string, unknown> | undefined;
    if (!f || typeof f['nib'] !== 'string' || typeof f['nomor_izin'] !== 'string' || !f['nomor_izin']) {
      record(400);
      return answer(400, { keterangan: 'Data Parameter Salah' });
    }
    record(200);
    return answer(200, { keterangan: 'Sukses', nomor_izin: f['nomor_izin'] });
  }
}
