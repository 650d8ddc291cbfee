import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Issue 19, High-4: an officer or tenant admin could overwrite a citizen's draft and upload into
// it, and the citizen's timeline showed nothing. Now only the owner writes a draft — its citizen,
// or the operator/officer who filed it with the citizen's recorded consent (every such write on the
// timeline with its actor) — and after submission the form changes only through an SOP action
// whose timeline entry records the diff (docs/applications.md).

const T = 'kab-kapuas';
const SKTLK = {
  nik: '6203054507850002',
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};
const CONSENT = { statement: 'Saya menyetujui petugas mengisi permohonan atas nama saya.', method: 'signed-form' as const };

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

async function upload(p: Platform, token: string, id: string, code: string, body: Buffer) {
  const res = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${id}/documents/${code}?filename=${code}.pdf`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

type Event = { action: string; actor: { name: string | null; role: string | null }; changes?: { pointer: string; from: unknown; to: unknown }[] };

describe('security: drafts are written by their owner only; after submission the form changes by SOP action with its diff', () => {
  let p: Platform;
  let citizen: string;
  let officer: string; // petugas.polri.kapuas: the agency handling SKTLK
  let admin: string; // admin.kapuas: the tenant admin
  let other: string; // petugas.dukcapil.kapuas: another agency

  before(async function () {
    this.timeout(120_000);
    p = sharedPlatform();
    const tokens = await Promise.all(['warga.kapuas', 'petugas.polri.kapuas', 'admin.kapuas', 'petugas.dukcapil.kapuas'].map((u) => tokenFor(p, u)));
    [citizen, officer, admin, other] = tokens as [string, string, string, string];
  });

  it("an officer or the tenant admin cannot read, overwrite, upload into, attach to or submit a citizen's draft", async function () {
    this.timeout(60_000);
    const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const id = draft.body.id as string;
    const base = `/api/v1/tenants/${T}/applications/${id}`;
    const etag = (await api(p, 'GET', base, { token: citizen })).headers.get('etag')!;
    assert.match(etag, /^"\d+"$/);

    for (const [who, token] of [['handling officer', officer], ['tenant admin', admin], ['other agency', other]] as const) {
      // The attacker quotes the current ETag (a version number is easy to guess).
      const overwrite = await api(p, 'PATCH', base, { token, body: { data: { ...SKTLK, noHp: '089999999999' } }, headers: { 'if-match': etag } });
      assert.equal(overwrite.status, 404, `${who} PATCH: ${JSON.stringify(overwrite.body)}`);
      assert.equal(overwrite.body.code, 'APPLICATION_NOT_FOUND');
      assert.match(String(overwrite.headers.get('content-type')), /application\/problem\+json/);
      const up = await upload(p, token, id, 'identitas', await pdf(`bukan KTP Budi (${who})`));
      assert.equal(up.status, 404, `${who} upload: ${JSON.stringify(up.body)}`);
      assert.equal(up.body.code, 'APPLICATION_NOT_FOUND');
      const attach = await api(p, 'POST', `${base}/documents/identitas/from-application`, { token, body: { trackingCode: draft.body.trackingCode } });
      assert.equal(attach.status, 404, `${who} attach`);
      const submit = await api(p, 'POST', `${base}/submit`, { token });
      assert.equal(submit.status, 404, `${who} submit`);
      const read = await api(p, 'GET', base, { token });
      assert.equal(read.status, 404, `${who} reads the draft`);
      const listed = await api(p, 'GET', `/api/v1/tenants/${T}/applications?status=draft`, { token });
      assert.ok(!listed.body.items.some((a: { id: string }) => a.id === id), `${who} does not list the draft`);
    }

    const after = await api(p, 'GET', base, { token: citizen });
    assert.equal(after.status, 200);
    assert.deepEqual(after.body.data, SKTLK, 'the form as the citizen left it');
    assert.equal(after.body.documents.length, 0, 'nothing uploaded into it');
    assert.equal(after.headers.get('etag'), etag, 'not written at all');
    assert.deepEqual(after.body.timeline.map((e: Event) => e.action), ['created']);
    const rows = await asTenant(p, T, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from application_documents where application_id = $1`, [id]));
    assert.equal(rows.n, 0);
  });

  it('assisted filing: the officer who filed at the counter with consent writes the draft, and every write is on the timeline with its actor', async function () {
    this.timeout(60_000);
    const applicant = { name: 'Siti Aminah', nik: '6203054507850009' };
    const filed = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: officer, body: { service: 'polri.sktlk', data: { nik: applicant.nik }, applicant, consent: CONSENT } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.channel, 'counter');
    const id = filed.body.id as string;
    const base = `/api/v1/tenants/${T}/applications/${id}`;

    // Without consent nobody files for someone else.
    const noConsent = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: officer, body: { service: 'polri.sktlk', data: {}, applicant } });
    assert.equal(noConsent.body.code, 'CONSENT_REQUIRED');

    const etag = (await api(p, 'GET', base, { token: officer })).headers.get('etag')!;
    const data = { ...SKTLK, nik: applicant.nik, namaLengkap: applicant.name };
    const saved = await api(p, 'PATCH', base, { token: officer, body: { data }, headers: { 'if-match': etag } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const up = await upload(p, officer, id, 'identitas', await pdf('KTP Siti'));
    assert.equal(up.status, 201, JSON.stringify(up.body));

    // The tenant admin is not the filer: the draft does not exist for them.
    const adminWrite = await api(p, 'PATCH', base, { token: admin, body: { data: { ...data, noHp: '089999999999' } }, headers: { 'if-match': saved.headers.get('etag')! } });
    assert.equal(adminWrite.status, 404);
    assert.equal((await upload(p, admin, id, 'identitas', await pdf('palsu'))).status, 404);

    const view = await api(p, 'GET', base, { token: officer });
    const timeline = view.body.timeline as Event[];
    assert.deepEqual(timeline.map((e) => e.action), ['created', 'draft-updated', 'document-uploaded']);
    const edit = timeline[1]!;
    assert.equal(edit.actor.role, 'officer');
    assert.ok(edit.actor.name, 'the actor is named');
    const fields = edit.changes!.map((c) => c.pointer);
    assert.ok(fields.includes('/data/namaLengkap') && fields.includes('/data/kronologi'), JSON.stringify(edit.changes));
    assert.ok(!fields.includes('/data/nik'), 'an unchanged field is not listed');
    assert.deepEqual(edit.changes!.find((c) => c.pointer === '/data/namaLengkap'), { pointer: '/data/namaLengkap', from: null, to: applicant.name });
    assert.deepEqual(timeline[2]!.changes, [{ pointer: '/documents/identitas', from: null, to: 'identitas.pdf' }]);
    assert.equal(timeline[2]!.actor.role, 'officer');

    const submitted = await api(p, 'POST', `${base}/submit`, { token: officer });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.status, 'submitted');
  });

  it('after submission: PATCH of the form is refused, an SOP action carries the correction and its timeline entry records the diff; the database refuses any other change', async function () {
    this.timeout(60_000);
    const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    const id = draft.body.id as string;
    const base = `/api/v1/tenants/${T}/applications/${id}`;
    assert.equal((await upload(p, citizen, id, 'identitas', await pdf('KTP Budi'))).status, 201);
    const submitted = await api(p, 'POST', `${base}/submit`, { token: citizen });
    assert.equal(submitted.body.status, 'submitted', JSON.stringify(submitted.body));
    const etag = submitted.headers.get('etag')!;

    // The citizen's own PATCH after submission: not a draft any more.
    const late = await api(p, 'PATCH', base, { token: citizen, body: { data: { ...SKTLK, noHp: '080000000000' } }, headers: { 'if-match': etag } });
    assert.deepEqual([late.status, late.body.code], [409, 'APPLICATION_NOT_EDITABLE'], JSON.stringify(late.body));
    // The handling officer sees the file but does not write the form through PATCH.
    const officerPatch = await api(p, 'PATCH', base, { token: officer, body: { data: { ...SKTLK, noHp: '080000000000' } }, headers: { 'if-match': etag } });
    assert.deepEqual([officerPatch.status, officerPatch.body.code], [403, 'APPLICATION_EDIT_NOT_ALLOWED'], JSON.stringify(officerPatch.body));
    assert.ok(officerPatch.body.i18n?.en?.title && officerPatch.body.i18n?.id?.title, 'Indonesian and English text');
    // Nor uploads into it (it is the agency's turn, and not theirs to write).
    assert.equal((await upload(p, officer, id, 'identitas', await pdf('ganti'))).status, 403);
    assert.deepEqual((await api(p, 'GET', base, { token: citizen })).body.data, SKTLK, 'unchanged');

    // An invalid correction with an action is refused and nothing moves.
    const invalid = await api(p, 'POST', `${base}/actions/verify`, { token: officer, body: { data: { ...SKTLK, noHp: 12 } } });
    assert.deepEqual([invalid.status, invalid.body.code], [422, 'FORM_INVALID'], JSON.stringify(invalid.body));
    assert.equal((await api(p, 'GET', base, { token: citizen })).body.state.code, 'diajukan');

    // Return for correction; the citizen resubmits with the corrected form: the diff is on the timeline.
    assert.equal((await api(p, 'POST', `${base}/actions/return`, { token: officer, body: { comment: 'Nomor HP tidak aktif, mohon diperbaiki.' } })).status, 200);
    // In the citizen's turn they may add a document: after submission, that too is on the timeline.
    assert.equal((await upload(p, citizen, id, 'identitas', await pdf('KTP Budi, jelas'))).status, 201);
    const fixed = await api(p, 'POST', `${base}/actions/resubmit`, { token: citizen, body: { data: { ...SKTLK, noHp: '081298765432' } } });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.equal(fixed.body.data.noHp, '081298765432');
    const resubmit = (fixed.body.timeline as Event[]).find((e) => e.action === 'resubmit')!;
    assert.deepEqual(resubmit.changes, [{ pointer: '/data/noHp', from: SKTLK.noHp, to: '081298765432' }]);
    assert.equal(resubmit.actor.role, 'citizen');

    // The officer corrects a typo while verifying: recorded with the officer as actor.
    const verified = await api(p, 'POST', `${base}/actions/verify`, { token: officer, body: { data: { ...SKTLK, noHp: '081298765432', lokasiKejadian: 'Pasar Kuala Kapuas, Blok B' } } });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const verify = (verified.body.timeline as Event[]).find((e) => e.action === 'verify')!;
    assert.equal(verify.actor.role, 'officer');
    assert.deepEqual(verify.changes, [{ pointer: '/data/lokasiKejadian', from: SKTLK.lokasiKejadian, to: 'Pasar Kuala Kapuas, Blok B' }]);
    // The citizen sees what was changed and by whom.
    const seen = await api(p, 'GET', base, { token: citizen });
    assert.deepEqual((seen.body.timeline as Event[]).filter((e) => e.changes).map((e) => [e.action, e.actor.role]), [['document-uploaded', 'citizen'], ['resubmit', 'citizen'], ['verify', 'officer']]);

    // Any code path writing the submitted form without the action's diff is refused by the database.
    const direct = await asTenant(p, T, (sql) => sql.exec(`update applications set data = data || '{"noHp":"080000000001"}'::jsonb where id = $1`, [id])).then(
      () => undefined,
      (e: Error & { code?: string; constraint?: string }) => e,
    );
    assert.ok(direct, 'the silent update is refused');
    assert.equal(direct.code ?? (direct as any).cause?.code, '23514', String(direct));
    assert.equal((await api(p, 'GET', base, { token: citizen })).body.data.noHp, '081298765432');
  });
});
