import { randomUUID } from 'node:crypto';
import { sleep, token } from './cluster.js';

/**
 * The steady mixed load of the cluster tier, through HAProxy: citizens of kab-kapuas create an
 * application, upload its document and submit it (each write with its own Idempotency-Key, retried
 * with the same key when unanswered, 5xx or 429), and read their applications back. Every request is
 * counted under the scenario running at that moment; every acknowledged (2xx) write is remembered,
 * to be looked up in the database at the end.
 */
export const LOAD_TENANT = 'kab-kapuas';
const CITIZENS = ['warga.kapuas', 'warga.kbb'];

export interface Submission {
  tag: string;
  citizen: string;
  appId?: string;
  created: boolean;
  uploaded: boolean;
  submitted: boolean;
  /** The write that never got a 2xx in the retry time (not acknowledged: not required to exist). */
  abandoned?: string;
}

export interface PhaseCount {
  requests: number;
  ok: number;
  /** Answers that were not 2xx, or no answer (the client then retried writes with the same key). */
  failed: number;
  byStatus: Record<string, number>;
  /** Writes retried by the client with the same Idempotency-Key. */
  clientRetries: number;
  /** Writes answered from the idempotency record (Idempotent-Replayed: true). */
  replayed: number;
}

/** A small valid PDF unique to `tag`. */
export function pdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n${' '.repeat(1500)}`);
}

export function sktlkForm(marker: string): Record<string, unknown> {
  return {
    nik: '6203054507850002',
    namaLengkap: 'Warga Uji Klaster',
    noHp: '081234567890',
    barangHilang: [{ jenis: 'KTP-el' }],
    tanggalKejadian: '2026-11-20',
    lokasiKejadian: 'Pasar Kuala Kapuas',
    kronologi: `Hilang saat berbelanja. ${marker}`,
  };
}

export class SteadyLoad {
  readonly run = randomUUID().slice(0, 8);
  readonly subs: Submission[] = [];
  readonly phases = new Map<string, PhaseCount>();
  phase = 'start-up';
  private stopping = false;
  private loops: Promise<void>[] = [];
  private n = 0;

  constructor(
    private readonly base: () => string,
    private readonly opts: { writers: number; iterationMs: number; readEveryMs: number; retryForMs: number },
  ) {}

  private count(): PhaseCount {
    let c = this.phases.get(this.phase);
    if (!c) this.phases.set(this.phase, (c = { requests: 0, ok: 0, failed: 0, byStatus: {}, clientRetries: 0, replayed: 0 }));
    return c;
  }

  private async once(method: string, url: string, tok: string, key: string | undefined, body?: Buffer | string, type?: string): Promise<{ status: number; body: any; replayed: boolean }> {
    const c = this.count();
    c.requests++;
    let status = 0;
    let label = '';
    try {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${tok}`, ...(key ? { 'idempotency-key': key } : {}), ...(type ? { 'content-type': type } : {}) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      status = res.status;
      label = String(status);
      const replayed = res.headers.get('idempotent-replayed') === 'true';
      if (status >= 200 && status < 300) {
        c.ok++;
        if (replayed) c.replayed++;
      } else {
        c.failed++;
        let code = '';
        try {
          code = (JSON.parse(text) as { code?: string }).code ?? '';
        } catch {
          // not JSON
        }
        label = `${status}${code ? ` ${code}` : ''}`;
      }
      c.byStatus[label] = (c.byStatus[label] ?? 0) + 1;
      return { status, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text, replayed };
    } catch (e) {
      c.failed++;
      const err = e as Error & { cause?: { code?: string } };
      label = `no answer (${err.cause?.code ?? err.name})`;
      c.byStatus[label] = (c.byStatus[label] ?? 0) + 1;
      return { status: 0, body: undefined, replayed: false };
    }
  }

  /** One write with its key: retried with the same key while unanswered, 5xx or 429, for `retryForMs`. */
  private async write(method: string, path: string, citizen: string, key: string, ok: number, body?: Buffer | string, type?: string): Promise<any | undefined> {
    const until = performance.now() + this.opts.retryForMs;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.count().clientRetries++;
      const r = await this.once(method, `${this.base()}${path}`, await token(citizen).catch(() => 'no-token'), key, body, type);
      if (r.status === ok) return r.body;
      const retryable = r.status === 0 || r.status === 429 || r.status >= 500 || r.status === 409;
      if (!retryable || performance.now() > until) return undefined;
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  }

  private async advance(s: Submission): Promise<void> {
    const root = `/api/v1/tenants/${LOAD_TENANT}/applications`;
    const key = `cluster-${s.tag}`;
    if (!s.created) {
      const b = await this.write('POST', root, s.citizen, `${key}-c`, 201, JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(s.tag) }), 'application/json');
      if (!b) return void (s.abandoned = 'create');
      s.appId = b.id;
      s.created = true;
    }
    if (!s.uploaded) {
      const b = await this.write('PUT', `${root}/${s.appId}/documents/identitas?filename=ktp.pdf`, s.citizen, `${key}-u`, 201, pdf(s.tag));
      if (!b) return void (s.abandoned = 'upload');
      s.uploaded = true;
    }
    if (!s.submitted) {
      const b = await this.write('POST', `${root}/${s.appId}/submit`, s.citizen, `${key}-s`, 200);
      if (!b) return void (s.abandoned = 'submit');
      s.submitted = true;
    }
  }

  start(): void {
    for (let w = 0; w < this.opts.writers; w++)
      this.loops.push(
        (async () => {
          while (!this.stopping) {
            const t0 = performance.now();
            const s: Submission = { tag: `cluster-${this.run}-${this.n++}`, citizen: CITIZENS[this.n % CITIZENS.length]!, created: false, uploaded: false, submitted: false };
            this.subs.push(s);
            await this.advance(s);
            await sleep(Math.max(0, this.opts.iterationMs - (performance.now() - t0)));
          }
        })(),
      );
    // Reads: a citizen's own application (by id) and their list, in turn.
    this.loops.push(
      (async () => {
        let i = 0;
        while (!this.stopping) {
          const t0 = performance.now();
          const done = this.subs.filter((s) => s.created);
          const s = done[Math.floor(Math.random() * done.length)];
          const citizen = s?.citizen ?? CITIZENS[0]!;
          const url = s && i++ % 2 === 0 ? `${this.base()}/api/v1/tenants/${LOAD_TENANT}/applications/${s.appId}` : `${this.base()}/api/v1/tenants/${LOAD_TENANT}/applications`;
          await this.once('GET', url, await token(citizen).catch(() => 'no-token'), undefined);
          await sleep(Math.max(0, this.opts.readEveryMs - (performance.now() - t0)));
        }
      })(),
    );
  }

  /** Stops starting new work and waits for what is in flight (its retries included). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }
}
