import path from 'node:path';
import type { Command } from 'commander';
import { lintPluginDir, type LintIssue } from '@satupintu/plugin-sdk';
import { PLATFORM_VERSION } from '@satupintu/core';

export function printIssues(issues: LintIssue[]): void {
  for (const i of issues) console.error(`  ${i.file}${i.pointer ? `#${i.pointer}` : ''}\n    ${i.message.id}\n    ${i.message.en}`);
}

export function pluginLintCommand(plugin: Command): void {
  plugin
    .command('lint <dir...>')
    .description('Check plugin folders against the manifest meta-schema and the platform rules / periksa plugin')
    .action((dirs: string[]) => {
      let failed = 0;
      for (const dir of dirs) {
        const r = lintPluginDir(path.resolve(dir), PLATFORM_VERSION);
        if (r.ok) console.log(`✓ ${dir}: OK (${r.manifest!.id}@${r.manifest!.version}, ${r.manifest!.services.length} layanan/services)`);
        else {
          failed += 1;
          console.error(`✗ ${dir}: ${r.issues.length} masalah / problems`);
          printIssues(r.issues);
        }
      }
      if (failed) process.exitCode = 1;
    });
}
