import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { extractText, getDocumentProxy } from 'unpdf';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims, type Identity } from '@satupintu/auth';
import { api, claimsOf, reissuedToken, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { RECOMPUTE_DUES_JOB } from '../calendar/index.js';
import { escalateOverdue } from './escalation.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// A man born 12 August 1990 in Kabupaten Bandung Barat (the NIK says so; the form agrees).
const PASPOR = {
  jenisPaspor: 'paspor-elektronik-48', percepatan: false, nik: '3217061208900001', noKk: '3217061503120004', namaLengkap: 'Dadang Sunarya', tempatLahir: 'Bandung',
  tanggalLahir: '1990-08-12', jenisKelamin: 'laki-laki', namaIbuKandung: 'Euis Rohaeti', alamat: 'Jl. Raya Padalarang No. 12', noHp: '081234567890', email: 'dadang@example.id', tujuan: 'wisata',
};
const officerOf = (slug: string): Identity =>
  identityFromClaims({ sub: `petugas-${randomUUID()}`, preferred_username: 'petugas.imigrasi', realm_access: { roles: ['officer'] }, memberships: [`/tenants/${slug}/agencies/imigrasi/officer`] });

/** A new tenant running Imigrasi 1.1.0 (its passport SOPs start the service clock on the interview). */
async function imigrasiTenant(p: Platform): Promise<string> {
  const admin = await tokenFor(p, 'admin.platform');
  const [code] = await unusedRegencyCodes(p, 1);
  const slug = `sla-${randomUUID().slice(0, 6)}`;
  assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.1.0' } })).status, 200);
  return slug;
}

/** A passport application submitted at `at`, by a citizen whose token is returned too. */
async function submittedPassport(p: Platform, slug: string, clock: ManualClock) {
  const token = await reissuedToken(p, await tokenFor(p, 'warga.kbb'), { sub: `warga-${randomUUID()}` });
  const citizen = await p.context({ tenant: slug, clock, identity: identityFromClaims(claimsOf(token)) });
  const { applications, documents } = p.services;
  const draft = await applications.create(citizen, { service: 'imigrasi.paspor-baru', data: PASPOR });
  for (const code of ['ktp-el', 'kk', 'akta']) await documents.upload(citizen, draft.id, code, Readable.from([PNG]), `${code}.png`);
  return { view: await applications.submit(citizen, draft.id), token };
}

describe('SLA: the service clock starts at the SOP’s event; due dates follow calendar changes (issue 23)', () => {
  let p: Platform;
  before(function () {
    p = sharedPlatform();
    // Tokens with other claims are signed by the embedded issuer's key: the Keycloak conformance tier has none.
    if (!p.issuer) this.skip();
  });

  it('a passport’s service time starts at the photo and interview session, not at submission; escalation uses it', async function () {
    this.timeout(90_000);
    const slug = await imigrasiTenant(p);
    // Monday 1 March 2032, 10:00 WIB: no holidays stored for 2032, weekends only.
    const clock = new ManualClock('2032-03-01T03:00:00Z');
    const { view: submitted, token } = await submittedPassport(p, slug, clock);
    assert.equal(submitted.status, 'submitted');
    assert.deepEqual([submitted.sla.dueDate, submitted.sla.dueAt, submitted.sla.startedAt], [null, null, null], 'no service due date before the interview');
    assert.deepEqual(submitted.sla.startsOn, {
      event: { id: 'foto, sidik jari dan wawancara selesai', en: 'the photo, fingerprint and interview session' },
      message: { id: 'Waktu layanan dimulai setelah foto, sidik jari dan wawancara selesai.', en: 'The service time starts after the photo, fingerprint and interview session.' },
    });
    assert.equal(submitted.sla.stepDueDate, '2032-03-02', 'the file check step still has its own clock');
    // The receipt says the same instead of a date.
    const res = await fetch(`${p.url}/api/v1/tenants/${slug}/applications/${submitted.id}/receipt`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
    assert.ok(text.replace(/\s+/g, ' ').includes('Waktu layanan dimulai setelah foto, sidik jari dan wawancara selesai (4 hari kerja).'), text);

    // Not started, so never overdue as a service: only the step escalates, even years later.
    const late = new ManualClock('2033-01-01T00:00:00Z');
    assert.equal(await escalateOverdue(p.kernel.uow, await p.context({ tenant: slug, clock: late })), 1);
    const officer = officerOf(slug);
    const act = async (code: string, at: string) => {
      clock.set(at);
      return p.services.actions.act(await p.context({ tenant: slug, clock, identity: officer }), submitted.id, code, {});
    };
    await act('verify', '2032-03-02T02:00:00Z');
    await act('confirm-payment', '2032-03-03T02:00:00Z');
    const checkedIn = await act('check-in', '2032-03-04T02:00:00Z');
    assert.equal(checkedIn.sla.dueDate, null, 'paid and checked in: still waiting for the interview');
    // Interview held Friday 5 March: 4 hari kerja from the next working day: 8, 9, 10, 11 March.
    const interviewed = await act('interview-done', '2032-03-05T02:00:00Z');
    assert.deepEqual([interviewed.sla.startedAt, interviewed.sla.dueDate], ['2032-03-05T02:00:00.000Z', '2032-03-11']);
    assert.ok(interviewed.sla.dueAt?.startsWith('2032-03-11T1'), 'the end of that local day');
    const approved = await act('approve', '2032-03-10T02:00:00Z'); // printing (3 hari kerja) due 15 March
    assert.deepEqual([approved.sla.startedAt, approved.sla.dueDate], ['2032-03-05T02:00:00.000Z', '2032-03-11'], 'started once: a later step keeps it');

    // The citizen reads it on the application.
    const read = await api(p, 'GET', `/api/v1/tenants/${slug}/applications/${submitted.id}`, { token });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual([read.body.sla.dueDate, read.body.sla.startedAt], ['2032-03-11', '2032-03-05T02:00:00.000Z']);

    // Past the service's due date: escalated once on the service clock (and once more for the printing step).
    const after = new ManualClock('2032-03-20T00:00:00Z');
    assert.equal(await escalateOverdue(p.kernel.uow, await p.context({ tenant: slug, clock: after })), 2);
    assert.equal(await escalateOverdue(p.kernel.uow, await p.context({ tenant: slug, clock: after })), 0, 'exactly once');
    const timeline = (await api(p, 'GET', `/api/v1/tenants/${slug}/applications/${submitted.id}`, { token })).body.timeline as { action: string; comment: string | null }[];
    const escalations = timeline.filter((e) => e.action === 'escalated').map((e) => e.comment ?? '');
    assert.equal(escalations.filter((c) => c.startsWith('Melewati jangka waktu layanan') && c.includes(interviewed.sla.dueAt!)).length, 1, escalations.join(' | '));
  });

  it('moves open applications’ due dates when a holiday, cuti bersama, closure or an agency’s cuti-bersama rule changes later, once, on the timeline', async function () {
    this.timeout(300_000);
    const slug = await imigrasiTenant(p);
    const admin = await tokenFor(p, 'admin.platform');
    const clock = new ManualClock('2032-04-05T03:00:00Z'); // Monday 5 April 2032
    const { view, token } = await submittedPassport(p, slug, clock);
    const officer = officerOf(slug);
    for (const [code, at] of [['verify', '2032-04-05T04:00:00Z'], ['confirm-payment', '2032-04-05T05:00:00Z'], ['check-in', '2032-04-05T06:00:00Z'], ['interview-done', '2032-04-05T07:00:00Z']] as const) {
      clock.set(at);
      await p.services.actions.act(await p.context({ tenant: slug, clock, identity: officer }), view.id, code, {});
    }
    const url = `/api/v1/tenants/${slug}/applications/${view.id}`;
    const dues = async () => {
      const b = (await api(p, 'GET', url, { token })).body;
      return [b.sla.dueDate, b.sla.stepDueDate] as [string, string];
    };
    // Interview Monday 5 April: 6, 7, 8, 9 April; the adjudication step (1 hari kerja) 6 April.
    assert.deepEqual(await dues(), ['2032-04-09', '2032-04-06']);
    /** The job the change sends runs on the worker; wait for the dates to move. */
    const until = async (want: [string, string], why: string) => {
      for (let i = 0; i < 100; i++) {
        const got = await dues();
        if (got[0] === want[0] && got[1] === want[1]) return;
        await new Promise((r) => setTimeout(r, 150));
      }
      assert.deepEqual(await dues(), want, why);
    };

    const holiday = { kind: 'national', name: { id: 'Libur uji SLA', en: 'SLA test holiday' }, decree: 'Keppres uji 2032' };
    assert.equal((await api(p, 'PUT', '/api/v1/holidays/2032-04-06', { token: admin, body: holiday })).status, 200);
    await until(['2032-04-12', '2032-04-07'], 'a holiday on 6 April pushes both clocks by a working day');
    const changed = ((await api(p, 'GET', url, { token })).body.timeline as { action: string; comment: string }[]).filter((e) => e.action === 'due-date-changed');
    assert.equal(changed.length, 1);
    assert.match(changed[0]!.comment, /2032-04-09 → 2032-04-12/);
    // The citizen is told the new date (WhatsApp first; the in-app inbox always), once. The outbox's
    // dispatcher is woken after the commit, or by its minute sweep when a wake met one already running:
    // up to a minute and a half under the whole suite's load.
    const told = async () => ((await api(p, 'GET', `/api/v1/tenants/${slug}/me/notifications?limit=50`, { token })).body.items as { event: string; channel: string; text: string }[]).filter((m) => m.event === 'application.due_changed' && m.channel === 'inbox');
    for (let i = 0; i < 300 && !(await told()).length; i++) await new Promise((r) => setTimeout(r, 300));
    const news = await told();
    assert.equal(news.length, 1, JSON.stringify(news));
    assert.match(news[0]!.text, /berubah dari Jumat, 9 April 2032 menjadi Senin, 12 April 2032/);
    // Running it again changes nothing (idempotent).
    const rerun = (await p.runJob(RECOMPUTE_DUES_JOB, { region: 'id-jakarta' })) as { changed: number }[];
    assert.deepEqual(rerun, [{ changed: 0 }]);

    assert.equal((await api(p, 'DELETE', '/api/v1/holidays/2032-04-06?kind=national', { token: admin })).status, 204);
    await until(['2032-04-09', '2032-04-06'], 'removed: back to the first dates');

    // The regency closes its MPP on 8 April: the service date moves, the step (6 April) does not.
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/closures/2032-04-08`, { token: admin, body: { reason: { id: 'Banjir', en: 'Flood' } } })).status, 200);
    await until(['2032-04-12', '2032-04-06'], 'a closure counts too');

    // Cuti bersama on 7 April moves it again, unless the agency serves on cuti bersama here.
    const cuti = { kind: 'cuti-bersama', name: { id: 'Cuti bersama uji', en: 'Test collective leave' }, decree: 'SKB uji 2032' };
    assert.equal((await api(p, 'PUT', '/api/v1/holidays/2032-04-07', { token: admin, body: cuti })).status, 200);
    await until(['2032-04-13', '2032-04-06'], 'cuti bersama is not a working day by default');
    const tenantAdmin = await reissuedToken(p, await tokenFor(p, 'admin.kbb'), { memberships: [`/tenants/${slug}/tenant-admin`] });
    const rule = await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/imigrasi/calendar`, { token: tenantAdmin, body: { cutiBersamaWorkingDay: true } });
    assert.equal(rule.status, 200, JSON.stringify(rule.body));
    await until(['2032-04-12', '2032-04-06'], 'the agency serves on cuti bersama: the day counts again');
    assert.equal((await api(p, 'DELETE', '/api/v1/holidays/2032-04-07?kind=cuti-bersama', { token: admin })).status, 204);
    const moves = ((await api(p, 'GET', url, { token })).body.timeline as { action: string }[]).filter((e) => e.action === 'due-date-changed').length;
    assert.equal(moves, 5, 'one timeline entry per move');
    // Each move of the service date is news (a date that comes back too); the step's own date is the officers' concern.
    for (let i = 0; i < 300 && (await told()).length < 5; i++) await new Promise((r) => setTimeout(r, 300));
    const said = (await told()).map((m) => m.text.match(/dari (.*?) menjadi (.*?) karena/)!.slice(1, 3).join(' → '));
    assert.deepEqual(said.sort(), ['Senin, 12 April 2032 → Jumat, 9 April 2032', 'Jumat, 9 April 2032 → Senin, 12 April 2032', 'Jumat, 9 April 2032 → Senin, 12 April 2032', 'Senin, 12 April 2032 → Selasa, 13 April 2032', 'Selasa, 13 April 2032 → Senin, 12 April 2032'].sort());
  });
});
