import assert from 'node:assert/strict';
import net from 'node:net';
import { Readable } from 'node:stream';
import { CircuitBreaker, StoreUnavailable, isStoreOutage } from './breaker.js';
import { ObjectStore } from './index.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

describe('object store circuit breaker', () => {
  it('opens after N outage failures in a row, fails fast while open, lets a trial through after the cool-down, closes on success', async () => {
    let now = 0;
    const b = new CircuitBreaker({ threshold: 3, cooldownMs: 5_000, now: () => now });
    for (let i = 0; i < 3; i++) await assert.rejects(b.run(() => Promise.reject(refused)), /ECONNREFUSED/);
    assert.equal(b.state, 'open');
    let called = false;
    await assert.rejects(
      b.run(async () => (called = true)),
      (e: unknown) => e instanceof StoreUnavailable && e.retryAfterSeconds === 5,
    );
    assert.equal(called, false, 'an open circuit does not call the store');
    now = 5_000;
    assert.equal(b.state, 'half-open');
    await assert.rejects(b.run(() => Promise.reject(refused)));
    assert.equal(b.state, 'open', 'a failed trial opens it again');
    now = 10_000;
    assert.equal(await b.run(async () => 'ok'), 'ok');
    assert.equal(b.state, 'closed');
  });

  it('counts only failures of the store, not refusals of the request', async () => {
    const b = new CircuitBreaker({ threshold: 1, cooldownMs: 1_000 });
    const notFound = Object.assign(new Error('NoSuchKey'), { $metadata: { httpStatusCode: 404 } });
    await assert.rejects(b.run(() => Promise.reject(notFound)));
    assert.equal(b.state, 'closed');
    assert.equal(isStoreOutage(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } })), true);
    assert.equal(isStoreOutage(new Error('wrapped', { cause: refused })), true);
    assert.equal(isStoreOutage(new Error('plain')), false);
  });

  it('an ObjectStore pointed at a dead endpoint fails fast once the circuit opens', async () => {
    // A port that refuses connections: bound, then closed.
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const store = new ObjectStore({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-southeast-3',
      accessKeyId: 'x',
      secretAccessKey: 'x',
      forcePathStyle: true,
      buckets: { r: 'bucket' },
      breaker: { threshold: 2, cooldownMs: 60_000 },
    });
    try {
      const put = () => store.putStream('r', 'k', Readable.from([Buffer.from('%PDF-1.4\n%%EOF\n')]), { maxBytes: 1024, accept: ['application/pdf'] });
      for (let i = 0; i < 2; i++) await assert.rejects(put(), (e: unknown) => isStoreOutage(e));
      assert.equal(store.breaker.state, 'open');
      const started = performance.now();
      await assert.rejects(put(), StoreUnavailable);
      await assert.rejects(store.delete('r', 'k'), StoreUnavailable);
      assert.ok(performance.now() - started < 50, 'no network round trip while open');
      // Readiness still asks the store itself.
      await assert.rejects(store.check('r'), (e: unknown) => !(e instanceof StoreUnavailable));
    } finally {
      store.destroy();
    }
  });

  it('tells when it opens, and opens for what another process heard, without counting or telling again', async () => {
    let now = 0;
    const a = new CircuitBreaker({ threshold: 3, cooldownMs: 5_000, now: () => now });
    const b = new CircuitBreaker({ threshold: 3, cooldownMs: 5_000, now: () => now });
    const told: number[] = [];
    const bTold: number[] = [];
    a.onOpen((ms) => told.push(ms));
    b.onOpen((ms) => bTold.push(ms));
    for (let i = 0; i < 2; i++) await assert.rejects(a.run(() => Promise.reject(refused)));
    assert.deepEqual(told, [], 'closed: nothing to tell');
    await assert.rejects(a.run(() => Promise.reject(refused)));
    assert.deepEqual(told, [5_000]);
    b.adopt(told[0]!);
    assert.equal(b.state, 'open');
    assert.deepEqual(bTold, [], 'an adopted opening is not told again');
    await assert.rejects(b.run(async () => 'never'), (e: unknown) => e instanceof StoreUnavailable && e.retryAfterSeconds === 5);
    b.adopt(1_000);
    assert.equal(b.openUntilMs, 5_000, 'a shorter opening does not cut a longer one');
    b.adopt(10 * 60_000);
    assert.equal(b.openUntilMs, 20_000, 'at most four cool-downs, whatever a notice says');
    now = 20_000;
    assert.equal(b.state, 'half-open', 'then its own trial');
    assert.equal(await b.run(async () => 'ok'), 'ok');
    assert.equal(b.state, 'closed');
  });
});
