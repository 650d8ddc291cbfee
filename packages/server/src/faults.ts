/**
 * Fault points for the reliability suites (test/fault): `SATUPINTU_FAULT=<point>` makes the process
 * kill itself with SIGKILL at that point, as a crash would. Unset in normal runs.
 */
export function faultPoint(point: 'after-object-write'): void {
  if (process.env.SATUPINTU_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
