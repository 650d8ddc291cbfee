import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchoredSimple, lintPluginDir, lintManifest, pluginMetaSchema, regexSafety } from './lint.js';
import { loadPluginDir } from './load.js';
import { contentHash } from './hash.js';
import { validateOverlay, standardComponents } from './overlay.js';
import type { AgencyPlugin } from './types.js';

const POLRI = fileURLToPath(new URL('../../../plugins/polri', import.meta.url));

/** A throwaway copy of the Polri plugin, edited by `edit(file → json)`. */
function variant(edits: Record<string, (j: any) => void>): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-'));
  cpSync(POLRI, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const f = path.join(dir, file);
    const j = JSON.parse(readFileSync(f, 'utf8'));
    edit(j);
    writeFileSync(f, JSON.stringify(j));
  }
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function lintVariant(edits: Record<string, (j: any) => void>) {
  const v = variant(edits);
  try {
    return lintPluginDir(v.dir, '0.1.0');
  } finally {
    v.done();
  }
}

describe('plugin lint', () => {
  it('passes the Polri plugin', () => {
    const r = lintPluginDir(POLRI, '0.1.0');
    assert.deepEqual(r.issues, []);
    assert.equal(r.manifest!.services.length, 3);
  });

  it('describes every property of the meta-schema (lint messages and editors rely on it)', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, { description?: string; $ref?: string }> }).properties;
      for (const [k, v] of Object.entries(props ?? {})) if (!v.description) missing.push(`${where}/properties/${k}`);
      for (const [k, v] of Object.entries(node)) visit(v, `${where}/${k}`);
    };
    visit(pluginMetaSchema, '');
    assert.deepEqual(missing, []);
  });

  it('names file and JSON pointer, in Indonesian and English', () => {
    const r = lintVariant({ 'services/sktlk/service.json': (j) => (j.fee.kind = 'gratis') });
    assert.equal(r.ok, false);
    const issue = r.issues[0]!;
    assert.equal(issue.file, path.join('services', 'sktlk', 'service.json'));
    assert.equal(issue.pointer, '/fee/kind');
    assert.ok(issue.message.id && issue.message.en);
  });

  // Issue 23 (sla): the event that starts the service clock.
  it('checks sop.sla.startsOn: a known, reachable action or state that does not end the service', () => {
    const event = { id: 'berkas dinyatakan lengkap', en: 'the file is accepted complete' };
    const withStart = (startsOn: object) => lintVariant({ 'services/sktlk/sop.json': (j) => (j.sla = { startsOn, event }) });
    assert.deepEqual(withStart({ action: 'verify' }).issues, []);
    assert.deepEqual(withStart({ state: 'diverifikasi' }).issues, []);
    const pointers = (startsOn: object) => withStart(startsOn).issues.map((i) => [i.pointer, i.message.en]);
    assert.deepEqual(pointers({ action: 'bayar' }), [['/sla/startsOn/action', 'Action bayar is not defined.']]);
    assert.deepEqual(pointers({ action: 'issue' }), [['/sla/startsOn/action', 'Action issue ends the service: the service clock cannot start there.']]);
    assert.deepEqual(pointers({ state: 'selesai' }), [['/sla/startsOn/state', 'State selesai must be reachable and not terminal.']]);
    assert.equal(withStart({ action: 'verify', state: 'diverifikasi' }).ok, false, 'one of action or state');
    assert.equal(lintVariant({ 'services/sktlk/sop.json': (j) => (j.sla = { startsOn: { action: 'verify' } }) }).ok, false, 'the event is named for the citizen');
  });

  it('refuses a remote $ref in a form', () => {
    const r = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.nik = { $ref: 'https://evil.example/schema.json' }) });
    assert.ok(r.issues.some((i) => i.file.endsWith('form.schema.json') && i.pointer === '/properties/nik/$ref' && /Remote \$ref/.test(i.message.en)), JSON.stringify(r.issues));
  });

  it('refuses a regex open to catastrophic backtracking, and keeps safe ones', () => {
    const r = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.namaLengkap.pattern = '^(a+)+$') });
    assert.ok(r.issues.some((i) => i.pointer === '/properties/namaLengkap/pattern' && /ReDoS/.test(i.message.en)), JSON.stringify(r.issues));
    const ok = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.namaLengkap.pattern = "^[A-Za-z .'-]+$") });
    assert.equal(ok.ok, true, JSON.stringify(ok.issues));
  });

  it('refuses unknown keywords (ajv strict) and unknown formats', () => {
    const r = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.nik.minDigits = 16) });
    assert.ok(r.issues.some((i) => /strict/.test(i.message.en) && /minDigits/.test(i.message.en)), JSON.stringify(r.issues));
    const f = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.nik.format = 'ktp') });
    assert.ok(f.issues.some((i) => /unknown format/.test(i.message.en)), JSON.stringify(f.issues));
  });

  it('refuses too deep and oversized documents', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { type: 'object', properties: { x: deep } };
    const r = lintVariant({ 'services/sktlk/form.schema.json': (j) => (j.properties.nested = deep) });
    assert.ok(r.issues.some((i) => /Too deeply nested/.test(i.message.en)), JSON.stringify(r.issues));
    const big = lintVariant({ 'services/sktlk/service.json': (j) => (j.keywords = Array.from({ length: 30 }, () => 'x'.repeat(60)).concat(['y'.repeat(300_000)])) });
    assert.ok(big.issues.some((i) => /File too large/.test(i.message.en)), JSON.stringify(big.issues));
  });

  it('checks the SOP: undefined states, dead ends, unreachable completion', () => {
    const r = lintVariant({
      'services/sktlk/sop.json': (j) => {
        j.actions = j.actions.filter((a: { code: string }) => a.code !== 'issue');
        j.actions.push({ code: 'lost', name: { id: 'x', en: 'x' }, from: ['diverifikasi'], to: 'nowhere', roles: ['officer'] });
      },
    });
    const messages = r.issues.map((i) => i.message.en).join('\n');
    assert.match(messages, /State nowhere is not defined/);
    assert.match(messages, /No path reaches a completed state/);
  });

  it('passes the Dukcapil plugin with its identity declarations (NIK, birth date, sex)', () => {
    const r = lintPluginDir(fileURLToPath(new URL('../../../plugins/dukcapil', import.meta.url)), '0.1.0');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.manifest!.services.find((x) => x.code === 'ktpel-rekam')!.form.identity, { nik: '/nik', birthDate: '/tanggalLahir', sex: '/jenisKelamin', onMismatch: 'warn' });
  });

  it('checks form.identity: fields that exist, NIK and date formats, sex values the field offers', () => {
    const ok = lintVariant({ 'services/sktlk/service.json': (j) => (j.form.identity = { nik: '/nik', birthDate: '/tanggalKejadian', onMismatch: 'block' }) });
    assert.deepEqual(ok.issues, []);
    const r = lintVariant({
      'services/sktlk/service.json': (j) => (j.form.identity = { nik: '/namaLengkap', birthDate: '/kronologi', sex: '/tidakAda', domicile: '/lokasi', onMismatch: 'maybe' }),
    });
    const found = r.issues.map((i) => `${i.pointer} ${i.message.en}`).join('\n');
    assert.match(found, /\/form\/identity\/onMismatch/);
    const r2 = lintVariant({ 'services/sktlk/service.json': (j) => (j.form.identity = { nik: '/namaLengkap', birthDate: '/kronologi', sex: '/tidakAda', domicile: '/lokasi' }) });
    const en = r2.issues.map((i) => `${i.pointer} ${i.message.en}`);
    assert.ok(en.includes('/form/identity/nik The NIK field /namaLengkap must use format nik.'), en.join('\n'));
    assert.ok(en.includes('/form/identity/birthDate The birth date field /kronologi must use format date.'), en.join('\n'));
    assert.ok(en.includes('/form/identity/sex /tidakAda is not a field of the form.'), en.join('\n'));
    assert.ok(en.includes('/form/identity/domicile /lokasi is not a field of the form.'), en.join('\n'));
    const sex = lintVariant({
      'services/sktlk/form.schema.json': (j) => (j.properties.jk = { enum: ['1', '2'] }),
      'services/sktlk/service.json': (j) => {
        j.form.ui.order.push('jk');
        j.form.ui.labels.jk = { id: 'Jenis Kelamin', en: 'Sex' };
        j.form.identity = { nik: '/nik', sex: '/jk' };
      },
    });
    assert.deepEqual(sex.issues.map((i) => i.pointer), ['/form/identity/sexValues']);
  });

  it('never lets a locked fee be overlaid', () => {
    const r = lintVariant({ 'services/skck-baru/service.json': (j) => j.overlayable.push('fee') });
    assert.ok(r.issues.some((i) => i.pointer === '/overlayable' && /locked fee/.test(i.message.en)));
  });

  it('hashes canonical content: key order does not matter, content does', () => {
    const m = loadPluginDir(POLRI).manifest!;
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(m) as AgencyPlugin;
    assert.notEqual(JSON.stringify(reordered), JSON.stringify(m));
    assert.equal(contentHash(reordered), contentHash(m));
    assert.match(contentHash(m), /^sha256:[0-9a-f]{64}$/);
    const changed = structuredClone(m);
    changed.services[0]!.sla.value = 31;
    assert.notEqual(contentHash(changed), contentHash(m));
    assert.equal(lintManifest(changed, undefined, '0.1.0').ok, true);
  });

  it('refuses a host range that excludes the platform', () => {
    const r = lintVariant({ 'plugin.json': (j) => (j.host = '>=2.0.0') });
    assert.ok(r.issues.some((i) => i.pointer === '/host'));
  });

  // ---- Documents and identity (issue 23, part "docs") ----
  it('checks a document’s validity rules, a journey’s pre-fill and an output’s officer data against the form and schema', () => {
    const r = lintVariant({
      'services/sktlk/service.json': (j) => {
        j.documents[0].validity = { maxAge: { value: 30, unit: 'days' }, fields: { number: '/nomorLaporan', issuedOn: '/lokasiKejadian', issuer: '/namaLengkap' }, required: ['number', 'issuer'] };
        j.documents[1].validity = { required: ['issuedOn'] };
        j.documents[1].fromService = { plugin: 'polri', service: 'sktlk', output: 'sktlk', maxAgeDays: 14, prefill: { '/tidakAda': '/nomor' } };
        j.outputs[0].data.issuedOn = '/unit';
        j.outputs[0].data.number = '/nope';
        j.outputs[0].data.schema.properties.nomor.pattern = '^(a+)+$';
      },
    });
    const at = (p: string) => r.issues.filter((i) => i.pointer === p).map((i) => i.message.en);
    assert.deepEqual(at('/documents/0/validity/fields/number'), ['/nomorLaporan is not a field of the form.']);
    assert.deepEqual(at('/documents/0/validity/fields/issuedOn'), ['Field /lokasiKejadian must use format date.']);
    assert.deepEqual(at('/documents/0/validity/fields/issuer'), ['An issuer field needs validity.issuer (the accepted issuers).']);
    assert.deepEqual(at('/documents/1/validity/required/0'), ['issuedOn is required but validity.fields.issuedOn is not given.']);
    assert.deepEqual(at('/documents/1/fromService/prefill/~1tidakAda'), ['/tidakAda is not a field of the form.']);
    assert.deepEqual(at('/outputs/0/data/issuedOn'), ['Field /unit must use format date.']);
    assert.deepEqual(at('/outputs/0/data/number'), ['/nope is not a field of the output data.']);
    assert.ok(at('/outputs/0/data/schema/properties/nomor/pattern')[0]?.includes('ReDoS'), 'an officer-data pattern is checked like a form pattern');
    const bad = lintVariant({ 'services/sktlk/service.json': (j) => (j.documents[0].validity = { maxAge: { value: 3, unit: 'weeks' } }) });
    assert.ok(bad.issues.some((i) => i.pointer === '/documents/0/validity/maxAge/unit'), JSON.stringify(bad.issues));
  });

  it('accepts only overlayable overlays, and computes the 14 components', () => {
    const sktlk = loadPluginDir(POLRI).manifest!.services[0]!;
    assert.deepEqual(validateOverlay(sktlk, { counter: { name: 'Gerai Polres', number: '2' } }), []);
    const refused = validateOverlay(sktlk, { fee: { kind: 'fixed', amount: 10000, legalBasis: 'Perda', locked: false } });
    assert.equal(refused[0]!.pointer, '/fee');
    assert.ok(validateOverlay(sktlk, { counter: {} }).length > 0, 'shape is checked too');
    const components = standardComponents(sktlk);
    assert.equal(components.length, 14);
    assert.deepEqual(components.filter((c) => !c.complete).map((c) => c.key), ['staffing'], 'staffing waits for the regency');
  });
});

describe('patterns proven linear by their shape', () => {
  it('accepts anchored single-atom patterns with one varying quantifier, without an analysis', () => {
    for (const p of ['^[0-9]{16}$', '^[0-9A-Za-z./-]{4,30}$', '^08[0-9]{8,11}$', '^\\d{2}\\.\\d{2}$', '^[A-Z]{2}[0-9]+$', '^a?b?c?[0-9]*$', '^https://'])
      assert.equal(anchoredSimple(p), true, p);
  });

  it('leaves everything else to recheck: groups, alternation, two varying quantifiers, unanchored, backreferences, lazy', () => {
    for (const p of ['^(a+)+$', '^(a|aa)+$', '^\\d+\\d+$', '[0-9]+x', '^a?a?a?a?aaaa$', '^(\\w)\\1$', '^a+?$', '^[a-z]*$|x', '^\\p{L}+$', '^[\\w.]+@[\\w.]+$', '^a{1,5}b{1,5}$'])
      assert.equal(anchoredSimple(p), false, p);
  });

  it('answers safe for them at once, even with no time to analyse', () => {
    assert.equal(regexSafety('^[0-9A-Za-z./-]{4,30}$', 1), 'safe');
  });
});
