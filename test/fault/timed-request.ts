/** One request's answer as the load scenarios record it. */
export interface Answer {
  /** When the request was sent (Date.now()). */
  at: number;
  status: number;
  ms: number;
  retryAfter: string | null;
  rateLimit: string | null;
  problem: boolean;
  code?: string;
  /** Why no answer came (status 0): the error's cause code, e.g. ECONNRESET. */
  error?: string;
}

/** Sends one request and times it to the end of its body; a dropped connection is status 0. */
export async function timedRequest(url: string, init: RequestInit): Promise<Answer> {
  const t0 = performance.now();
  const at = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    const problem = /application\/problem\+json/.test(res.headers.get('content-type') ?? '');
    return {
      at,
      status: res.status,
      ms: performance.now() - t0,
      retryAfter: res.headers.get('retry-after'),
      rateLimit: res.headers.get('ratelimit'),
      problem,
      code: problem ? (JSON.parse(text) as { code?: string }).code : undefined,
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    return { at, status: 0, ms: performance.now() - t0, retryAfter: null, rateLimit: null, problem: false, error: err.cause?.code ?? err.cause?.message ?? err.name };
  }
}
