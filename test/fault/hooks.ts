import { freePort } from '@satupintu/stack';
import { ApiProcess, SHORT, cleanupAll, ms, startStack, type Stack } from './harness.js';
import { measure, outcome, writeReport } from './report.js';

/**
 * Root hooks of `npm run test:reliability`: one harness stack (PostgreSQL + S3) for the run, a
 * watchdog that ends the run if it overruns, and the report written at the end whatever happened.
 */
const g = globalThis as { __satupintuReliabilityStack?: Promise<Stack> };
export const sharedStack = (): Promise<Stack> => (g.__satupintuReliabilityStack ??= startStack());
const a = globalThis as { __satupintuReliabilityApi?: Promise<ApiProcess> };
/** The API child process the fault scenarios share (scenarios may kill and restart it). */
export const sharedApi = (): Promise<ApiProcess> =>
  (a.__satupintuReliabilityApi ??= (async () => {
    const stack = await sharedStack();
    const api = new ApiProcess(await freePort(), stack.env);
    measure('Harness', 'API start on a fresh database (migrations, seed) until /readyz green', ms(await api.start()));
    return api;
  })());

const budgetMs = Number(process.env.RELIABILITY_BUDGET_SECONDS ?? (SHORT ? 600 : 3600)) * 1000;
let watchdog: NodeJS.Timeout | undefined;

export const mochaHooks = {
  beforeAll(this: Mocha.Context) {
    watchdog = setTimeout(() => {
      console.error(`reliability run exceeded its budget of ${budgetMs / 1000} s: stopping`);
      void cleanupAll().finally(() => {
        writeReport();
        process.exit(2);
      });
    }, budgetMs);
    watchdog.unref();
  },
  afterEach(this: Mocha.Context) {
    const t = this.currentTest;
    if (!t) return;
    const title = t.parent?.title ?? t.title;
    outcome(title, t.state === 'passed' ? 'passed' : t.state === 'failed' ? 'failed' : 'pending', t.err?.message);
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(120_000);
    clearTimeout(watchdog);
    await cleanupAll();
    console.log(`report written: ${writeReport()}`);
  },
};
