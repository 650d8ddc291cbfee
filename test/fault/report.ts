import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODE } from './harness.js';

interface Figure {
  metric: string;
  value: string;
}
interface Section {
  title: string;
  figures: Figure[];
  outcome?: 'passed' | 'failed' | 'pending';
  failure?: string;
}

// On globalThis: mocha may load this module twice (once for the root hooks, once for the specs).
const shared = ((globalThis as { __satupintuReliabilityReport?: { sections: Map<string, Section>; startedAt: Date } }).__satupintuReliabilityReport ??= {
  sections: new Map<string, Section>(),
  startedAt: new Date(),
});
const { sections, startedAt } = shared;

/** Records one measured figure of a scenario (shown in docs/reliability.md in order of recording). */
export function measure(scenario: string, metric: string, value: string | number): void {
  const s = sections.get(scenario) ?? { title: scenario, figures: [] };
  s.figures.push({ metric, value: typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value });
  sections.set(scenario, s);
}

export function outcome(scenario: string, state: Section['outcome'], failure?: string): void {
  const s = sections.get(scenario) ?? { title: scenario, figures: [] };
  // A scenario with several tests is failed if any of them failed.
  if (s.outcome === 'failed') return;
  s.outcome = state;
  if (failure && state === 'failed') s.failure = failure.split('\n')[0]!.slice(0, 300);
  sections.set(scenario, s);
}

const esc = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Writes the report (RELIABILITY_REPORT or docs/reliability.md): every figure measured in this run. */
export function writeReport(): string {
  const file = path.resolve(process.env.RELIABILITY_REPORT ?? 'docs/reliability.md');
  const cpus = os.cpus();
  const lines = [
    '# Reliability and security proof — measured results',
    '',
    'Written by `npm run test:reliability` (test/fault, test/fuzz) on every run; the figures below are',
    'what that run measured, nothing is typed in by hand. How the suite works and what each scenario',
    'proves: test/fault/README.md. Design choices: docs/adr/0012-rate-limits-and-storage-outages.md.',
    '',
    '| run | |',
    '|---|---|',
    `| mode | ${MODE}${MODE === 'short' ? ' (RELIABILITY_SHORT=1)' : ''} |`,
    `| started | ${startedAt.toISOString()} |`,
    `| duration | ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s |`,
    `| machine | ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()} |`,
    `| node | ${process.version} |`,
    '',
  ];
  for (const s of sections.values()) {
    lines.push(`## ${s.title}`, '', s.outcome ? `Outcome: **${s.outcome}**${s.failure ? ` — ${esc(s.failure)}` : ''}` : 'Set-up figures (no assertion of their own).', '');
    if (s.figures.length) {
      lines.push('| measure | value |', '|---|---|');
      for (const f of s.figures) lines.push(`| ${esc(f.metric)} | ${esc(f.value)} |`);
      lines.push('');
    }
  }
  writeFileSync(file, lines.join('\n'));
  return file;
}
