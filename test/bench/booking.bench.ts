/**
 * 200 simultaneous booking requests for a 20-person session (exactly 20 confirmed), timed against
 * a plain baseline in the same run: 200 simultaneous single-row inserts into the same database
 * through the same app role and tenant context. Median of 5 rounds.
 *   node --import tsx test/bench/booking.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { identityFromClaims } from '@satupintu/auth';
import { benchPlatform } from './fixtures.js';

const { platform, tenant, dataDir } = await benchPlatform();
const { installations, appointments } = platform.services;
const t = await platform.context({ tenant });
await installations.install(t, 'imigrasi', '1.1.0', 'bench');
// Every weekday, one 20-person session: enough sessions for the rounds.
await installations.setOverlay(t, 'imigrasi', 'paspor-baru', { schedule: { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 1 } }, 'bench');
const sessions = await appointments.sessions(t, 'imigrasi.paspor-baru', { days: 14 });
const as = (identity: ReturnType<typeof identityFromClaims>) => platform.context({ tenant, identity });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bookingRounds: number[] = [];
const baselineRounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const session = sessions[round]!;
  const people = Array.from({ length: 200 }, (_, i) => identityFromClaims({ sub: `b-${round}-${i}-${randomUUID()}`, realm_access: { roles: ['citizen'] } }));
  let t0: number;
  const ctxs = await Promise.all(people.map(as));
  t0 = performance.now();
  const results = await Promise.allSettled(ctxs.map((c) => appointments.book(c, session.id, {})));
  bookingRounds.push(performance.now() - t0);
  const confirmed = results.filter((r) => r.status === 'fulfilled').length;
  if (confirmed !== 20) throw new Error(`round ${round}: ${confirmed} confirmed`);
  t0 = performance.now();
  await Promise.all(ctxs.map((c) => platform.kernel.uow.write(c, (tx) => tx.sql.exec(`insert into audit_events (tenant_id, id, actor, action) values ($1, gen_random_uuid(), $2, 'bench.baseline')`, [c.tenant.id, c.identity.subject]))));
  baselineRounds.push(performance.now() - t0);
}
console.log('200 simultaneous bookings of a 20-person session vs 200 simultaneous plain inserts (5 rounds, same run)');
console.table([
  { case: 'book (exactly 20 confirmed, 180 SESSION_FULL)', medianMs: Math.round(median(bookingRounds)), roundsMs: bookingRounds.map(Math.round).join(' ') },
  { case: 'baseline: plain insert ×200', medianMs: Math.round(median(baselineRounds)), roundsMs: baselineRounds.map(Math.round).join(' ') },
]);
await platform.stop();
rmSync(dataDir, { recursive: true, force: true });
