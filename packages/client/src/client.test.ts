import assert from 'node:assert/strict';
import { sharedPlatform, tokenFor } from '@satupintu/testkit';
import { allPages, createSatupintuClient, fileBody, isStale, newIdempotencyKey, ProblemError, unwrap, unwrapWithEtag, type SatupintuClient, type Schemas } from './index.js';

const T = 'kab-bandung-barat';
const SERVICE = 'dukcapil.ktpel-penggantian';
/** Replacing a KTP-el after a change of data: the KK and the proof of the change are required. */
const FORM = { nik: '3217014101900003', noKk: '3217010101200004', namaLengkap: 'Siti Nurhaliza', alasan: 'perubahan_data', noHp: '081234567890' };

/** A tiny but real PDF (the API decides the type from the content). */
function pdf(title: string): Blob {
  return new Blob([`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`], { type: 'application/pdf' });
}

/**
 * The README example (packages/client/README.md), as written there but for the base URL and the
 * session: it type-checks against the generated types and runs against the platform.
 */
async function readmeExample(baseUrl: string, session: { accessToken: string }): Promise<{ catalog: Schemas['ServiceCatalog'] | undefined; application: Schemas['Application']; listed: string[] }> {
  const api = createSatupintuClient({
    baseUrl,
    token: () => session.accessToken, // realm `mpp`: authorization code + PKCE, or client credentials
    lang: 'id',
  });

  // Public: the regency's service catalog.
  const { data: catalog } = await api.GET('/api/v1/tenants/{tenant}/services', {
    params: { path: { tenant: 'kab-bandung-barat' }, query: { q: 'KTP' } },
  });

  // A citizen applies; the key makes a retry over a flaky network safe.
  const application: Schemas['Application'] = await unwrap(
    api.POST('/api/v1/tenants/{tenant}/applications', {
      params: { path: { tenant: 'kab-bandung-barat' }, header: { 'Idempotency-Key': newIdempotencyKey() } },
      body: { service: 'dukcapil.ktpel-penggantian', data: { alasan: 'rusak' } },
    }),
  );

  // Every page of a list.
  const listed: string[] = [];
  for await (const app of allPages((cursor) =>
    api.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: 'kab-bandung-barat' }, query: { cursor } } }),
  )) listed.push(`${app.trackingCode} ${app.status}`);
  return { catalog, application, listed };
}

/** The README's editing and uploading example, as written there. */
async function readmeEditing(api: SatupintuClient, application: Schemas['Application'], file: File): Promise<void> {
  // Updates quote the ETag read (If-Match): 428 without it, 412 when someone changed it meanwhile.
  const path = { tenant: 'kab-bandung-barat', id: application.id };
  const { data: draft, etag } = await unwrapWithEtag(api.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path } }));
  try {
    await unwrapWithEtag(
      api.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path, header: { 'If-Match': etag } }, body: { data: { ...draft.data, noHp: '081234567890' } } }),
    );
  } catch (e) {
    if (isStale(e)) {/* read it again, show the person what changed, let them save again */}
    else throw e;
  }

  // A document as the raw request body (the API decides its type from the content).
  await unwrap(
    api.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', {
      params: { path: { ...path, code: 'kk' }, query: { filename: file.name }, header: { 'Idempotency-Key': newIdempotencyKey() } },
      ...fileBody(file),
    }),
  );
}

