import assert from 'node:assert/strict';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { api, sharedPlatform } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

/** The bytes as they travel (fetch would decode them), with the headers. */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the public catalog', () => {
  let p: Platform;
  let url: string;
  before(() => {
    p = sharedPlatform();
    url = `${p.url}/api/v1/tenants/kab-bandung-barat/services`;
  });

  it('answers its cached body in brotli, gzip or as it is, once compressed, with one weak ETag; 304 when unchanged', async () => {
    const plain = await raw(url, { 'accept-encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers['content-type']), /^application\/json/);
    assert.equal(plain.headers['cache-control'], 'public, max-age=60');
    assert.match(String(plain.headers.vary), /Accept-Encoding/i);
    const etag = String(plain.headers.etag);
    assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
    const catalog = JSON.parse(plain.body.toString('utf8'));
    assert.equal(catalog.tenant.slug, 'kab-bandung-barat');
    assert.ok(catalog.items.length >= 35);

    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.deepEqual([br.headers['content-encoding'], br.headers.etag], ['br', etag], 'brotli when accepted as much as gzip');
    assert.ok(brotliDecompressSync(br.body).equals(plain.body), 'compressed once: the same JSON');
    const gz = await raw(url, { 'accept-encoding': 'br;q=0.5, gzip' });
    assert.deepEqual([gz.headers['content-encoding'], gz.headers.etag], ['gzip', etag]);
    assert.ok(gunzipSync(gz.body).equals(plain.body), 'not compressed twice');
    assert.equal((await raw(url, { 'accept-encoding': 'gzip;q=0, br;q=0' })).headers['content-encoding'], undefined);
    console.log(`      KBB catalog: ${plain.body.length.toLocaleString('en')} bytes JSON, ${gz.body.length.toLocaleString('en')} gzip, ${br.body.length.toLocaleString('en')} brotli`);

    for (const tag of [etag, etag.slice(2), `"other", ${etag}`]) {
      const cached = await raw(url, { 'if-none-match': tag, 'accept-encoding': 'br' });
      assert.deepEqual([cached.status, cached.body.length, cached.headers.etag, cached.headers['content-encoding']], [304, 0, etag, undefined], tag);
    }
    assert.equal((await raw(url, { 'if-none-match': 'W/"old"' })).status, 200);

    // Through the test client (which decodes), validated against the document like every response.
    const viaApi = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services');
    assert.deepEqual(viaApi.body, catalog);
    assert.equal((await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services', { headers: { 'if-none-match': etag } })).status, 304);
  });

  it('filters per request; answers one service in full; validates form data', async () => {
    const filtered = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services?agency=imigrasi&category=non-perizinan');
    assert.equal(filtered.status, 200);
    assert.ok(filtered.body.items.length > 0 && filtered.body.items.every((s: { agency: { code: string } }) => s.agency.code === 'imigrasi'));
    const paspor = filtered.body.items.find((s: { id: string }) => s.id === 'imigrasi.paspor-baru');
    assert.deepEqual([paspor.appointmentRequired, paspor.schedule.sessions[0].capacity], [true, 20]);

    const detail = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.paspor-baru');
    assert.equal(detail.status, 200);
    assert.equal(detail.body.standard.length, 14);
    assert.ok(detail.body.form.schema && detail.body.sop.states[detail.body.sop.initial]);
    const none = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.tidak-ada');
    assert.deepEqual([none.status, none.body.code], [404, 'SERVICE_NOT_FOUND']);

    const form = { nik: '3217064101900001', noKk: '3217061503120004', namaLengkap: 'Siti Nurhaliza', alasan: 'rusak', noHp: '081234567890' };
    const valid = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/services/dukcapil.ktpel-penggantian/validate', { body: form });
    assert.deepEqual([valid.status, valid.body.valid, valid.body.plugin], [200, true, 'dukcapil']);
    const invalid = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/services/dukcapil.ktpel-penggantian/validate', { body: { ...form, nik: '123' } });
    assert.deepEqual([invalid.status, invalid.body.code], [422, 'FORM_INVALID']);
    assert.ok(invalid.body.errors.length > 0);
    const missing = await api(p, 'POST', '/api/v1/tenants/kab-kapuas/services/imigrasi.paspor-baru/validate', { body: {} });
    assert.deepEqual([missing.status, missing.body.code], [404, 'SERVICE_NOT_FOUND']);
  });
});
