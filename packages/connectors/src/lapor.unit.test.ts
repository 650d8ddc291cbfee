import assert from 'node:assert/strict';
import { LAPOR_DEFAULT_PROTOCOL, LaporClient, LaporError, type LaporProtocol } from './lapor.js';

/** A recorded exchange: what the adapter asked, and what the fake LAPOR! answers. */
function fakeLapor(answer: (url: string, body: Record<string, unknown> | undefined) => { status: number; body?: unknown }) {
  const calls: { url: string; body: Record<string, unknown> | undefined; auth: string | null }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    calls.push({ url, body, auth: new Headers(init?.headers).get('authorization') });
    if (url.endsWith('/token')) return new Response(JSON.stringify({ access_token: 'tok', expires_in: 3600 }), { status: 200 });
    const a = answer(url, body);
    return new Response(a.body === undefined ? '' : JSON.stringify(a.body), { status: a.status });
  }) as typeof fetch;
  return { calls, fetchFn };
}

const REPORT = { reference: 'kab-x/ADU-AAAA-AAAA', title: 'Judul', body: 'Isi laporan', category: 'keluhan', anonymous: false, confidential: false, reporter: { name: 'Siti', email: 'siti@example.id' } };

describe('LAPOR! adapter (configurable protocol)', () => {
  it('speaks the regency’s field names and paths when they differ from the defaults', async () => {
    const protocol: LaporProtocol = {
      ...LAPOR_DEFAULT_PROTOCOL,
      paths: { token: '/auth/token', create: '/v2/reports', get: '/v2/reports/{trackingId}', list: '/v2/reports' },
      fields: { ...LAPOR_DEFAULT_PROTOCOL.fields, title: 'subject', trackingId: 'tracking_id', reporter: 'reporter', reporterName: 'full_name' },
      categories: { keluhan: 'COMPLAINT' },
    };
    const { calls, fetchFn } = fakeLapor(() => ({ status: 201, body: { tracking_id: '7001', transaksiid: 'T1' } }));
    const client = new LaporClient({ baseUrl: 'https://lapor.example/api/', clientId: 'c', clientSecret: 's', protocol, fetch: fetchFn });
    assert.deepEqual(await client.create(REPORT), { trackingId: '7001', transactionId: 'T1' });
    const create = calls.find((c) => c.url.endsWith('/v2/reports'))!;
    assert.equal(create.url, 'https://lapor.example/api/v2/reports');
    assert.equal(create.auth, 'Bearer tok');
    assert.deepEqual([create.body!['subject'], create.body!['kategori'], (create.body!['reporter'] as Record<string, string>)['full_name']], ['Judul', 'COMPLAINT', 'Siti']);
    assert.equal(create.body!['judul'], undefined);
  });

  it('sends no identity for anonim or rahasia, only the flags', async () => {
    for (const flags of [{ anonymous: true, confidential: false }, { anonymous: false, confidential: true }]) {
      const { calls, fetchFn } = fakeLapor(() => ({ status: 201, body: { trackingid: '1', transaksiid: '2' } }));
      await new LaporClient({ baseUrl: 'https://l.example', clientId: 'c', clientSecret: 's', fetch: fetchFn }).create({ ...REPORT, ...flags });
      const body = calls.at(-1)!.body!;
      assert.equal(body['pelapor'], undefined);
      assert.deepEqual([body['anonim'], body['rahasia']], [flags.anonymous ? 1 : 0, flags.confidential ? 1 : 0]);
      assert.doesNotMatch(JSON.stringify(body), /Siti|siti@/);
    }
  });

  it('maps failures: refused credentials, a 5xx on create (outcome unknown), a refusal; unknown status words', async () => {
    const cases: [number, LaporError['kind'], boolean][] = [[401, 'auth', false], [503, 'temporary', true], [422, 'rejected', false]];
    for (const [status, kind, unknown] of cases) {
      const { fetchFn } = fakeLapor(() => ({ status, body: { code: 'X' } }));
      const err = await new LaporClient({ baseUrl: 'https://l.example', clientId: 'c', clientSecret: 's', fetch: fetchFn }).create(REPORT).catch((e: unknown) => e);
      assert.ok(err instanceof LaporError);
      assert.deepEqual([err.kind, err.outcomeUnknown], [kind, unknown], String(status));
    }
    const { fetchFn } = fakeLapor(() => ({ status: 200, body: { trackingid: '9', status: 'arsip', disposisi: 'Dinas X', tindak_lanjut: [{ isi: 'Sudah', waktu: '2026-12-01' }] } }));
    const rec = await new LaporClient({ baseUrl: 'https://l.example', clientId: 'c', clientSecret: 's', fetch: fetchFn }).get('9');
    assert.deepEqual([rec.status, rec.rawStatus, rec.disposition, rec.answers.length], ['unknown', 'arsip', 'Dinas X', 1]);
  });

  it('does not trust a list entry that names another reference', async () => {
    const { fetchFn } = fakeLapor(() => ({ status: 200, body: { data: [{ trackingid: '1', referensi: 'kab-x/ADU-AAAA-AAAA' }, { trackingid: '2', referensi: 'other' }] } }));
    const found = await new LaporClient({ baseUrl: 'https://l.example', clientId: 'c', clientSecret: 's', fetch: fetchFn }).findByReference('kab-x/ADU-AAAA-AAAA');
    assert.deepEqual(found.map((r) => r.trackingId), ['1']);
  });
});
