import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lintPluginDir, type AgencyPlugin } from '@satupintu/plugin-sdk';

const dir = path.resolve('plugins');
const plugins: AgencyPlugin[] = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => {
    const r = lintPluginDir(path.join(dir, d.name), '0.1.0');
    assert.ok(r.ok, `${d.name}: ${JSON.stringify(r.issues.slice(0, 3))}`);
    return r.manifest!;
  });

describe('the ten agency plugins in plugins/', () => {
  it('lint clean and offer at least 40 services', () => {
    assert.deepEqual(plugins.map((p) => p.id).sort(), ['bapenda', 'bpjs-kesehatan', 'bpjs-ketenagakerjaan', 'bpn', 'djp', 'dpmptsp', 'dukcapil', 'imigrasi', 'polri', 'taspen']);
    assert.ok(plugins.reduce((n, p) => n + p.services.length, 0) >= 40);
  });

  it('point every journey link (fromService) at a real plugin, service and output', () => {
    const outputs = new Set(plugins.flatMap((p) => p.services.flatMap((s) => s.outputs.map((o) => `${p.id}/${s.code}/${o.code}`))));
    const links = plugins.flatMap((p) => p.services.flatMap((s) => s.documents.filter((d) => d.fromService).map((d) => ({ at: `${p.id}.${s.code}#${d.code}`, to: d.fromService! }))));
    assert.ok(links.length >= 2);
    for (const l of links) assert.ok(outputs.has(`${l.to.plugin}/${l.to.service}/${l.to.output}`), `${l.at} → ${JSON.stringify(l.to)}`);
  });

  it('keep vertical agencies’ fees locked and use Indonesian ID formats in forms', () => {
    for (const p of plugins.filter((x) => x.agency.kind === 'vertical'))
      for (const s of p.services) assert.ok(s.fee.locked && !s.overlayable.includes('fee'), `${p.id}.${s.code}`);
    const formats = new Set(JSON.stringify(plugins).match(/"format":"[a-z-]+"/g));
    for (const f of ['nik', 'nkk', 'npwp', 'phone-id', 'postal-code-id']) assert.ok(formats.has(`"format":"${f}"`), f);
  });

  it('carries the lost-KTP journey: Polri SKTLK into Disdukcapil KTP-el replacement, 14 days at most', () => {
    const ktp = plugins.find((p) => p.id === 'dukcapil')!.services.find((s) => s.code === 'ktpel-penggantian')!;
    const sktlk = ktp.documents.find((d) => d.fromService?.plugin === 'polri');
    assert.deepEqual(sktlk?.fromService, { plugin: 'polri', service: 'sktlk', output: 'sktlk', maxAgeDays: 14, prefill: { '/noSktlk': '/nomor', '/tglSktlk': '/tanggal' } });
    // Issue 23: the same 14 days as a validity rule on every path, from the police only; the fields it pre-fills are the ones Polri records.
    assert.deepEqual(sktlk?.validity?.maxAge, { value: 14, unit: 'days' });
    assert.deepEqual(sktlk?.validity?.issuer?.accept, ['polri']);
    const output = plugins.find((p) => p.id === 'polri')!.services.find((s) => s.code === 'sktlk')!.outputs.find((o) => o.code === 'sktlk')!;
    const recorded = Object.keys((output.data?.schema as { properties: object }).properties);
    for (const from of Object.values(sktlk!.fromService!.prefill!)) assert.ok(recorded.includes(from.slice(1)), `${from} is recorded by Polri`);
  });
});
