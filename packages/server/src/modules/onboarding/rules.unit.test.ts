import assert from 'node:assert/strict';
import { isProblemError } from '@satupintu/core';
import { checklistOf, driftOf, planMove, type LifecycleDates, type ModelSnapshot, type ServiceReadiness } from './rules.js';

const proposed: LifecycleDates = { mppStatus: 'proposed', committedOn: null, deadline: null, launchedOn: null, inauguratedOn: null };
const refused = (code: string, pointer?: string) => (e: unknown) => isProblemError(e) && e.code === code && (!pointer || e.errors?.[0]?.pointer === pointer);

describe('onboarding rules: a lifecycle move', () => {
  const today = '2026-12-07';

  it('commits with the deadline one year later (a leap-day commitment ends on 28 February)', () => {
    const plan = planMove(proposed, { to: 'committed', on: '2024-02-29' }, null, today);
    assert.ok(plan.kind === 'forward');
    assert.deepEqual([plan.dates.mppStatus, plan.dates.committedOn, plan.dates.deadline], ['committed', '2024-02-29', '2025-02-28']);
  });

  it('skips stages forward without inventing a commitment date; the first launch and inauguration are dated', () => {
    const plan = planMove(proposed, { to: 'operating', on: '2023-03-16' }, null, today);
    assert.ok(plan.kind === 'forward');
    assert.deepEqual(plan.dates, { mppStatus: 'operating', committedOn: null, deadline: null, launchedOn: '2023-03-16', inauguratedOn: '2023-03-16' });
    const later = planMove({ ...plan.dates, mppStatus: 'launched', inauguratedOn: null }, { to: 'operating', on: '2024-01-01' }, '2023-03-16', today);
    assert.ok(later.kind === 'forward');
    assert.deepEqual([later.dates.launchedOn, later.dates.inauguratedOn], ['2023-03-16', '2024-01-01'], 'a date already set is kept');
  });

  it('moves back one stage only with a note, and clears the date of the stage left', () => {
    const launched: LifecycleDates = { mppStatus: 'launched', committedOn: '2024-01-02', deadline: '2025-01-02', launchedOn: '2024-10-01', inauguratedOn: null };
    assert.throws(() => planMove(launched, { to: 'trial' }, '2024-10-01', today), refused('LIFECYCLE_NOTE_REQUIRED', '/note'));
    assert.throws(() => planMove(launched, { to: 'trial', note: '   ' }, '2024-10-01', today), refused('LIFECYCLE_NOTE_REQUIRED'));
    const back = planMove(launched, { to: 'trial', note: 'Jaringan belum stabil' }, '2024-10-01', today);
    assert.ok(back.kind === 'back');
    assert.deepEqual([back.dates.mppStatus, back.dates.launchedOn, back.dates.committedOn], ['trial', null, '2024-01-02']);
    const committed: LifecycleDates = { ...proposed, mppStatus: 'committed', committedOn: '2024-01-02', deadline: '2025-01-02' };
    assert.throws(() => planMove(committed, { to: 'proposed', note: 'x' }, null, today), refused('LIFECYCLE_MOVE_INVALID'), 'proposed is never re-entered');
    assert.throws(() => planMove(launched, { to: 'preparing', note: 'x' }, null, today), refused('LIFECYCLE_MOVE_INVALID'), 'one stage back only');
  });

  it('dates a move today by default, refuses a future date and a forward move dated before the last one', () => {
    const plan = planMove(proposed, { to: 'preparing' }, null, today);
    assert.equal(plan.on, today);
    assert.throws(() => planMove(proposed, { to: 'preparing', on: '2026-12-08' }, null, today), refused('LIFECYCLE_DATE_INVALID', '/on'));
    assert.throws(() => planMove(proposed, { to: 'launched', on: '2024-01-01' }, '2024-10-01', today), refused('LIFECYCLE_DATE_INVALID', '/on'));
    assert.equal(planMove({ ...proposed, mppStatus: 'trial' }, { to: 'trial', on: '2099-01-01' }, null, today).kind, 'same', 'repeating a move changes nothing');
  });
});

const service = (over: Partial<ServiceReadiness> = {}): ServiceReadiness => ({
  id: 'dukcapil.ktpel-penggantian',
  plugin: 'dukcapil',
  version: '1.0.0',
  code: 'ktpel-penggantian',
  name: { id: 'KTP-el', en: 'KTP-el' },
  agency: 'dukcapil',
  counterSettable: true,
  counter: null,
  standardComplete: false,
  missing: [],
  published: null,
  ...over,
});

