import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { sharedPlatform } from '@satupintu/testkit';
import { UploadRefused } from './upload.js';

describe('object store (embedded s3rver, or S3Proxy with SigV4 in the conformance tier)', () => {
  const region = 'id-jakarta';

  it('streams a multi-part upload, hashing it, without holding it in memory', async () => {
    const store = sharedPlatform().store;
    const key = `test/${randomUUID()}`;
    const head = Buffer.from('%PDF-1.7\n');
    // 12 MB in 64 KB chunks: three multipart parts.
    const chunks = function* () {
      yield head;
      for (let i = 0; i < 192; i++) yield Buffer.alloc(64 * 1024, i % 251);
    };
    const stored = await store.putStream(region, key, Readable.from(chunks()), { maxBytes: 20 * 1024 * 1024, accept: ['application/pdf'] });
    assert.equal(stored.size, head.length + 192 * 64 * 1024);
    assert.equal(stored.mediaType, 'application/pdf');
    const { createHash } = await import('node:crypto');
    const h = createHash('sha256');
    for (const c of chunks()) h.update(c);
    assert.equal(stored.sha256, h.digest('hex'));
    assert.ok(await store.exists(region, key));
    const url = await store.presignGet(region, key, { expiresIn: 60 });
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal((await res.arrayBuffer()).byteLength, stored.size);
    await store.delete(region, key);
  });

  it('aborts a refused upload and leaves nothing behind', async () => {
    const store = sharedPlatform().store;
    const key = `test/${randomUUID()}`;
    const big = function* () {
      yield Buffer.from('%PDF-1.7\n');
      for (let i = 0; i < 200; i++) yield Buffer.alloc(64 * 1024);
    };
    await assert.rejects(store.putStream(region, key, Readable.from(big()), { maxBytes: 6 * 1024 * 1024, accept: ['application/pdf'] }), (e: unknown) => e instanceof UploadRefused && e.reason === 'too-large');
    assert.equal(await store.exists(region, key), false);
  });

  it('refuses a tampered presigned URL (the embedded S3 checks signatures, as S3Proxy and AWS do)', async () => {
    const store = sharedPlatform().store;
    const key = `test/${randomUUID()}`;
    await store.putBuffer(region, key, Buffer.from('%PDF-1.4 x'), 'application/pdf');
    const url = new URL(await store.presignGet(region, key, { expiresIn: 60 }));
    const sig = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set('X-Amz-Signature', sig.replace(/.$/, sig.endsWith('0') ? '1' : '0'));
    assert.equal((await fetch(url)).status, 403);
    await store.delete(region, key);
  });

  it('lists past one page (more than 1,000 objects under a prefix)', async function () {
    this.timeout(120_000);
    const store = sharedPlatform().store;
    const prefix = `list-test/${randomUUID()}/`;
    for (let i = 0; i < 1050; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => store.putBuffer(region, `${prefix}${String(i + j).padStart(5, '0')}`, Buffer.from('x'), 'text/plain')));
    const keys: string[] = [];
    for await (const o of store.list(region, prefix)) keys.push(o.key);
    assert.equal(keys.length, 1050);
    assert.equal(new Set(keys).size, 1050);
    for (const k of keys) await store.delete(region, k);
  });

  it('lists objects only, never the folder entries a file-system-backed store adds (S3Proxy lists `a/` for `a/b`)', async () => {
    const store = sharedPlatform().store;
    const prefix = `folders/${randomUUID()}/`;
    await store.putBuffer(region, `${prefix}a/b.txt`, Buffer.from('b'), 'text/plain');
    // What such a store shows: an empty object named like the folder (made here by hand on any store).
    await store.putBuffer(region, `${prefix}a/`, Buffer.alloc(0), 'application/x-directory');
    const keys: string[] = [];
    for await (const o of store.list(region, prefix)) keys.push(o.key);
    assert.deepEqual(keys, [`${prefix}a/b.txt`]);
    await store.delete(region, `${prefix}a/b.txt`);
    await store.delete(region, `${prefix}a/`).catch(() => {});
  });

  it('copies an object to another region streamed (multipart above 5 MB), with its type and metadata, and digests it without holding it', async function () {
    this.timeout(60_000);
    const store = sharedPlatform().store;
    const key = `copy-test/${randomUUID()}`;
    const body = Buffer.alloc(12 * 1024 * 1024 + 7, 3);
    body.write('%PDF-1.7\n');
    await store.putBuffer(region, key, body, 'application/pdf');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(body).digest('hex');
    const copied = await store.copyToRegion(region, 'id-batam', key);
    assert.deepEqual(copied, { size: body.length, sha256 });
    assert.deepEqual(await store.digest('id-batam', key), { size: body.length, sha256 });
    const res = await fetch(await store.presignGet('id-batam', key, { expiresIn: 60 }));
    assert.equal(res.status, 200);
    assert.equal(Buffer.from(await res.arrayBuffer()).equals(body), true);
    await store.delete(region, key);
    await store.delete('id-batam', key);
  });
});
