import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { Readable } from 'node:stream';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { dueAfter } from '@satupintu/workflow';
import { ESCALATE_JOB } from './escalation.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage();
  return Buffer.from(await d.save());
}
const PBG = {
  jenisPermohonan: 'pembangunan-baru', nik: '3217060101900001', namaPemohon: 'Asep Hidayat', noHp: '081234567890', email: 'asep@example.id',
  fungsiBangunan: 'hunian', menggunakanDesainPrototipe: false, alamatLokasi: 'Jl. Raya Padalarang No. 10', desaKelurahan: 'Kertajaya', kecamatan: 'Padalarang',
  statusTanah: 'milik-sendiri', nomorSertipikat: '10.17.06.01.1.00123', luasLahan: 200, luasBangunan: 90, jumlahLantai: 2, tinggiBangunan: 8, nomorKkpr: 'KKPR-32170-2025-001',
};

describe('SOP workflow, SLA in hari kerja, queues and escalation', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('runs a DPMPTSP building permit (PBG) end to end with due dates across Lebaran 2025', async function () {
    this.timeout(60_000);
    const { applications: apps, documents, actions, catalog } = p.services;
    // The services themselves, their clock pinned: Thursday 27 March 2025, 10:00 WIB, just before Lebaran.
    const clock = new ManualClock('2025-03-27T03:00:00Z');
    const citizen = await p.context({ tenant: 'kab-bandung-barat', clock, identity: identityFromClaims(claimsOf(await tokenFor(p, 'warga.kbb'))) });
    const officerIdentity = identityFromClaims(claimsOf(await tokenFor(p, 'petugas.dpmptsp.kbb')));

    const draft = await apps.create(citizen, { service: 'dpmptsp.pbg', data: PBG });
    const detail = await catalog.detail(citizen, 'dpmptsp.pbg');
    // Required outright, or by its condition on this form (a non-prototype design needs structure and MEP drawings).
    const needed = (d: (typeof detail.documents)[number]) => d.minCount > 0 || (d.requiredWhen !== undefined && catalog.validators.validate(detail.contentHash, `pbg#${d.code}`, d.requiredWhen, PBG).length === 0);
    for (const d of detail.documents.filter(needed))
      await documents.upload(citizen, draft.id, d.code, Readable.from([d.accept.includes('application/pdf') ? await pdf() : PNG]), `${d.code}`);
    const submitted = await apps.submit(citizen, draft.id);
    // Accepted Thu 27 Mar; 28 Mar cuti bersama, 31 Mar–1 Apr Idul Fitri, 2–4 and 7 Apr cuti bersama:
    // the first working day is Tue 8 Apr. Step "diajukan" (1 hari kerja) ends 8 Apr; the whole SLA
    // (28 hari kerja) ends 21 May (18 Apr Good Friday, 1 May, 12 May Waisak and 13 May cuti bersama skipped).
    assert.equal(submitted.sla.stepDueDate, '2025-04-08');
    assert.equal(submitted.sla.stepDueAt, '2025-04-08T16:59:59.999Z');
    assert.equal(submitted.sla.dueDate, '2025-05-21');

    const steps: [string, string | null][] = [
      ['register', '2025-04-11'], // 8 Apr + 3 hari kerja (pemeriksaan kelengkapan)
      ['complete', '2025-05-05'], // 11 Apr + 14 hari kerja (konsultasi TPA): 18 Apr and 1 May skipped
      ['approve', '2025-05-08'], // 5 May + 3 (penetapan retribusi)
      ['set-retribution', null], // waiting for the citizen's payment: no officer SLA
      ['confirm-payment', '2025-05-19'], // 14 May + 3 (penerbitan): 15, 16, 19 May
      ['issue', null],
    ];
    const at: Record<string, string> = { register: '2025-04-08T02:00:00Z', complete: '2025-04-11T02:00:00Z', approve: '2025-05-05T02:00:00Z', 'set-retribution': '2025-05-07T02:00:00Z', 'confirm-payment': '2025-05-14T02:00:00Z', issue: '2025-05-19T02:00:00Z' };
    let view = submitted;
    for (const [action, stepDue] of steps) {
      clock.set(at[action]!);
      view = await actions.act(await p.context({ tenant: 'kab-bandung-barat', clock, identity: officerIdentity }), draft.id, action, {});
      assert.equal(view.sla.stepDueDate, view.status === 'completed' ? null : stepDue, `${action} → ${view.state.code}`);
    }
    assert.equal(view.status, 'completed');
    assert.deepEqual(view.outputs.map((o) => String(o.code)).sort(), ['pbg', 'skrd', 'sppst']);
    assert.deepEqual(view.timeline.map((e) => String(e.action)), ['created', 'submitted', ...steps.map(([a]) => a)]);
    const who = view.timeline.find((e) => e.action === 'approve')!;
    assert.deepEqual(who.actor, { name: 'Wawan Setiawan', role: 'officer' });
  });

  it('serves an officer queue by due date with today and overdue counts; claims; agency scoping', async () => {
    const officer = await tokenFor(p, 'petugas.dpmptsp.kbb');
    const citizen = await tokenFor(p, 'warga.kbb');
    const pbg = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/applications', { token: citizen, body: { service: 'dpmptsp.pbg', data: PBG } });
    // Make it submitted and overdue directly (as if submitted long ago), to see it sorted first.
    await asTenant(p, 'kab-bandung-barat', (sql) =>
      sql.exec(`update applications set status = 'submitted', state = 'diajukan', submitted_at = now() - interval '10 days', step_due_at = now() - interval '1 hour', step_due_date = current_date - 1 where id = $1`, [pbg.body.id]),
    );
    const q = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/agencies/dpmptsp/queue', { token: officer });
    assert.equal(q.status, 200, JSON.stringify(q.body));
    const mine = q.body.items.findIndex((i: { id: string }) => i.id === pbg.body.id);
    assert.ok(mine >= 0);
    assert.equal(q.body.items[mine].overdue, true);
    assert.ok(q.body.items.slice(0, mine).every((i: { overdue: boolean }) => i.overdue), 'overdue items come first');
    assert.ok(q.body.counts.overdue >= 1);
    const claimed = await api(p, 'POST', `/api/v1/tenants/kab-bandung-barat/applications/${pbg.body.id}/claim`, { token: officer, body: {} });
    assert.equal(claimed.body.claimedBy, 'Wawan Setiawan');
    const other = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/agencies/imigrasi/queue', { token: officer });
    assert.equal(other.status, 403, "an officer of agency X on agency Y's queue");
    assert.equal(other.body.code, 'AGENCY_NOT_ALLOWED');
    const imigrasi = await tokenFor(p, 'petugas.imigrasi.kbb');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/kab-bandung-barat/applications/${pbg.body.id}/claim`, { token: imigrasi, body: {} })).status, 404);

    // Escalation: exactly once, however often the job runs (run here as a worker would, at once).
    await p.runJob(ESCALATE_JOB, { region: 'id-jakarta' });
    await p.runJob(ESCALATE_JOB, { region: 'id-jakarta' });
    const admin = await tokenFor(p, 'admin.kbb');
    const escalated: { id: string; applicationId: string }[] = [];
    for (let url: string | undefined = '/api/v1/tenants/kab-bandung-barat/escalations?limit=1'; url; ) {
      const esc = await api(p, 'GET', url, { token: admin });
      assert.equal(esc.status, 200, JSON.stringify(esc.body));
      escalated.push(...esc.body.items);
      url = esc.headers.get('link') ? /<([^>]+)>/.exec(esc.headers.get('link')!)![1] : undefined;
    }
    assert.equal(new Set(escalated.map((e) => e.id)).size, escalated.length);
    assert.equal(escalated.filter((e) => e.applicationId === pbg.body.id).length, 1);
    const outbox = await asTenant(p, 'kab-bandung-barat', (sql) => sql.rows(`select payload from notification_outbox where payload->>'application' = $1`, [pbg.body.id]));
    assert.equal(outbox.length, 1);
    const timeline = (await api(p, 'GET', `/api/v1/tenants/kab-bandung-barat/applications/${pbg.body.id}`, { token: officer })).body.timeline;
    assert.equal(timeline.filter((e: { action: string }) => e.action === 'escalated').length, 1);
  });

  it('pages an officer queue by due time: every queued file once, while new ones arrive between pages', async () => {
    const T = 'kab-bandung-barat';
    const officer = await tokenFor(p, 'petugas.dpmptsp.kbb');
    const citizen = await tokenFor(p, 'warga.kbb');
    const queue = '/api/v1/tenants/kab-bandung-barat/agencies/dpmptsp/queue';
    // Files due at different times, one without a step clock (sorted last), two due at the same instant.
    const submitted = async (due: string | null) => {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'dpmptsp.pbg', data: PBG } });
      await asTenant(p, T, (sql) =>
        sql.exec(`update applications set status = 'submitted', state = 'diajukan', submitted_at = now(), step_due_at = $2::timestamptz, step_due_date = ($2::timestamptz)::date where id = $1`, [r.body.id, due]),
      );
      return r.body.id as string;
    };
    const same = new Date(Date.now() + 3 * 86_400_000).toISOString();
    for (const due of [new Date(Date.now() + 86_400_000).toISOString(), same, same, null, new Date(Date.now() + 5 * 86_400_000).toISOString()]) await submitted(due);

    const everything: string[] = [];
    let total = 0;
    for (let url: string | undefined = `${queue}?limit=200`; url; ) {
      const r = await api(p, 'GET', url, { token: officer });
      everything.push(...r.body.items.map((i: { id: string }) => i.id));
      total = r.body.counts.total;
      url = r.headers.get('link') ? /<([^>]+)>/.exec(r.headers.get('link')!)![1] : undefined;
    }
    assert.equal(everything.length, total, 'the counts cover the whole queue');

    const seen: string[] = [];
    let pages = 0;
    for (let url: string | undefined = `${queue}?limit=2`; url; pages++) {
      const r = await api(p, 'GET', url, { token: officer });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length <= 2);
      assert.ok(r.body.counts.total >= total, 'counts are the whole queue’s, on every page');
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      url = r.headers.get('link') ? /<([^>]+)>/.exec(r.headers.get('link')!)![1] : undefined;
      // New files arrive between pages, due before and after the page just read.
      await submitted(pages % 2 ? new Date(Date.now() - 3600_000).toISOString() : new Date(Date.now() + 30 * 86_400_000).toISOString());
    }
    assert.ok(pages >= 3);
    const before = new Set(everything);
    assert.deepEqual(seen.filter((id) => before.has(id)), everything, 'every file that was queued is seen once, in order');
    assert.equal(new Set(seen).size, seen.length, 'none twice');
  });

  it('maintains the holiday calendar through the API, effective at once', async () => {
    const admin = await tokenFor(p, 'admin.platform');
    const year = await api(p, 'GET', '/api/v1/holidays?year=2025');
    assert.equal(year.body.items.filter((h: { kind: string }) => h.kind === 'national').length, 17);
    assert.equal(year.body.items.filter((h: { kind: string }) => h.kind === 'cuti-bersama').length, 11);
    const kbb = await p.context({ tenant: 'kab-bandung-barat' });
    const due = async () => dueAfter(new Date('2030-01-07T03:00:00Z'), { value: 1, unit: 'working-days' }, await p.services.calendar.forTenant(kbb)).date;
    assert.equal(await due(), '2030-01-08');
    const put = await api(p, 'PUT', '/api/v1/holidays/2030-01-08', { token: admin, body: { kind: 'national', name: { id: 'Libur uji', en: 'Test holiday' }, decree: 'SKB uji' } });
    assert.equal(put.status, 200);
    assert.equal(await due(), '2030-01-09', 'effective at once in this process');
    const closure = await api(p, 'PUT', '/api/v1/tenants/kab-bandung-barat/closures/2030-01-09', { token: await tokenFor(p, 'admin.kbb'), body: { reason: { id: 'Pemadaman listrik', en: 'Power outage' } } });
    assert.equal(closure.status, 200);
    assert.equal(await due(), '2030-01-10');
    assert.equal((await api(p, 'DELETE', '/api/v1/holidays/2030-01-08?kind=national', { token: admin })).status, 204);
    assert.equal((await api(p, 'PUT', '/api/v1/holidays/2030-01-08', { token: await tokenFor(p, 'admin.kbb'), body: { kind: 'national', name: { id: 'x x', en: 'x x' }, decree: 'x x x' } })).status, 403);
  });
});