describe('@satupintu/client against the platform', () => {
  let baseUrl: string;
  let token: string;
  let api: SatupintuClient;
  let unauthorized = 0;

  before(async () => {
    const p = sharedPlatform();
    baseUrl = p.url;
    token = await tokenFor(p, 'warga.kbb');
    api = createSatupintuClient({ baseUrl, token: () => token, onUnauthorized: () => (unauthorized += 1) });
  });

  it('reads the public catalog without a token, typed', async () => {
    const anonymous = createSatupintuClient({ baseUrl });
    const catalog = await unwrap(anonymous.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant: T } } }));
    assert.equal(catalog.tenant.slug, T);
    const ktp = catalog.items.find((s) => s.id === SERVICE);
    assert.ok(ktp, 'the KTP-el replacement is offered');
    assert.equal(ktp.agency.code, 'dukcapil');
    const detail = await unwrap(anonymous.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant: T, service: SERVICE } } }));
    assert.deepEqual(detail.documents.map((d) => d.code).sort(), ['bukti-perubahan', 'kk', 'ktp-rusak', 'sktlk']);
    // A problem is thrown as a ProblemError with the code and both languages.
    const missing = await unwrap(anonymous.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant: T, service: 'dukcapil.tidak-ada' } } })).catch((e: unknown) => e);
    assert.ok(missing instanceof ProblemError);
    assert.equal(missing.status, 404);
    assert.equal(missing.code, 'SERVICE_NOT_FOUND');
    assert.equal(missing.problem.type, '/api/v1/problems/service-not-found');
    assert.ok(missing.text('id') && missing.text('en') && missing.text('id') !== missing.text('en'));
    // A signed-in call without a token is a 401; the session handler only hears of calls that carried one.
    const no = await anonymous.GET('/api/v1/me');
    assert.equal(no.response.status, 401);
    assert.equal(unauthorized, 0);
  });

  it('applies as warga.kbb: the retried create and submit (same Idempotency-Key) answer the first result', async () => {
    const key = newIdempotencyKey();
    const create = () =>
      api.POST('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: T }, header: { 'Idempotency-Key': key } }, body: { service: SERVICE, data: FORM } });
    const first = await create();
    assert.equal(first.response.status, 201);
    assert.ok(first.data);
    assert.equal(first.data.status, 'draft');
    assert.equal(first.response.headers.get('ETag'), `"${first.data.version}"`);
    const retry = await create();
    assert.equal(retry.response.status, 201);
    assert.equal(retry.response.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(retry.data?.id, first.data.id, 'one application however many retries');
    const id = first.data.id;

    for (const [code, title] of [['kk', 'kk'], ['bukti-perubahan', 'buku nikah']] as const) {
      const doc = await unwrap(
        api.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', {
          params: { path: { tenant: T, id, code }, query: { filename: `${code}.pdf` }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          ...fileBody(pdf(title)),
        }),
      );
      assert.deepEqual([doc.code, doc.mediaType, doc.filename], [code, 'application/pdf', `${code}.pdf`]);
    }

    const submitKey = newIdempotencyKey();
    const submit = () => api.POST('/api/v1/tenants/{tenant}/applications/{id}/submit', { params: { path: { tenant: T, id }, header: { 'Idempotency-Key': submitKey } } });
    const submitted = await submit();
    assert.equal(submitted.response.status, 200, JSON.stringify(submitted.error));
    assert.equal(submitted.data?.status, 'submitted');
    assert.equal(submitted.response.headers.get('Idempotent-Replayed'), null);
    const again = await submit();
    assert.equal(again.response.status, 200);
    assert.equal(again.response.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(again.data?.trackingCode, submitted.data?.trackingCode);
    const tracked = await unwrap(api.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant: T, id } } }));
    assert.equal(tracked.status, 'submitted');
    assert.equal(tracked.documents.length, 2);
  });

  it('updates a draft with If-Match: a stale ETag is a 412 ProblemError PRECONDITION_FAILED, none a 428', async () => {
    const made = await unwrapWithEtag(api.POST('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: T } }, body: { service: SERVICE, data: { nik: FORM.nik } } }));
    const path = { tenant: T, id: made.data.id };
    assert.ok(made.etag);
    const saved = await unwrapWithEtag(api.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path, header: { 'If-Match': made.etag } }, body: { data: { nik: FORM.nik, namaLengkap: FORM.namaLengkap } } }));
    assert.equal(saved.data.data.namaLengkap, FORM.namaLengkap);
    assert.equal(saved.data.version, made.data.version + 1);
    assert.notEqual(saved.etag, made.etag);

    // Another device still holds the first ETag: its save is refused, not written over the first.
    const stale = await unwrap(api.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path, header: { 'If-Match': made.etag } }, body: { data: { nik: FORM.nik, namaLengkap: 'perangkat lain' } } })).catch(
      (e: unknown) => e,
    );
    assert.ok(stale instanceof ProblemError, String(stale));
    assert.deepEqual([stale.status, stale.code, stale.problem.type], [412, 'PRECONDITION_FAILED', '/api/v1/problems/precondition-failed']);
    assert.ok(isStale(stale));
    const unconditional = await unwrap(api.PATCH('/api/v1/tenants/{tenant}/applications/{id}', { params: { path }, body: { data: {} } })).catch((e: unknown) => e);
    assert.ok(unconditional instanceof ProblemError);
    assert.deepEqual([unconditional.status, unconditional.code], [428, 'PRECONDITION_REQUIRED']);
    const now = await unwrapWithEtag(api.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path } }));
    assert.equal(now.etag, saved.etag);
    assert.equal(now.data.data.namaLengkap, FORM.namaLengkap, 'neither refused write happened');
  });

  it('walks a paged list with allPages: every application once, page by page', async () => {
    for (let i = 0; i < 3; i++) await unwrap(api.POST('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: T } }, body: { service: SERVICE, data: {} } }));
    let pages = 0;
    const ids: string[] = [];
    for await (const app of allPages((cursor) => {
      pages += 1;
      return api.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: T }, query: { limit: 2, cursor } } });
    }))
      ids.push(app.id);
    assert.ok(ids.length >= 5, `${ids.length} applications`);
    assert.equal(new Set(ids).size, ids.length, 'no application twice');
    // Pages of two (a full last page may be followed by an empty one).
    assert.ok(pages >= Math.ceil(ids.length / 2) && pages <= Math.ceil(ids.length / 2) + 1, `${pages} pages for ${ids.length}`);
    const whole = await unwrap(api.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant: T }, query: { limit: 200 } } }));
    assert.deepEqual(ids, whole.items.map((a) => a.id), 'the same rows in the same order as one big page');
  });

  it('runs the README example', async () => {
    const { catalog, application, listed } = await readmeExample(baseUrl, { accessToken: token });
    assert.ok(catalog?.items.some((s) => s.id === SERVICE));
    assert.equal(application.status, 'draft');
    assert.ok(listed.includes(`${application.trackingCode} draft`));
    const api = createSatupintuClient({ baseUrl, token: () => token });
    await readmeEditing(api, application, new File([await pdf('kk').arrayBuffer()], 'kk.pdf', { type: 'application/pdf' }));
    const after = await unwrap(api.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant: T, id: application.id } } }));
    assert.equal(after.data.noHp, '081234567890');
    assert.deepEqual(after.documents.map((d) => [d.code, d.filename]), [['kk', 'kk.pdf']]);
  });
});
