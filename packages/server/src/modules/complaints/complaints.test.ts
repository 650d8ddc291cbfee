import assert from 'node:assert/strict';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { pino } from 'pino';
import { withTenant } from '@satupintu/db';
import { identityFromClaims } from '@satupintu/auth';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { SlaCalendar } from '../workflow/sla.js';
import { escalateOverdueComplaints } from './escalation.js';
import { reconcileComplaintAttachments } from './reconciler.js';
import { ComplaintService, EXPORT_FIELDS } from './service.js';
import { verifySignature } from './webhook.js';

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText('bukti antrean');
  return Buffer.from(await d.save());
}
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(2000, 1)]);

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 25_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}/complaints`;
const COMPLAINT = {
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
    const put = (body: Buffer) => fetch(`${p.url}${base}/${id}/attachments?filename=bukti.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body });
    const ok = await put(await pdf());
    assert.equal(ok.status, 201);
    const att = (await ok.json()) as { id: string; sha256: string };
    assert.match(att.sha256, /^[0-9a-f]{64}$/);
    const bad = await put(exe);
    assert.equal(bad.status, 415);
    assert.equal(((await bad.json()) as { code: string }).code, 'UPLOAD_TYPE_NOT_ACCEPTED');
    const link = await api(p, 'GET', `${base}/${id}/attachments/${att.id}`, { token: citizen });
    assert.equal((await fetch(link.body.url)).status, 200);
    // An object without a row (a crash before the commit) is swept; the committed attachment stays.
    const kbbT = await p.app.services.tenants.getBySlug(T);
    const orphan = `pengaduan/t/${kbbT.id}/c/${id}/${randomUUID()}`;
    await p.store.putBuffer(kbbT.homeRegion, orphan, await pdf(), 'application/pdf');
    await reconcileComplaintAttachments(p.dbs, p.store, kbbT.homeRegion, pino({ level: 'silent' }), 0);
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
    const kbbTenant = await p.app.services.tenants.getBySlug(T);
    const notices = await withTenant(p.dbs.region(kbbTenant.homeRegion), kbbTenant.id, (em) => em.query(`select kind, payload->'to' as "to" from notification_outbox where payload->>'complaint' = $1 order by created_at`, [id]));
    assert.deepEqual(notices.map((n: { kind: string }) => n.kind), ['complaint.filed', 'complaint.routed', 'complaint.answered']);
    assert.deepEqual(notices[2].to, [`citizen:${claimsOf(citizen).sub}`]);
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
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const jsonl = await fetch(`${p.url}${base}/export?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(jsonl.status, 200);
    assert.match(jsonl.headers.get('content-type') ?? '', /application\/x-ndjson/);
    const rec = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l)).find((r) => r.id === id);
    assert.deepEqual(Object.keys(rec), EXPORT_FIELDS);
    assert.equal(rec.laporTrackingId, '5123456');
    assert.equal(rec.service, 'imigrasi.paspor-baru');
    const csv = await api(p, 'GET', `${base}/export?from=${from}&to=${to}&format=csv`, { token: admin });
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal(String(csv.body).split('\r\n')[0], EXPORT_FIELDS.join(','));
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
    const national = await api(p, 'GET', `/api/v1/complaints/stats?from=${from}&to=${to}`, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.equal(national.status, 200);
    assert.ok(national.body.items.find((i: { tenant: string; filed: number }) => i.tenant === T).filed >= 1);
    assert.doesNotMatch(JSON.stringify(national.body), /Siti|Nurhaliza|Antrean paspor/);
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
    assert.equal(onBehalf.body.complainant.name, 'Ibu Euis', 'the filer sees who it is for');
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
    const kbb = await p.app.services.tenants.getBySlug(T);
    let clock = new Date('2025-03-27T03:00:00Z'); // Thursday 27 March 2025, 10:00 WIB
    const svc = new ComplaintService(p.dbs, p.store, p.app.services.plugins, new SlaCalendar(p.dbs), p.app.services.complaints.webhooks, pino({ level: 'silent' }), () => clock);
    const warga = identityFromClaims(claimsOf(citizen));
    const coord = identityFromClaims(claimsOf(admin));
    const { incidentDate: _, ...undated } = COMPLAINT;
    const c = await svc.file(kbb, warga, undated as never);
    // 28 Mar cuti bersama, 31 Mar–1 Apr Idul Fitri, 2–4 and 7 Apr cuti bersama: 8, 9, 10 Apr.
    assert.equal(c.deadlines.verification.dueDate, '2025-04-10');
    assert.equal(c.deadlines.verification.dueAt, '2025-04-10T16:59:59.999Z');

    // The deadline passes; the job runs twice (and the background job may run too): one escalation.
    const log = pino({ level: 'silent' });
    await escalateOverdueComplaints(p.dbs, kbb.homeRegion, p.app.services.complaints.webhooks, log, new Date('2025-04-11T01:00:00Z'));
    await escalateOverdueComplaints(p.dbs, kbb.homeRegion, p.app.services.complaints.webhooks, log, new Date('2025-04-11T02:00:00Z'));
    const esc = await withTenant(p.dbs.region(kbb.homeRegion), kbb.id, (em) => em.query(`select stage from complaint_escalations where complaint_id = $1`, [c.id]));
    assert.deepEqual(esc, [{ stage: 'verification' }]);
    const outbox = await withTenant(p.dbs.region(kbb.homeRegion), kbb.id, (em) => em.query(`select payload from notification_outbox where kind = 'complaint.overdue' and payload->>'complaint' = $1`, [c.id]));
    assert.equal(outbox.length, 1);
    const staffView = await svc.get(kbb, coord, c.id);
    assert.equal(staffView.escalations, 1);
    assert.equal(staffView.thread.filter((m) => m.kind === 'escalated').length, 1);
    assert.equal((await svc.get(kbb, warga, c.id)).thread.filter((m) => m.kind === 'escalated').length, 0, 'internal');

    // Verified on Friday 11 April as a dispute without field examination: 14 hari kerja from Mon 14 Apr,
    // skipping Good Friday (18 Apr) and 1 May: 14–17, 21–25, 28–30 Apr, 2 and 5 May. First response: 14, 15, 16 Apr.
    clock = new Date('2025-04-11T03:00:00Z');
    const v = await svc.verify(kbb, coord, c.id, { decision: 'forward', category: 'sengketa-tanpa-pemeriksaan' });
    assert.equal(v.deadlines.firstResponse!.dueDate, '2025-04-16');
    assert.equal(v.deadlines.answer!.dueDate, '2025-05-05');

    // A keluhan filed on Friday 13 June 2025: the weekend does not count (Mon 16, Tue 17, Wed 18).
    clock = new Date('2025-06-13T03:00:00Z');
    const w = await svc.file(kbb, warga, undated as never);
    assert.equal(w.deadlines.verification.dueDate, '2025-06-18');
    const wv = await svc.verify(kbb, coord, w.id, { decision: 'handle' });
    assert.equal(wv.status, 'handling');
    assert.equal(wv.deadlines.answer!.dueDate, '2025-06-20', '5 hari kerja: 16–20 June');

    // Answered Fri 20 June: the reopen window is 10 hari kerja (27 June, Tahun Baru Islam, skipped).
    clock = new Date('2025-06-20T03:00:00Z');
    const ans = await svc.answer(kbb, coord, w.id, { body: 'Jawaban koordinator atas keluhan ini.' });
    assert.equal(ans.deadlines.reopenUntil, '2025-07-07T16:59:59.999Z');
    clock = new Date('2025-07-08T01:00:00Z');
    await assert.rejects(svc.reopen(kbb, warga, w.id, { reason: 'Masalah belum selesai sama sekali.' }), (e: { code?: string }) => e.code === 'COMPLAINT_REOPEN_WINDOW_CLOSED');
    // The job closes it once the window has passed (however often it runs).
    await escalateOverdueComplaints(p.dbs, kbb.homeRegion, p.app.services.complaints.webhooks, log, new Date('2025-07-08T01:00:00Z'));
    await escalateOverdueComplaints(p.dbs, kbb.homeRegion, p.app.services.complaints.webhooks, log, new Date('2025-07-08T01:01:00Z'));
    const closed = await svc.get(kbb, warga, w.id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.thread.filter((m) => m.kind === 'closed').length, 1);
  });

  it('keeps tenants apart: row-level security and the API', async () => {
    const filed = await api(p, 'POST', base, { token: citizen, body: { ...COMPLAINT, title: 'Isolasi tenant diuji' } });
    const id = filed.body.id as string;
    const kbb = await p.app.services.tenants.getBySlug(T);
    const bogor = await p.app.services.tenants.getBySlug('kota-bogor');
    assert.equal(kbb.homeRegion, bogor.homeRegion, 'same regional database');
    const ds = p.dbs.region(kbb.homeRegion);
    assert.equal((await withTenant(ds, kbb.id, (em) => em.query('select id from complaints where id = $1', [id]))).length, 1);
    assert.equal((await withTenant(ds, bogor.id, (em) => em.query('select id from complaints where id = $1', [id]))).length, 0);
    assert.equal((await withTenant(ds, bogor.id, (em) => em.query('select id from complaint_messages where complaint_id = $1', [id]))).length, 0);
    assert.equal((await ds.query('select id from complaints')).length, 0, 'no tenant set: nothing visible');
    const updated = (await withTenant(ds, bogor.id, (em) => em.query('update complaints set title = $1 where id = $2', ['diambil alih', id]))) as [unknown, number];
    assert.equal(updated[1], 0, 'another tenant cannot write it either');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/kota-bogor/complaints/${id}`, { token: citizen })).status, 404);
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: await tokenFor(p, 'admin.bogor') })).status, 404, 'another tenant’s coordinator');
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: await tokenFor(p, 'warga.kapuas') })).status, 404, 'another citizen');
  });

  describe('outbound webhook', () => {
    let server: http.Server;
    let url: string;
    let mode: 'fail-twice' | 'fail' | 'ok' = 'fail-twice';
    let failures = 0;
    const received: { headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];
    let bogorAdmin: string;
    let saved: number;

    before(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          let status = 200;
          if (mode === 'fail') status = 500;
          if (mode === 'fail-twice' && failures < 2) {
            failures++;
            status = 500;
          }
          received.push({ headers: req.headers, body, status });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lapor-connector`;
      bogorAdmin = await tokenFor(p, 'admin.bogor');
      // Short backoff for the test (production: 30 s, doubling).
      saved = p.app.services.complaints.webhooks.backoffBaseMs;
      p.app.services.complaints.webhooks.backoffBaseMs = 300;
    });
    after(async () => {
      p.app.services.complaints.webhooks.backoffBaseMs = saved;
      await new Promise((r) => server.close(r));
    });

    it('validates the target, signs every delivery, retries with backoff, dead-letters and requeues', async function () {
      this.timeout(90_000);
      const hook = '/api/v1/tenants/kota-bogor/complaint-webhook';
      for (const bad of ['ftp://127.0.0.1/x', 'not a url', 'http://user:pw@127.0.0.1/x']) {
        const r = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: bad } });
        assert.equal(r.status, 422, bad);
        assert.equal(r.body.code, 'WEBHOOK_URL_INVALID');
        assert.equal(r.body.errors[0].pointer, '/url');
      }
      assert.equal((await api(p, 'GET', hook, { token: bogorAdmin })).body.code, 'WEBHOOK_NOT_CONFIGURED');
      assert.equal((await api(p, 'PUT', hook, { token: admin, body: { url } })).status, 403, 'another tenant’s admin');
      const cfg = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 } });
      assert.equal(cfg.status, 200, JSON.stringify(cfg.body));
      const secret = cfg.body.secret as string;
      assert.match(secret, /^whsec_/);
      assert.equal((await api(p, 'GET', hook, { token: bogorAdmin })).body.secret, undefined, 'shown once');

      // Fails twice, then succeeds: three signed attempts of one delivery.
      const filed = await api(p, 'POST', '/api/v1/tenants/kota-bogor/complaints', { token: citizen, body: { kind: 'suggestion', subject: { type: 'tenant' }, title: 'Tambah kursi ruang tunggu', body: 'Ruang tunggu MPP sering penuh pada pagi hari.' } });
      assert.equal(filed.status, 201);
      const list = async (status?: string) => (await api(p, 'GET', `${hook}/deliveries?complaint=${filed.body.id}${status ? `&status=${status}` : ''}`, { token: bogorAdmin })).body.items as { id: string; status: string; attempts: number }[];
      const delivered = await until(() => list(), (items) => items[0]?.status === 'delivered');
      assert.equal(delivered[0]?.status, 'delivered', JSON.stringify(delivered));
      assert.equal(delivered[0]!.attempts, 3);
      const mine = received.filter((r) => r.headers['x-satupintu-delivery'] === delivered[0]!.id);
      assert.deepEqual(mine.map((r) => r.status), [500, 500, 200]);
      for (const r of mine) {
        assert.ok(verifySignature(secret, String(r.headers['x-satupintu-timestamp']), r.body, String(r.headers['x-satupintu-signature'])), 'valid signature');
        assert.equal(verifySignature('whsec_wrong', String(r.headers['x-satupintu-timestamp']), r.body, String(r.headers['x-satupintu-signature'])), false);
        assert.equal(verifySignature(secret, String(r.headers['x-satupintu-timestamp']), r.body.replace('kursi', 'meja'), String(r.headers['x-satupintu-signature'])), false, 'tampered body');
      }
      const payload = JSON.parse(mine[0]!.body);
      assert.equal(payload.event, 'complaint.filed');
      assert.equal(payload.complaint.trackingCode, filed.body.trackingCode);
      const detail = await api(p, 'GET', `${hook}/deliveries/${delivered[0]!.id}`, { token: bogorAdmin });
      assert.deepEqual(detail.body.log.map((a: { statusCode: number }) => a.statusCode), [500, 500, 200]);

      // Always failing: dead after three attempts, listed, requeued, then delivered.
      mode = 'fail';
      const second = await api(p, 'POST', '/api/v1/tenants/kota-bogor/complaints', { token: citizen, body: { kind: 'suggestion', subject: { type: 'tenant' }, title: 'Parkir motor diperluas', body: 'Parkir motor penuh sejak pukul delapan pagi.' } });
      const list2 = async (status?: string) => (await api(p, 'GET', `${hook}/deliveries?complaint=${second.body.id}${status ? `&status=${status}` : ''}`, { token: bogorAdmin })).body.items as { id: string; status: string; attempts: number }[];
      const dead = await until(() => list2('dead'), (items) => items.length === 1);
      assert.equal(dead.length, 1, 'dead-lettered');
      assert.equal(dead[0]!.attempts, 3);
      assert.equal((await api(p, 'POST', `${hook}/deliveries/${delivered[0]!.id}/requeue`, { token: bogorAdmin })).body.code, 'WEBHOOK_DELIVERY_NOT_DEAD');
      mode = 'ok';
      const requeued = await api(p, 'POST', `${hook}/deliveries/${dead[0]!.id}/requeue`, { token: bogorAdmin });
      assert.equal(requeued.status, 200);
      assert.equal(requeued.body.status, 'pending');
      const after = await until(() => list2(), (items) => items[0]?.status === 'delivered');
      assert.equal(after[0]!.status, 'delivered');
      assert.equal(after[0]!.attempts, 4);

      // A rotated secret signs what is sent from then on.
      const rotated = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3, rotateSecret: true } });
      assert.ok(rotated.body.secret && rotated.body.secret !== secret);
      const third = await api(p, 'POST', '/api/v1/tenants/kota-bogor/complaints', { token: citizen, body: { kind: 'information-request', subject: { type: 'tenant' }, title: 'Jam buka hari Sabtu', body: 'Apakah MPP buka pada hari Sabtu?' } });
      const list3 = async () => (await api(p, 'GET', `${hook}/deliveries?complaint=${third.body.id}`, { token: bogorAdmin })).body.items as { id: string; status: string }[];
      const done = await until(() => list3(), (items) => items[0]?.status === 'delivered');
      const last = received.find((r) => r.headers['x-satupintu-delivery'] === done[0]!.id)!;
      assert.ok(verifySignature(rotated.body.secret, String(last.headers['x-satupintu-timestamp']), last.body, String(last.headers['x-satupintu-signature'])));
      assert.equal(verifySignature(secret, String(last.headers['x-satupintu-timestamp']), last.body, String(last.headers['x-satupintu-signature'])), false, 'the old secret no longer verifies');
      await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, active: false } });
    });
  });
});
