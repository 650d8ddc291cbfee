import { mkdirSync, writeFileSync } from 'node:fs';
import { sharedContractReport, startSharedPlatform, stopSharedPlatform } from '@satupintu/testkit';

/**
 * Mocha root hooks: one platform on the embedded stack (or configured servers) for the run, with
 * the contract recorder watching every response. After the run: any response that broke the
 * OpenAPI document fails the run; with CONTRACT_COVERAGE=1 (npm test, the whole suite) so does
 * any operation no test made answer a success.
 */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    await startSharedPlatform();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    const report = sharedContractReport();
    await stopSharedPlatform();
    if (!report) return;
    mkdirSync('.ci/work', { recursive: true });
    writeFileSync('.ci/work/contract-report.json', JSON.stringify(report, null, 2));
    const problems: string[] = [];
    if (report.violations.length) problems.push(`${report.violations.length} response(s) broke the OpenAPI document:\n  ${[...new Set(report.violations)].slice(0, 60).join('\n  ')}`);
    if (process.env.CONTRACT_COVERAGE === '1' && report.uncovered.length)
      problems.push(`${report.uncovered.length} of ${report.operations} operation(s) never answered a success in the suites:\n  ${report.uncovered.join('\n  ')}`);
    console.log(`\n  contract: ${report.checked} responses checked; ${report.covered.length}/${report.operations} operations answered a success`);
    if (problems.length) throw new Error(`API contract:\n${problems.join('\n')}`);
  },
};
