import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Tenant } from '@satupintu/core';
import { STATUS_RANK, type NotificationStatus } from '@satupintu/connectors';
import { plan } from './personalise.js';
import { afterQuietHours, backoffMs, costOf, deriveStatus, nextChannel, nextLocalMorning } from './routing.js';
import { CORE_TEMPLATES, placeholdersOf, render, templateProblems, whatsappParams } from './templates.js';

const STATUSES = Object.keys(STATUS_RANK) as NotificationStatus[];
const kapuas = { id: '00000000-0000-7000-8000-000000000001', slug: 'kab-kapuas', name: 'Kabupaten Kapuas', timeZone: 'Asia/Jakarta' } as Tenant;

describe('notifications: the rules (no server)', () => {
  it('every core template fills its placeholders from declared fields, and uses every field', () => {
    for (const t of CORE_TEMPLATES) assert.deepEqual(templateProblems(t), [], t.event);
    assert.ok(CORE_TEMPLATES.filter((t) => t.audience === 'citizen').every((t) => t.whatsapp && t.category === 'utility'), 'citizen messages are utility templates');
  });

  it('finds a template hole at definition time, not at send time', () => {
    const bad = { event: 'x', fields: ['a', 'unused'], whatsapp: { name: 'x', params: ['a', 'b'] }, text: { id: '((a)) ((c))', en: '((a))' }, subject: { id: 'x', en: 'x' } };
    const problems = templateProblems(bad);
    assert.ok(problems.some((p) => p.includes('((c))')));
    assert.ok(problems.some((p) => p.includes('parameter b')));
    assert.ok(problems.some((p) => p.includes('unused')));
    assert.deepEqual(placeholdersOf('((a)) and ((b)) and ((a))'), ['a', 'b']);
    assert.throws(() => render({ event: 'x' }, 'Hi ((name))', {}), /personalisation name is missing/);
  });

  it('folds new lines and long runs of spaces out of WhatsApp parameters (Meta refuses them)', () => {
    const t = CORE_TEMPLATES.find((x) => x.event === 'application.documents_requested')!;
    const params = whatsappParams(t, { service: 'SKTLK', trackingCode: '7KQ2-M9XD', request: 'Foto buram.\nUnggah ulang\t\tyang     jelas', link: 'https://x' });
    assert.equal(params[2], 'Foto buram. Unggah ulang yang jelas');
  });

  it('derives the same status whatever order the reports arrive in; delivered outranks a late failure', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 8 }), (events) => {
        const forward = deriveStatus(events.map((status) => ({ status })));
        const backward = deriveStatus([...events].reverse().map((status) => ({ status })));
        assert.equal(forward, backward);
        // Never below any status seen.
        for (const e of events) assert.ok(STATUS_RANK[forward] >= STATUS_RANK[e]);
      }),
    );
    assert.equal(deriveStatus([{ status: 'sent' }, { status: 'delivered' }, { status: 'permanent-failure' }]), 'delivered');
    assert.equal(deriveStatus([{ status: 'sent' }, { status: 'permanent-failure' }]), 'permanent-failure');
    assert.equal(deriveStatus([{ status: 'read' }, { status: 'sent' }]), 'read');
    assert.equal(deriveStatus([{ status: 'temporary-failure' }, { status: 'sent' }]), 'sent');
    assert.equal(deriveStatus([]), 'created');
  });

  it('orders channels WhatsApp → SMS → email and falls back past the failed one', () => {
    assert.equal(nextChannel(new Set(['email', 'sms', 'whatsapp'])), 'whatsapp');
    assert.equal(nextChannel(new Set(['email', 'sms', 'whatsapp']), 'whatsapp'), 'sms');
    assert.equal(nextChannel(new Set(['email', 'whatsapp']), 'whatsapp'), 'email');
    assert.equal(nextChannel(new Set(['whatsapp']), 'whatsapp'), undefined);
  });

  it('keeps quiet hours in the tenant’s zone: WIB, WITA and WIT, across midnight', () => {
    const quiet = { start: '21:00', end: '07:00' };
    // 22:40 WIB (15:40Z) waits for 07:00 WIB next day (00:00Z).
    assert.equal(afterQuietHours(new Date('2026-12-07T15:40:00Z'), 'Asia/Jakarta', quiet).toISOString(), '2026-12-08T00:00:00.000Z');
    // 05:30 WITA (21:30Z the day before) waits for 07:00 WITA the same local day (23:00Z).
    assert.equal(afterQuietHours(new Date('2026-12-06T21:30:00Z'), 'Asia/Makassar', quiet).toISOString(), '2026-12-06T23:00:00.000Z');
    // 10:00 WIT (01:00Z): not quiet.
    const day = new Date('2026-12-07T01:00:00Z');
    assert.equal(afterQuietHours(day, 'Asia/Jayapura', quiet), day);
    assert.equal(afterQuietHours(day, 'Asia/Jayapura', null), day);
    // A quiet period that does not wrap midnight.
    assert.equal(afterQuietHours(new Date('2026-12-07T06:30:00Z'), 'Asia/Jakarta', { start: '12:00', end: '14:00' }).toISOString(), '2026-12-07T07:00:00.000Z');
    // A spent daily cap waits for the next morning after quiet hours.
    assert.equal(nextLocalMorning(new Date('2026-12-07T05:00:00Z'), 'Asia/Jakarta', quiet).toISOString(), '2026-12-08T00:00:00.000Z');
  });

  it('prices by configuration: the most specific rule, per unit; inside WhatsApp’s window utility is free', () => {
    const rules = [
      { channel: 'whatsapp' as const, category: 'utility', insideWindow: false, unitPrice: 356 },
      { channel: 'whatsapp' as const, category: 'utility', insideWindow: true, unitPrice: 0 },
      { channel: 'whatsapp' as const, category: '*', unitPrice: 500 },
      { channel: 'sms' as const, category: '*', unitPrice: 350 },
    ];
    assert.equal(costOf(rules, { channel: 'whatsapp', category: 'utility', units: 1, insideWindow: false }), 356);
    assert.equal(costOf(rules, { channel: 'whatsapp', category: 'utility', units: 1, insideWindow: true }), 0);
    assert.equal(costOf(rules, { channel: 'whatsapp', category: 'authentication', units: 1, insideWindow: false }), 500);
    assert.equal(costOf(rules, { channel: 'sms', category: 'utility', units: 3, insideWindow: false }), 1050);
    assert.equal(costOf(rules, { channel: 'email', category: 'service', units: 1, insideWindow: false }), 0);
  });

  it('backs off exponentially with jitter, never below a provider’s Retry-After', () => {
    assert.equal(backoffMs(1, 0, () => 0.5), 10_000);
    assert.equal(backoffMs(3, 0, () => 0.5), 90_000);
    assert.equal(backoffMs(20, 0, () => 0.5), 30 * 60_000);
    assert.equal(backoffMs(1, 60_000, () => 0.5), 60_000);
    assert.ok(backoffMs(2, 0, () => 0) >= 24_000 && backoffMs(2, 0, () => 1) <= 36_000);
  });

  it('maps each outbox event to its template, recipients and values in both languages', async () => {
    const lookups = {
      tenant: kapuas,
      base: 'https://mpp.kapuaskab.go.id',
      service: async () => ({
        name: { id: 'Surat Keterangan Tanda Lapor Kehilangan', en: 'Police loss report' },
        states: {
          dikembalikan: { name: { id: 'Dikembalikan', en: 'Returned' }, actor: 'citizen' as const },
          diverifikasi: { name: { id: 'Diverifikasi', en: 'Verified' }, actor: 'officer' as const, notify: { id: 'Berkas ((trackingCode)) sudah diverifikasi', en: 'File ((trackingCode)) verified' } },
          diproses: { name: { id: 'Diproses', en: 'In progress' }, actor: 'officer' as const },
          selesai: { name: { id: 'Selesai: ambil di loket Polres', en: 'Done: collect at the police counter' }, terminal: true, outcome: 'completed' as const },
        },
      }),
    };
    const app = { applicationId: '019aa4b2-0000-7000-8000-00000000000a', trackingCode: '7KQ2-M9XD', pluginId: 'polri', pluginVersion: '1.0.0', serviceCode: 'sktlk', agencyCode: 'polri', applicantSub: 'sub-1' };
    const received = await plan('application.submitted', { ...app, dueAt: '2026-12-08T09:00:00.000Z' }, 'o1', lookups);
    assert.equal(received!.template.event, 'application.received');
    assert.deepEqual(received!.to, ['citizen:sub-1']);
    assert.equal(received!.values.id.dueDate, 'Selasa, 8 Desember 2026');
    assert.equal(received!.values.en.dueDate, 'Tuesday, 8 December 2026');
    assert.equal(received!.values.id.link, 'https://mpp.kapuaskab.go.id/t/kab-kapuas/permohonan/019aa4b2-0000-7000-8000-00000000000a');
    const counter = await plan('application.submitted', { ...app, applicantSub: null }, 'o1', lookups);
    assert.deepEqual(counter!.to, [`application:${app.applicationId}`]);
    const moved = (to: string, status: string, comment: string | null = null) => plan('application.moved', { ...app, from: 'diajukan', to, status, action: 'x', comment }, 'o2', lookups);
    assert.equal((await moved('dikembalikan', 'submitted', 'Foto buram'))!.values.id.request, 'Foto buram');
    assert.equal((await moved('diverifikasi', 'submitted'))!.values.id.message, 'Berkas 7KQ2-M9XD sudah diverifikasi');
    assert.equal(await moved('diproses', 'submitted'), undefined, 'a step without a message says nothing');
    assert.equal((await moved('selesai', 'completed'))!.values.en.collect, 'Done: collect at the police counter');
    assert.equal((await moved('ditolak', 'rejected', 'Bukan wilayah hukum Polres Kapuas'))!.values.id.reason, 'Bukan wilayah hukum Polres Kapuas');
    assert.equal(await moved('ditarik', 'withdrawn'), undefined);
    // A calendar change moved the service's due date: old and new dates as people read them, one message per new date.
    const due = await plan('application.due_changed', { ...app, before: '2026-12-24', after: '2026-12-29', dueAt: '2026-12-29T09:00:00.000Z' }, 'o8', lookups);
    assert.equal(due!.template.event, 'application.due_changed');
    assert.deepEqual(due!.to, ['citizen:sub-1']);
    assert.deepEqual([due!.values.id.before, due!.values.id.dueDate], ['Kamis, 24 Desember 2026', 'Selasa, 29 Desember 2026']);
    assert.equal(due!.values.en.dueDate, 'Tuesday, 29 December 2026');
    assert.equal(due!.dedupeKey, 'application.due_changed:o8', 'one message per move');
    assert.equal((await plan('application.due_changed', { ...app, before: '2026-12-24', after: '2026-12-29' }, 'o9', lookups))!.values.id.dueDate, 'Selasa, 29 Desember 2026', 'the local date when no instant is given');
    assert.equal(await plan('application.due_changed', { ...app, before: null, after: '2026-12-29' }, 'o9', lookups), undefined);
    const booked = await plan('appointment.booked', { to: ['citizen:sub-1'], booking: 'b1', service: 'polri.sktlk', date: '2026-12-08', start: '08:00', end: '10:00' }, 'o3', lookups);
    assert.equal(booked!.values.id.when, 'Selasa, 8 Desember 2026 pukul 08:00–10:00 WIB');
    const cancelled = await plan('session.cancelled', { to: 'sub-1', booking: 'b1', service: 'polri.sktlk', date: '2026-12-08', start: '08:00', reason: 'Listrik padam', suggestion: { date: '2026-12-10', start: '08:00', end: '10:00' } }, 'o4', lookups);
    assert.deepEqual(cancelled!.to, ['citizen:sub-1']);
    assert.equal(cancelled!.values.id.options, 'Kamis, 10 Desember 2026 pukul 08:00–10:00 WIB');
    const walkIn = await plan('session.cancelled', { to: 'walk-in:320', booking: 'b2', service: 'polri.sktlk', date: '2026-12-08', start: '08:00', reason: 'x' }, 'o5', lookups);
    assert.deepEqual(walkIn!.to, []);
    const staff = await plan('sla.overdue', { to: ['tenant-admin', 'officer:polri'], application: 'a', trackingCode: '7KQ2-M9XD' }, 'o6', lookups);
    assert.equal(staff!.template.audience, 'staff');
    assert.equal(staff!.values.id.title, 'Permohonan melewati batas waktu');
    assert.equal(await plan('something.else', {}, 'o7', lookups), undefined);
  });
});
