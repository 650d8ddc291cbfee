import { createHook } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sharedContractReport, startSharedPlatform, stopSharedPlatform } from '@satupintu/testkit';

/**
 * These suites run without mocha's --exit, so a handle left open (a server, a socket, a timer, a
 * child process) keeps the process alive and shows a shutdown that is not clean. Once the platform
 * has stopped, an unref'd timer waits a little: if the process is still here, it names what holds
 * it and exits 1, so a leak fails the run in seconds instead of hanging CI until its deadline.
 */
/**
 * TEST_TRACE_TIMERS=1: where each live timer was made (an async hook records the stack of every
 * Timeout until it fires or is cleared), so the report above can name a leaked timer's maker.
 * Off by default: a stack per timer slows the suites.
 */
const timers = new Map<number, { stack: string; timer: { hasRef?(): boolean; _idleTimeout?: number; _repeat?: number | null } }>();
if (process.env.TEST_TRACE_TIMERS === '1')
  createHook({
    init(id, type, _trigger, resource) {
      if (type === 'Timeout') timers.set(id, { stack: new Error().stack ?? '', timer: resource as never });
    },
    destroy(id) {
      timers.delete(id);
    },
  }).enable();

function liveTimers(): string[] {
  return [...timers.values()]
    .filter((t) => t.timer.hasRef?.() !== false && (t.timer._idleTimeout ?? 0) >= 0)
    .map((t) => `timer ${t.timer._idleTimeout} ms${t.timer._repeat ? ' (repeating)' : ''} made at\n${t.stack.split('\n').slice(1).filter((l) => !/node:(internal|timers)/.test(l)).slice(0, 10).map((l) => `        ${l.trim()}`).join('\n')}`);
}

function reportWhatKeepsTheProcess(graceMs = Number(process.env.TEST_EXIT_GRACE_MS ?? 30_000)) {
  const timer = setTimeout(() => {
    const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
    const described = handles
      .map((h) => describeHandle(h))
      .filter((d): d is string => d !== null);
    const resources = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    console.error(
      `\n  the test process did not exit ${graceMs / 1000} s after the platform stopped; still open:\n` +
        `    resources: ${resources.join(', ') || '(none reported)'}\n` +
        [...described, ...liveTimers()].map((d) => `    ${d}`).join('\n'),
    );
    // mocha (without --exit) sets the exit code to the failure count in its own 'exit' listener;
    // this one, added later, runs after it.
    process.on('exit', () => {
      process.exitCode = 1;
    });
    process.exit(1);
  }, graceMs);
  timer.unref();
}

function describeHandle(h: unknown): string | null {
  const name = (h as object)?.constructor?.name ?? typeof h;
  if (h === process.stdout || h === process.stderr || h === process.stdin) return null;
  const any = h as Record<string, any>;
  if (name === 'Socket') {
    if (any.remotePort) return `socket ${any.localAddress}:${any.localPort} -> ${any.remoteAddress}:${any.remotePort}`;
    return `socket ${any._handle?.constructor?.name ?? ''} fd ${any._handle?.fd ?? '?'}`;
  }
  if (name === 'Server') {
    const a = typeof any.address === 'function' ? any.address() : null;
    return `server listening on ${a && typeof a === 'object' ? `${a.address}:${a.port}` : String(a)}`;
  }
  if (name === 'ChildProcess') return `child process ${any.pid}: ${(any.spawnargs ?? []).join(' ').slice(0, 200)}`;
  return name;
}

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
    reportWhatKeepsTheProcess();
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