describe('onboarding rules: the checklist', () => {
  it('counts only the commitment for a fresh committed tenant', () => {
    const { items, counts } = checklistOf({ committedOn: '2026-01-15' }, { services: [], agencies: [], maklumat: null, decrees: [] });
    assert.deepEqual(items.filter((i) => i.done).map((i) => i.key), ['commitment']);
    assert.equal(items.length, 7);
    assert.deepEqual(counts, { servicesInstalled: 0, servicesLive: 0, servicesPlanned: 0, countersSet: 0, agenciesJoined: 0 });
  });

  it('rises item by item: MoU per installed agency, counters, live standards, maklumat, establishment decree', () => {
    const published = { skNumber: 'SK/1', skDate: '2026-03-01', pluginVersion: '1.0.0', publishedAt: '2026-03-01T00:00:00.000Z', publishedBy: 'admin' };
    const services = [
      service({ counter: { name: 'Gerai 1' }, standardComplete: true, published }),
      service({ id: 'polri.sktlk', plugin: 'polri', code: 'sktlk', agency: 'polri', counter: { name: 'Gerai 2' } }),
      service({ id: 'djp.npwp', plugin: 'djp', code: 'npwp', agency: 'djp', counterSettable: false }),
    ];
    const partial = checklistOf({ committedOn: null }, { services, agencies: [{ agencyCode: 'dukcapil', plannedServices: 2 }], maklumat: null, decrees: [{ kind: 'other', number: '1' }] });
    const done = (r: typeof partial) => r.items.filter((i) => i.done).map((i) => i.key);
    assert.deepEqual(done(partial), ['plugins', 'counters']);
    assert.equal(partial.items.find((i) => i.key === 'agencies')?.detail, '1/3 (1 MoU)');
    assert.equal(partial.items.find((i) => i.key === 'standards')?.detail, '1/3');
    assert.deepEqual(partial.counts, { servicesInstalled: 3, servicesLive: 1, servicesPlanned: 2, countersSet: 2, agenciesJoined: 1 }, 'planned comes from the MoUs');
    const full = checklistOf(
      { committedOn: '2026-01-15' },
      {
        services: services.map((s) => ({ ...s, standardComplete: true, published })),
        agencies: ['dukcapil', 'polri', 'djp'].map((agencyCode) => ({ agencyCode, plannedServices: 0 })),
        maklumat: { signedBy: 'Bupati', signedOn: '2026-03-01' },
        decrees: [{ kind: 'mpp-establishment', number: '188.45/77/2026' }],
      },
    );
    assert.equal(full.items.every((i) => i.done), true);
    assert.equal(full.counts.servicesPlanned, 3, 'without planned numbers in the MoUs, what is installed');
  });
});

describe('onboarding rules: drift from the role model', () => {
  const model: ModelSnapshot = {
    installations: [
      { plugin: 'dukcapil', version: '1.0.0', contentHash: 'a' },
      { plugin: 'polri', version: '1.2.0', contentHash: 'b' },
      { plugin: 'taspen', version: '1.0.0', contentHash: 'c' },
    ],
    overlays: [{ plugin: 'dukcapil', service: 'ktpel', overlay: { counter: { name: 'Gerai 1' }, contact: { phone: '1' } } }],
    agencies: [],
    maklumat: { text: 'Kami sanggup' },
  };

  it('is in sync with an exact copy', () => {
    assert.deepEqual([driftOf(model, model).inSync, driftOf(model, model).differences], [true, 0]);
  });

  it('names missing, behind, ahead and extra plugins, differing overlay fields, the maklumat and the upgrades to take', () => {
    const mine: ModelSnapshot = {
      installations: [
        { plugin: 'dukcapil', version: '1.1.0', contentHash: 'a2' },
        { plugin: 'polri', version: '1.0.0', contentHash: 'b0' },
        { plugin: 'bpn', version: '1.0.0', contentHash: 'd' },
      ],
      overlays: [{ plugin: 'dukcapil', service: 'ktpel', overlay: { counter: { name: 'Gerai 9' }, contact: { phone: '1' } } }],
      agencies: [],
      maklumat: null,
    };
    const d = driftOf(mine, model);
    assert.deepEqual(d.plugins.map((p) => `${p.plugin}:${p.state}`), ['bpn:extra', 'dukcapil:ahead', 'polri:behind', 'taspen:missing']);
    assert.deepEqual(d.overlays, [{ service: 'dukcapil.ktpel', fields: ['counter'] }]);
    assert.equal(d.maklumatDiffers, true);
    assert.equal(d.differences, 6);
    assert.deepEqual(d.upgradesAvailable, [
      { plugin: 'polri', from: '1.0.0', to: '1.2.0' },
      { plugin: 'taspen', from: null, to: '1.0.0' },
    ]);
  });
});
