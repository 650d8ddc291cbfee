import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { contentHash, lintManifest, lintPluginDir, type AgencyPlugin } from '@satupintu/plugin-sdk';
import { ID_FORMATS } from '@satupintu/forms/formats';
import { canonical, conditionFor, TEXT_FORMATS, newField, requiredWhenOf, setCondition, toModel, toService, withService, type Manifest } from '../packages/web/src/pages/publisher/model.js';
import { bumpOf, diffManifests, nextVersion } from '../packages/web/src/pages/publisher/diff.js';

// The publisher's editor (packages/web/src/pages/publisher): its model must give back the SDK's JSON.
const dir = path.resolve('plugins');
const plugins = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => lintPluginDir(path.join(dir, d.name), '0.1.0').manifest!)
  .map((m) => {
    const stored: Record<string, unknown> = { ...m };
    delete stored.$schema;
    return stored as unknown as Manifest;
  });
const dukcapil = plugins.find((p) => p.id === 'dukcapil')!;
const asSdk = (m: Manifest) => m as unknown as AgencyPlugin;

describe('publisher editor: the model gives back the plugin JSON the SDK accepts', () => {
  it('round trip: every service of every real plugin, edited in nothing, is the same JSON (same content hash)', () => {
    let n = 0;
    for (const p of plugins)
      for (const s of p.services) {
        const back = toService(toModel(s));
        assert.equal(canonical(back), canonical(s), `${p.id}.${s.code}`);
        n++;
      }
    assert.ok(n >= 40, `${n} services`);
    const whole = { ...dukcapil, services: dukcapil.services.map((s) => toService(toModel(s))) };
    assert.equal(contentHash(asSdk(whole)), contentHash(asSdk(dukcapil)));
  });

  it('adds a question asked only when another has a value, and a document required then: the expected JSON, lint clean', () => {
    const svc = dukcapil.services.find((s) => s.code === 'legalisir')!;
    let m = toModel(svc);
    const f = newField({ id: 'Nomor WhatsApp penerima kuasa', en: 'Proxy’s WhatsApp number' }, 'text', m.fields.map((x) => x.name));
    assert.equal(f.name, 'nomorWhatsappPenerimaKuasa');
    m = { ...m, fields: [...m.fields, { ...f, format: 'phone-id', widget: 'phone' }] };
    m = setCondition(m, f.name, { field: 'diwakilkan', values: [true] });
    assert.deepEqual(conditionFor(m, f.name), { field: 'diwakilkan', values: [true] });
    const out = toService(m);
    out.documents.push({ code: 'surat-kuasa-wa', name: { id: 'Surat kuasa', en: 'Power of attorney' }, accept: ['application/pdf'], maxSizeMb: 2, minCount: 0, maxCount: 1, requiredWhen: requiredWhenOf({ field: 'diwakilkan', values: [true] }) as never });
    const schema = out.form.schema as Record<string, any>;
    assert.deepEqual(schema.properties[f.name], { type: 'string', format: 'phone-id' });
    assert.ok(!schema.required.includes(f.name), 'asked only when: not required at the top');
    // The published rule "diwakilkan = true → …" gains the new question (same condition, one rule).
    assert.deepEqual(schema.if, { properties: { diwakilkan: { const: true } }, required: ['diwakilkan'] });
    assert.deepEqual(schema.then.required, ['namaPenerimaKuasa', 'nikPenerimaKuasa', f.name]);
    assert.equal(out.form.ui.order.at(-1), f.name);
    assert.deepEqual(out.form.ui.labels[f.name], f.label);
    assert.equal(out.form.ui.widgets?.[f.name], 'phone');
    // Nothing else of the service moved.
    assert.equal(canonical({ ...out, form: null, documents: null }), canonical({ ...svc, form: null, documents: null }));
    const next = withService(dukcapil, out, '2.0.0');
    const lint = lintManifest(structuredClone(next), undefined, '0.1.0');
    assert.deepEqual(lint.issues, []);

    const changes = diffManifests(dukcapil, next);
    assert.deepEqual(
      changes.map((c) => [c.service, c.area, c.what, c.name.en, c.bump]),
      [
        ['legalisir', 'field', 'added', 'Proxy’s WhatsApp number', 'minor'],
        ['legalisir', 'document', 'added', 'Power of attorney', 'major'],
      ],
    );
    assert.equal(changes[0]!.detail.map((d) => d.en).join('; '), 'kind text; only when “Collected by a representative?” is answered Yes');
    assert.equal(bumpOf(changes), 'major');
    assert.equal(nextVersion('1.0.0', 'major'), '2.0.0');
    assert.equal(nextVersion('1.2.3', 'minor'), '1.3.0');
    assert.equal(nextVersion('1.2.3', 'patch'), '1.2.4');
  });

  it('a second condition on a form with one rule moves both into allOf; removing a question drops it everywhere', () => {
    const svc = dukcapil.services.find((s) => s.code === 'kk-hilang-rusak')!;
    let m = toModel(svc);
    assert.equal(m.placement, 'top');
    const choice = m.fields.find((x) => x.kind === 'choice')!;
    m = setCondition(m, 'noHp' in (svc.form.schema as any).properties ? 'noHp' : m.fields.at(-1)!.name, { field: choice.name, values: [choice.options![1]!] });
    const schema = toService(m).form.schema as Record<string, any>;
    assert.equal(schema.if, undefined);
    assert.equal(schema.allOf.length, 2);
    assert.equal(lintManifest(withService(dukcapil, toService(m), '9.0.0'), undefined, '0.1.0').issues.length, 0);

    const removed = toService({ ...toModel(svc), fields: toModel(svc).fields.filter((f) => f.name !== 'noSktlk') });
    const rs = removed.form.schema as Record<string, any>;
    assert.equal(rs.properties.noSktlk, undefined);
    assert.ok(!removed.form.ui.order.includes('noSktlk'));
    assert.ok(!('noSktlk' in removed.form.ui.labels));
    assert.deepEqual(rs.then.required, ['tglSktlk']);
    const changes = diffManifests(dukcapil, withService(dukcapil, removed, '2.0.0'));
    assert.deepEqual(changes.map((c) => [c.area, c.what, c.bump]), [['field', 'removed', 'major']]);
  });

  it('offers every shared format of the SDK (NIK, KK, NPWP, NIB…) and e-mail, nothing else', () => {
    for (const f of TEXT_FORMATS) assert.ok(f === 'email' || f in ID_FORMATS, f);
    for (const f of [...Object.keys(ID_FORMATS), 'email']) assert.ok((TEXT_FORMATS as readonly string[]).includes(f), `${f} is offered`);
  });

  it('describes SOP, SLA and fee changes in words, with a minor bump', () => {
    const svc = structuredClone(dukcapil.services.find((s) => s.code === 'legalisir')!);
    svc.sla = { value: 3, unit: 'working-days' };
    const first = Object.keys(svc.sop.states)[0]!;
    svc.sop.states[first]!.sla = { value: 2, unit: 'working-days' };
    svc.sop.actions[0]!.roles = ['officer', 'tenant-admin'];
    const changes = diffManifests(dukcapil, withService(dukcapil, svc, '1.1.0'));
    const areas = changes.map((c) => c.area);
    assert.ok(areas.includes('sla') && areas.includes('state') && areas.includes('action'), areas.join());
    assert.match(changes.find((c) => c.area === 'sla')!.detail[0]!.id, /→ 3 hari kerja$/);
    assert.equal(bumpOf(changes), 'minor');
    assert.equal(bumpOf([]), undefined);
  });
});
