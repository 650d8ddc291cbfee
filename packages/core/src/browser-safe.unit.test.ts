import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

// The web app imports @satupintu/core as is (no shim): its code may use nothing that only Node has.
describe('@satupintu/core is browser-safe', () => {
  it('imports no Node built-in and touches no Node global outside tests', () => {
    const dir = new URL('./', import.meta.url);
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      const lines = src.split('\n');
      lines.forEach((line, i) => {
        if (/from ['"](node:|fs|path|crypto|os|url|stream)['"]/.test(line) || /\b(Buffer|__dirname|require)\b|\bprocess\.(env|cwd)/.test(line.replace(/\/\/.*$/, '')))
          offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
});
