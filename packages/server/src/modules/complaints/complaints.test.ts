import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { localDate, ManualClock, plusDays } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { escalateOverdueComplaints, ESCALATE_JOB } from './escalation.js';
import { RECONCILE_JOB } from './reconciler.js';
import type { FileComplaintInput } from './service.js';
import { EXPORT_FIELDS } from './view.js';

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText('bukti antrean');
  return Buffer.from(await d.save());
}
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(2000, 1)]);

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}/complaints`;
const COMPLAINT: FileComplaintInput = {
  kind: 'complaint',
  subject: { type: 'service', service: 'imigrasi.paspor-baru' },
  title: 'Antrean paspor tidak sesuai jadwal',
  body: 'Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.',
  location: 'MPP Kab. Bandung Barat, Ngamprah',
  incidentDate: '2026-11-24',
};

describe('complaints (pengaduan, SP4N-LAPOR! rules)', () => {
  let p: Platform;
  let citizen: string;
  let admin: string;
  let imigrasi: string;
  let dukcapil: string;

  before(async () => {
    p = sharedPlatform();
    [citizen, admin, imigrasi, dukcapil] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'admin.kbb'), tokenFor(p, 'petugas.imigrasi.kbb'), tokenFor(p, 'petugas.dukcapil.kbb')]);
  });

  it('runs a complaint end to end: file, attach, verify and route to the plugin owner, answer, rate, reopen, LAPOR! sync, export', async function () {
    this.timeout(60_000);
    const key = `adu-${Date.now()}`;
    const filed = await api(p, 'POST', base, { token: citizen, body: COMPLAINT, headers: { 'idempotency-key': key } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.match(filed.body.trackingCode, /^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(filed.body.status, 'submitted');
    assert.equal(filed.body.category, 'keluhan');
    assert.equal(filed.body.agency, 'imigrasi', 'the plugin owner of the service');
    assert.equal(filed.body.channel, 'online');
    assert.match(filed.body.deadlines.verification.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    const replay = await api(p, 'POST', base, { token: citizen, body: COMPLAINT, headers: { 'idempotency-key': key } });
    assert.equal(replay.body.id, filed.body.id);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const id = filed.body.id as string;

    // Attachments: streamed to S3 with type by content; an executable is refused.
    const put = (body: Buffer, headers: Record<string, string> = {}) =>
      fetch(`${p.url}${base}/${id}/attachments?filename=bukti.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf', ...headers }, body });
    const ok = await put(await pdf());
    assert.equal(ok.status, 201);
    const att = (await ok.json()) as { id: string; sha256: string };
    assert.match(att.sha256, /^[0-9a-f]{64}$/);
    const bad = await put(exe);
    assert.equal(bad.status, 415);
    assert.equal(((await bad.json()) as { code: string }).code, 'UPLOAD_TYPE_NOT_ACCEPTED');
    // A retry with the same Idempotency-Key is the same attachment; the retry's copy of the object is removed.
    const kbbT = await p.services.tenants.get(T);
    const objects = async () => {
      let n = 0;
      for await (const _ of p.store.list(kbbT.homeRegion, `pengaduan/t/${kbbT.id}/c/${id}/`)) n++;
      return n;
    };
    const again = { 'idempotency-key': `att-${randomUUID()}` };
    const proof = await pdf();
    const first = await put(proof, again);
    const retry = await put(proof, again);
    assert.deepEqual([first.status, retry.status, retry.headers.get('idempotent-replayed')], [201, 201, 'true']);
    assert.equal(((await retry.json()) as { id: string }).id, ((await first.json()) as { id: string }).id);
    assert.equal(await objects(), 2, 'two attachments, two objects');
    const otherFile = await put(Buffer.concat([proof, Buffer.from('%% lain\n')]), again);
    assert.deepEqual([otherFile.status, ((await otherFile.json()) as { code: string }).code], [422, 'IDEMPOTENCY_KEY_REUSED'], 'another file under a used key is refused, not answered with the first');
    assert.equal(await objects(), 2, 'and its object is not kept');
    const link = await api(p, 'GET', `${base}/${id}/attachments/${att.id}`, { token: citizen });
    assert.equal((await fetch(link.body.url)).status, 200);
    // An object without a row (a crash before the commit) is swept; the committed attachment stays.
    const orphan = `pengaduan/t/${kbbT.id}/c/${id}/${randomUUID()}`;
    await p.store.putBuffer(kbbT.homeRegion, orphan, await pdf(), 'application/pdf');
    await p.runJob(RECONCILE_JOB, { region: kbbT.homeRegion, graceMs: 0 });
    assert.equal(await p.store.exists(kbbT.homeRegion, orphan), false);
    assert.equal((await fetch((await api(p, 'GET', `${base}/${id}/attachments/${att.id}`, { token: citizen })).body.url)).status, 200);

    // Before verification the agency does not see it; the coordinator routes it.
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: imigrasi })).status, 404);
    assert.equal((await api(p, 'POST', `${base}/${id}/answer`, { token: imigrasi, body: { body: 'Jawaban terlalu dini untuk diberikan.' } })).status, 404);
    const verified = await api(p, 'POST', `${base}/${id}/verify`, { token: admin, body: { decision: 'forward', note: 'Mohon ditindaklanjuti oleh Kanim.' } });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.status, 'forwarded');
    assert.ok(verified.body.deadlines.answer.dueDate >= verified.body.deadlines.firstResponse.dueDate);
    assert.equal((await api(p, 'POST', `${base}/${id}/verify`, { token: admin, body: { decision: 'forward' } })).body.code, 'COMPLAINT_STATE_INVALID');
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: dukcapil })).status, 404, 'another agency');
    const queue = await api(p, 'GET', base, { token: imigrasi });
    assert.ok(queue.body.items.some((i: { id: string }) => i.id === id));

    // Internal notes stay among staff; a public reply is the first response.
    await api(p, 'POST', `${base}/${id}/messages`, { token: imigrasi, body: { body: 'Cek CCTV loket 3', internal: true } });
    const reply = await api(p, 'POST', `${base}/${id}/messages`, { token: imigrasi, body: { body: 'Terima kasih, laporan sedang kami periksa.' } });
    assert.ok(reply.body.deadlines.firstResponse.doneAt);
    const citizenView = await api(p, 'GET', `${base}/${id}`, { token: citizen });
    assert.ok(!citizenView.body.thread.some((m: { body: string }) => m.body === 'Cek CCTV loket 3'));
    assert.ok(!citizenView.body.thread.some((m: { body: string }) => m.body === 'Mohon ditindaklanjuti oleh Kanim.'));
    assert.equal((await api(p, 'POST', `${base}/${id}/messages`, { token: citizen, body: { body: 'rahasia', internal: true } })).body.code, 'COMPLAINT_ACTION_NOT_ALLOWED');

    const answered = await api(p, 'POST', `${base}/${id}/answer`, { token: imigrasi, body: { body: 'Terjadi gangguan sistem SIMKIM pada hari itu; jadwal sesi kini ditampilkan di layar.' } });
    assert.equal(answered.body.status, 'answered');
    assert.ok(answered.body.deadlines.reopenUntil);
    const notices = await asTenant(p, T, (sql) => sql.rows<{ kind: string; to: string[] }>(`select kind, payload->'to' as "to" from notification_outbox where payload->>'complaint' = $1 order by created_at, id`, [id]));
    assert.deepEqual(notices.map((n) => n.kind), ['complaint.filed', 'complaint.routed', 'complaint.answered']);
    assert.deepEqual(notices[2]!.to, [`citizen:${claimsOf(citizen).sub}`]);
    assert.equal((await api(p, 'POST', `${base}/${id}/rating`, { token: imigrasi, body: { score: 5 } })).body.code, 'COMPLAINT_ACTION_NOT_ALLOWED');
    const rated = await api(p, 'POST', `${base}/${id}/rating`, { token: citizen, body: { score: 4, comment: 'Cukup jelas' } });
    assert.equal(rated.body.status, 'closed');
    assert.equal(rated.body.rating.score, 4);
    assert.equal((await api(p, 'POST', `${base}/${id}/rating`, { token: citizen, body: { score: 5 } })).body.code, 'COMPLAINT_ALREADY_RATED');
    const reopened = await api(p, 'POST', `${base}/${id}/reopen`, { token: citizen, body: { reason: 'Layar jadwal ternyata belum dipasang.' } });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
    assert.equal(reopened.body.status, 'forwarded');
    assert.equal(reopened.body.reopenCount, 1);
    assert.equal(reopened.body.rating, null);
    // At most two reopens.
    await api(p, 'POST', `${base}/${id}/answer`, { token: imigrasi, body: { body: 'Layar jadwal sudah dipasang di ruang tunggu.' } });
    assert.equal((await api(p, 'POST', `${base}/${id}/reopen`, { token: citizen, body: { reason: 'Layar belum menampilkan sesi paspor.' } })).body.reopenCount, 2);
    await api(p, 'POST', `${base}/${id}/answer`, { token: imigrasi, body: { body: 'Sesi paspor kini tampil di layar nomor dua.' } });
    assert.equal((await api(p, 'POST', `${base}/${id}/reopen`, { token: citizen, body: { reason: 'Saya tetap belum puas dengan jawabannya.' } })).body.code, 'COMPLAINT_REOPEN_LIMIT');

    // SP4N-LAPOR! tracking id and sync status.
    const noId = await api(p, 'PUT', `${base}/${id}/lapor`, { token: admin, body: { syncStatus: 'synced' } });
    assert.equal(noId.status, 422);
    assert.equal(noId.body.errors[0].pointer, '/trackingId');
    assert.equal(noId.body.code, 'LAPOR_TRACKING_ID_REQUIRED');
    const synced = await api(p, 'PUT', `${base}/${id}/lapor`, { token: admin, body: { syncStatus: 'synced', trackingId: '5123456' } });
    assert.deepEqual([synced.body.lapor.trackingId, synced.body.lapor.syncStatus], ['5123456', 'synced']);

    // Export: JSON lines and CSV with the documented fields; the agency cannot export.
    const today = localDate(p.clock.now(), 'Asia/Jakarta');
    const from = plusDays(today, -2);
    const to = plusDays(today, 2);
    const jsonl = await fetch(`${p.url}${base}/export?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(jsonl.status, 200);
    assert.match(jsonl.headers.get('content-type') ?? '', /application\/x-ndjson/);
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { id: string });
    assert.match(jsonl.headers.get('content-disposition') ?? '', /^attachment; filename="pengaduan-kab-bandung-barat-/);
    // The whole period, never cut: every complaint filed in it, each once.
    const filedInPeriod = await asTenant(p, T, (sql) =>
      sql.rows<{ id: string }>(`select id from complaints where (created_at at time zone 'Asia/Jakarta')::date between $1::date and $2::date order by created_at, id`, [from, to]),
    );
    assert.deepEqual(lines.map((l) => l.id), filedInPeriod.map((r) => r.id));
    const rec = lines.find((r) => r.id === id)!;
    assert.deepEqual(Object.keys(rec), [...EXPORT_FIELDS]);
    assert.equal(rec.laporTrackingId, '5123456');
    assert.equal(rec.service, 'imigrasi.paspor-baru');
    const csv = await api(p, 'GET', `${base}/export?from=${from}&to=${to}&format=csv`, { token: admin });
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal(String(csv.body).split('\r\n')[0], EXPORT_FIELDS.join(','));
    assert.equal(String(csv.body).split('\r\n').filter((l) => /^kab-bandung-barat,/.test(l)).length, filedInPeriod.length, 'one row per complaint');
    assert.ok(String(csv.body).includes(filed.body.trackingCode));
    assert.equal((await api(p, 'GET', `${base}/export?from=${to}&to=${from}`, { token: admin })).body.code, 'PERIOD_INVALID');
    const feb30 = await api(p, 'GET', `${base}/export?from=2025-02-30&to=2025-03-31`, { token: admin });
    assert.deepEqual([feb30.status, feb30.body.errors[0].pointer], [400, '/query/from']);
    assert.equal((await api(p, 'GET', `${base}/export?from=${today}&to=${today}`, { token: imigrasi })).status, 403);

    // Counts for the coordinator and the ministry: no personal data.
    const stats = await api(p, 'GET', `${base}/stats?from=${from}&to=${to}`, { token: admin });
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    assert.ok(stats.body.filed >= 1);
    assert.ok(stats.body.byKind.complaint >= 1);
    assert.ok(stats.body.verification.verified >= 1);
    assert.ok(stats.body.rating.rated >= 0);
    assert.deepEqual(Object.keys(stats.body.byStatus), ['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected'], 'every status, 0 when none');
    // The ministry's view, tenant by tenant in pages: counts only (its schema admits no other member).
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    const national: { tenant: string; filed: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { tenant: string; filed: number }[]; next: string | null } } = await api(p, 'GET', `/api/v1/complaints/stats?from=${from}&to=${to}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: analyst });
      assert.equal(page.status, 200);
      national.push(...page.body.items);
      cursor = page.body.next;
    } while (cursor);
    assert.equal(national.length, new Set(national.map((i) => i.tenant)).size, 'each tenant once');
    assert.equal(national.length, (await p.services.tenants.list({ sandbox: false })).length, 'every tenant (sandboxes aside)');
    assert.ok(national.find((i) => i.tenant === T)!.filed >= 1);
    assert.doesNotMatch(JSON.stringify(national), /Siti|Nurhaliza|Antrean paspor/);
    assert.equal((await api(p, 'GET', `/api/v1/complaints/stats?from=${from}&to=${to}`, { token: admin })).status, 403);
  });

  it('lets a counter officer file for a citizen, and answers bad input with problem+json naming the field', async () => {
    const onBehalf = await api(p, 'POST', base, {
      token: dukcapil,
      body: { kind: 'information-request', subject: { type: 'tenant' }, title: 'Syarat KIA anak', body: 'Warga menanyakan syarat pembuatan KIA untuk anak usia 3 tahun.', complainant: { name: 'Ibu Euis', phone: '081298765432' }, anonymous: true },
    });
    assert.equal(onBehalf.status, 201, JSON.stringify(onBehalf.body));
    assert.equal(onBehalf.body.channel, 'counter');
    assert.equal(onBehalf.body.category, 'informasi');
    assert.deepEqual(onBehalf.body.complainant, { name: 'Anonim / Anonymous' }, 'anonim: the counter officer is the agency too, and the name is not even kept');
    // A tenant-level complaint has no agency: forwarding needs one.
    const noAgency = await api(p, 'POST', `${base}/${onBehalf.body.id}/verify`, { token: admin, body: { decision: 'forward' } });
    assert.equal(noAgency.status, 422);
    assert.equal(noAgency.body.errors[0].pointer, '/agency');
    // A rejection needs a reason, which the citizen sees.
    const spam = await api(p, 'POST', base, { token: citizen, body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Tes tes tes', body: 'Ini hanya percobaan aplikasi saja.' } });
    const noReason = await api(p, 'POST', `${base}/${spam.body.id}/verify`, { token: admin, body: { decision: 'reject' } });
    assert.deepEqual([noReason.status, noReason.body.code, noReason.body.errors[0].pointer], [422, 'REASON_REQUIRED', '/note']);
    await api(p, 'POST', `${base}/${spam.body.id}/verify`, { token: admin, body: { decision: 'reject', note: 'Bukan pengaduan: isi hanya percobaan.' } });
    const rejected = await api(p, 'GET', `${base}/${spam.body.id}`, { token: citizen });
    assert.equal(rejected.body.status, 'rejected');
    assert.ok(rejected.body.thread.some((m: { kind: string; body: string }) => m.kind === 'rejected' && m.body.startsWith('Bukan pengaduan')));
    assert.equal((await api(p, 'POST', `${base}/${spam.body.id}/messages`, { token: citizen, body: { body: 'Mengapa ditolak?' } })).body.code, 'COMPLAINT_STATE_INVALID');

    const handled = await api(p, 'POST', `${base}/${onBehalf.body.id}/verify`, { token: admin, body: { decision: 'forward', agency: 'imigrasi' } });
    assert.equal(handled.body.status, 'forwarded');
    // Anonymous: the agency it is routed to sees the complaint, not the person.
    const agencyView = await api(p, 'GET', `${base}/${onBehalf.body.id}`, { token: imigrasi });
    assert.equal(agencyView.status, 200);
    assert.equal(agencyView.body.complainant.name, 'Anonim / Anonymous');
    assert.equal(agencyView.body.complainant.phone, undefined);

    // About the citizen's own application: routed by default to that application's agency.
    const app = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/applications', { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: { nik: '3217064101900001', alasan: 'rusak' } } });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    const aboutApp = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, subject: { type: 'application', applicationId: app.body.id } } });
    assert.equal(aboutApp.status, 201, JSON.stringify(aboutApp.body));
    assert.equal(aboutApp.body.agency, 'dukcapil');
    assert.equal(aboutApp.body.subject.applicationTrackingCode, app.body.trackingCode);
    const someoneElses = await api(p, 'POST', base, { token: await tokenFor(p, 'warga.kapuas'), body: { ...COMPLAINT, subject: { type: 'application', applicationId: app.body.id } } });
    assert.equal(someoneElses.status, 422, 'not their application');

    // Without `complainant` an officer files as the citizen they also are (online, their own name).
    const own = await api(p, 'POST', base, { token: imigrasi, body: { ...COMPLAINT } });
    assert.equal(own.body.channel, 'online');
    assert.equal(own.body.complainant.name, claimsOf(imigrasi).name);

    const bad = await api(p, 'POST', base, { token: citizen, body: { kind: 'gripe', subject: { type: 'service', service: 'imigrasi.paspor-baru' }, title: 'x', body: 'Terlalu lama menunggu di loket.' } });
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(bad.body.code, 'BODY_INVALID');
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    assert.ok(pointers.includes('/kind'), JSON.stringify(pointers));
    assert.ok(pointers.includes('/title'), JSON.stringify(pointers));
    assert.ok(bad.body.errors[0].message.id && bad.body.errors[0].message.en, 'bilingual');
    assert.ok(bad.body.i18n.id.title && bad.body.i18n.en.title);

    const notInstalled = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, subject: { type: 'service', service: 'taspen.tidak-ada' } } });
    assert.equal(notInstalled.status, 422);
    assert.equal(notInstalled.body.errors[0].pointer, '/subject/service');
    const notMine = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, subject: { type: 'application', applicationId: '0190a0b0-0000-7000-8000-000000000000' } } });
    assert.equal(notMine.body.errors[0].pointer, '/subject/applicationId');
    const future = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, incidentDate: '2099-01-01' } });
    assert.equal(future.body.errors[0].pointer, '/incidentDate');
    assert.equal(future.body.code, 'INCIDENT_DATE_INVALID');
    const notOfficer = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, complainant: { name: 'Orang lain' } } });
    assert.deepEqual([notOfficer.status, notOfficer.body.code, notOfficer.body.errors[0].pointer], [422, 'COMPLAINANT_NOT_ALLOWED', '/complainant']);
    const badQuery = await api(p, 'GET', `${base}?status=lost`, { token: citizen });
    assert.equal(badQuery.status, 400);
    assert.equal(badQuery.body.errors[0].pointer, '/query/status');
    assert.equal((await api(p, 'GET', `${base}/not-a-uuid`, { token: citizen })).body.code, 'PATH_INVALID');
  });

  it('computes deadlines in hari kerja across Lebaran 2025 and a weekend, and escalates an overdue complaint exactly once', async function () {
    this.timeout(60_000);
    const svc = p.services.complaints;
    // The services themselves, their clock pinned: Thursday 27 March 2025, 10:00 WIB.
    const clock = new ManualClock('2025-03-27T03:00:00Z');
    const warga = identityFromClaims(claimsOf(citizen));
    const coord = identityFromClaims(claimsOf(admin));
    const officer = identityFromClaims(claimsOf(imigrasi));
    const as = (identity: typeof warga, at: string) => {
      clock.set(at);
      return p.context({ tenant: T, identity, clock });
    };
    /** The escalation pass of one tenant as the job runs it, at a pinned time. */
    const escalateAt = async (at: string) => escalateOverdueComplaints({ uow: p.kernel.uow, webhooks: p.services.complaintWebhooks }, await p.context({ tenant: T, clock: new ManualClock(at) }));
    const { incidentDate: _, ...undated } = COMPLAINT;
    const c = await svc.file(await as(warga, '2025-03-27T03:00:00Z'), undated);
    // 28 Mar cuti bersama, 31 Mar–1 Apr Idul Fitri, 2–4 and 7 Apr cuti bersama: 8, 9, 10 Apr.
    assert.equal(c.deadlines.verification.dueDate, '2025-04-10');
    assert.equal(c.deadlines.verification.dueAt, '2025-04-10T16:59:59.999Z');
    assert.deepEqual(c.allowed, ['message', 'attach']);
    assert.deepEqual((await svc.get(await as(coord, '2025-03-27T04:00:00Z'), c.id)).allowed, ['verify', 'message', 'attach', 'lapor']);

    // The deadline passes; the pass runs twice, and the job once more (a worker may run it too): one escalation.
    await escalateAt('2025-04-11T01:00:00Z');
    await escalateAt('2025-04-11T02:00:00Z');
    const kbb = await p.services.tenants.get(T);
    await p.runJob(ESCALATE_JOB, { region: kbb.homeRegion });
    const esc = await asTenant(p, T, (sql) => sql.rows<{ stage: string }>(`select stage from complaint_escalations where complaint_id = $1`, [c.id]));
    assert.deepEqual(esc, [{ stage: 'verification' }]);
    const outbox = await asTenant(p, T, (sql) => sql.rows(`select payload from notification_outbox where kind = 'complaint.overdue' and payload->>'complaint' = $1`, [c.id]));
    assert.equal(outbox.length, 1);
    const staffView = await svc.get(await as(coord, '2025-04-11T02:30:00Z'), c.id);
    assert.equal(staffView.escalations, 1);
    assert.equal(staffView.deadlines.verification.overdue, true);
    assert.equal(staffView.thread.filter((m) => m.kind === 'escalated').length, 1);
    assert.equal((await svc.get(await as(warga, '2025-04-11T02:30:00Z'), c.id)).thread.filter((m) => m.kind === 'escalated').length, 0, 'internal');

    // Verified on Friday 11 April as a dispute without field examination: 14 hari kerja from Mon 14 Apr,
    // skipping Good Friday (18 Apr) and 1 May: 14–17, 21–25, 28–30 Apr, 2 and 5 May. First response: 14, 15, 16 Apr.
    const v = await svc.verify(await as(coord, '2025-04-11T03:00:00Z'), c.id, { decision: 'forward', category: 'sengketa-tanpa-pemeriksaan' });
    assert.equal(v.status, 'forwarded');
    assert.equal(v.deadlines.firstResponse!.dueDate, '2025-04-16');
    assert.equal(v.deadlines.answer!.dueDate, '2025-05-05');
    // Answered Monday 14 April (reopen window: 15–17, 21–25, 28–29 Apr), reopened the next day: back to the agency
    // with a new answer deadline (14 hari kerja from 16 Apr: 16, 17, 21–25, 28–30 Apr, 2, 5, 6, 7 May); the first
    // response is not due again. (A worker's own pass may close it meanwhile by the wall clock: still reopenable by this one.)
    const answered = await svc.answer(await as(officer, '2025-04-14T03:00:00Z'), c.id, { body: 'Jawaban Kanim atas sengketa antrean paspor.' });
    assert.equal(answered.deadlines.reopenUntil, '2025-04-29T16:59:59.999Z');
    const again = await svc.reopen(await as(warga, '2025-04-15T03:00:00Z'), c.id, { reason: 'Jawaban belum menjawab pokok sengketa.' });
    assert.deepEqual([again.status, again.reopenCount, again.deadlines.answer!.dueDate, again.deadlines.firstResponse!.dueDate], ['forwarded', 1, '2025-05-07', '2025-04-16']);

    // A keluhan filed on Friday 13 June 2025: the weekend does not count (Mon 16, Tue 17, Wed 18).
    const w = await svc.file(await as(warga, '2025-06-13T03:00:00Z'), undated);
    assert.equal(w.deadlines.verification.dueDate, '2025-06-18');
    const wv = await svc.verify(await as(coord, '2025-06-13T03:00:00Z'), w.id, { decision: 'handle' });
    assert.equal(wv.status, 'handling');
    assert.equal(wv.deadlines.answer!.dueDate, '2025-06-20', '5 hari kerja: 16–20 June');

    // Answered Fri 20 June: the reopen window is 10 hari kerja (27 June, Tahun Baru Islam, skipped).
    const ans = await svc.answer(await as(coord, '2025-06-20T03:00:00Z'), w.id, { body: 'Jawaban koordinator atas keluhan ini.' });
    assert.equal(ans.deadlines.reopenUntil, '2025-07-07T16:59:59.999Z');
    await assert.rejects(svc.reopen(await as(warga, '2025-07-08T01:00:00Z'), w.id, { reason: 'Masalah belum selesai sama sekali.' }), (e: { code?: string }) => e.code === 'COMPLAINT_REOPEN_WINDOW_CLOSED');
    // The system closes it once the window has passed (the lifecycle's `close` on the timer's expiry), however often the pass runs.
    await escalateAt('2025-07-08T01:00:00Z');
    await escalateAt('2025-07-08T01:01:00Z');
    const closed = await svc.get(await as(warga, '2025-07-08T01:02:00Z'), w.id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.thread.filter((m) => m.kind === 'closed').length, 1);
    assert.deepEqual(closed.allowed, []);
  });

  it('keeps tenants apart: row-level security and the API', async () => {
    const filed = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, title: 'Isolasi tenant diuji' } });
    const id = filed.body.id as string;
    const kbb = await p.services.tenants.get(T);
    const bogor = await p.services.tenants.get('kota-bogor');
    assert.equal(kbb.homeRegion, bogor.homeRegion, 'same regional database');
    assert.equal((await asTenant(p, kbb, (sql) => sql.rows('select id from complaints where id = $1', [id]))).length, 1);
    assert.equal((await asTenant(p, bogor, (sql) => sql.rows('select id from complaints where id = $1', [id]))).length, 0);
    assert.equal((await asTenant(p, bogor, (sql) => sql.rows('select id from complaint_messages where complaint_id = $1', [id]))).length, 0);
    assert.equal((await p.dbs.region(kbb.homeRegion).query('select id from complaints')).length, 0, 'no tenant set: nothing visible');
    assert.equal(await asTenant(p, bogor, (sql) => sql.exec('update complaints set title = $1 where id = $2', ['diambil alih', id])), 0, 'another tenant cannot write it either');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/kota-bogor/complaints/${id}`, { token: citizen })).status, 404);
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: await tokenFor(p, 'admin.bogor') })).status, 404, 'another tenant’s coordinator');
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: await tokenFor(p, 'warga.kapuas') })).status, 404, 'another citizen');
  });
  it('lists complaints in pages: each one that existed when the walk began exactly once, while new ones are filed between pages', async function () {
    this.timeout(60_000);
    // Enough complaints for several pages, whatever ran before.
    for (let i = 0; i < 7; i++) await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, title: `Antrean halaman ${i + 1}` } });
    const existing = await asTenant(p, T, (sql) => sql.rows<{ id: string }>('select id from complaints'));
    const seen = new Map<string, number>();
    const filedMeanwhile: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path = `${base}?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; headers: Headers; body: { items: { id: string; createdAt: string }[]; next: string | null } } = await api(p, 'GET', path, { token: admin });
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.ok(page.body.items.length <= 3);
      for (const c of page.body.items) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
      cursor = page.body.next;
      if (cursor) assert.equal(page.headers.get('link'), `<${base}?limit=3&cursor=${cursor}>; rel="next"`);
      else assert.equal(page.headers.get('link'), null, 'the last page links nowhere');
      // Someone files a complaint between two pages.
      if (pages++ < 4) filedMeanwhile.push((await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, title: `Diajukan di tengah halaman ${pages}` } })).body.id);
    } while (cursor);
    assert.ok(pages >= 3, `walked ${pages} pages`);
    for (const { id } of existing) assert.equal(seen.get(id), 1, `complaint ${id} listed exactly once`);
    assert.ok([...seen.values()].every((n) => n === 1), 'no complaint twice');
    assert.ok(filedMeanwhile.every((id) => !seen.has(id)), 'complaints filed during the walk sort before its cursor');

    // A cursor belongs to its filters; `overdue` is decided with the page, not after it.
    const first = await api(p, 'GET', `${base}?limit=1`, { token: admin });
    const mismatch = await api(p, 'GET', `${base}?limit=1&status=submitted&cursor=${first.body.next}`, { token: admin });
    assert.deepEqual([mismatch.status, mismatch.body.code], [400, 'CURSOR_INVALID']);
    for (const overdue of [true, false]) {
      const r = await api(p, 'GET', `${base}?overdue=${overdue}&limit=200`, { token: admin });
      assert.ok(r.body.items.every((c: { overdue: boolean }) => c.overdue === overdue), `overdue=${overdue}`);
    }
    // A citizen's pages hold only their own.
    const kapuas = await api(p, 'GET', `${base}?limit=200`, { token: await tokenFor(p, 'warga.kapuas') });
    assert.equal(kapuas.status, 200);
    assert.ok(kapuas.body.items.every((c: { id: string }) => !seen.has(c.id)), 'nothing of another citizen');
  });

  it('refuses an idempotent replay once the caller has lost access (an officer moved to another agency)', async function () {
    // The embedded issuer's own key signs the officer's token after the move: same person (sub), new membership.
    if (!p.issuer) this.skip();
    const filed = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, title: 'Petugas pindah instansi' } });
    const id = filed.body.id as string;
    assert.equal((await api(p, 'POST', `${base}/${id}/verify`, { token: admin, body: { decision: 'forward' } })).body.status, 'forwarded');
    const key = `msg-${randomUUID()}`;
    const message = { body: 'Laporan Anda sedang kami periksa bersama kepala loket.' };
    const first = await api(p, 'POST', `${base}/${id}/messages`, { token: imigrasi, body: message, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const again = await api(p, 'POST', `${base}/${id}/messages`, { token: imigrasi, body: message, headers: { 'idempotency-key': key } });
    assert.deepEqual([again.status, again.headers.get('idempotent-replayed')], [200, 'true'], 'a retry while still an Imigrasi officer');

    const secrets = JSON.parse(readFileSync(path.join(p.config.dataDir, 'issuer', 'issuer-secrets.json'), 'utf8')) as { keys: (JWK & { kid: string })[] };
    const jwk = secrets.keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    const moved = await new SignJWT({ ...claimsOf(imigrasi), iat: now, exp: now + 300, memberships: ['/tenants/kab-bandung-barat/agencies/dukcapil/officer'] })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
      .sign(await importJWK(jwk, 'RS256'));
    assert.equal(claimsOf(moved).sub, claimsOf(imigrasi).sub, 'the same person');
    const replay = await api(p, 'POST', `${base}/${id}/messages`, { token: moved, body: message, headers: { 'idempotency-key': key } });
    assert.deepEqual([replay.status, replay.body.code, replay.headers.get('idempotent-replayed')], [404, 'COMPLAINT_NOT_FOUND', null], 'the stored answer (with internal notes) is not replayed');
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: moved })).status, 404, 'as a fresh read');
    const thread = (await api(p, 'GET', `${base}/${id}`, { token: admin })).body.thread as { body: string | null }[];
    assert.equal(thread.filter((m) => m.body === message.body).length, 1, 'posted once');
  });
});
