/**
 * The session-opening rush: 10,000 booking attempts for one 20-seat passport session within 10 s,
 * against one API process over HTTP, from 2,000 different citizens (each a real RS256 token of the
 * platform's issuer) trying up to five times each, 64 in flight. Checks: exactly 20 seats taken
 * (in the database), first come first served (no attempt sent after someone had been told the
 * session is full got a seat), no 5xx, and p99 ≤ 1 s. The load comes from a worker thread.
 *   node --import tsx test/bench/rush.bench.ts [attempts] [people]
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SignJWT, importJWK } from 'jose';
import { claimsOf, tokenFor } from '@satupintu/testkit';
import { tsxWorker } from '@satupintu/server';
import { benchPlatform, percentile } from './fixtures.js';

const attempts = Number(process.argv[2] ?? 10_000);
const people = Number(process.argv[3] ?? 2_000);
const { platform, tenant, dataDir } = await benchPlatform();
try {
  const t = await platform.context({ tenant });
  const { installations, appointments } = platform.services;
  await installations.install(t, 'imigrasi', '1.1.0', 'bench');
  await installations.setOverlay(t, 'imigrasi', 'paspor-baru', { schedule: { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 1 } }, 'bench');
  const [session] = await appointments.sessions(t, 'imigrasi.paspor-baru', { days: 7 });
  if (!session || session.onlineCapacity !== 20) throw new Error('no 20-seat session');

  // Citizens: the claims of a real citizen token, each with its own subject, signed with the
  // embedded issuer's key (the API verifies them against the issuer's JWKS as any other).
  const template = claimsOf(await tokenFor(platform, 'warga.kbb'));
  const secrets = JSON.parse(readFileSync(path.join(dataDir, 'issuer', 'issuer-secrets.json'), 'utf8')) as { keys: (Record<string, string> & { kid: string })[] };
  const jwk = secrets.keys[0]!;
  const key = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < people; i++) {
    const sub = `rush-${i}-${crypto.randomUUID()}`;
    tokens.push(await new SignJWT({ ...template, sub, preferred_username: `warga-${i}`, name: `Warga ${i}`, jti: crypto.randomUUID(), sid: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key));
  }
  const url = `${platform.url}/api/v1/tenants/${tenant}/sessions/${session.id}/bookings`;
  // RUSH_PROFILE=<file>: a CPU profile of the API's thread during the rush.
  const profiler = process.env.RUSH_PROFILE ? new (await import('node:inspector/promises')).Session() : undefined;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  const worker: Worker = tsxWorker(new URL('./rush-load.ts', import.meta.url), { workerData: { url, tokens, attempts, concurrency: 64, seconds: 10 } });
  const result = await new Promise<{ ms: number; results: { person: number; sentAt: number; doneAt: number; status: number; code?: string }[] }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (profiler) (await import('node:fs')).writeFileSync(process.env.RUSH_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));

  const byStatus: Record<string, number> = {};
  for (const r of result.results) byStatus[r.code ? `${r.status} ${r.code}` : String(r.status)] = (byStatus[`${r.code ? `${r.status} ${r.code}` : r.status}`] ?? 0) + 1;
  const won = result.results.filter((r) => r.status === 201);
  const firstFull = Math.min(...result.results.filter((r) => r.code === 'SESSION_FULL').map((r) => r.doneAt));
  const lateWinners = won.filter((r) => r.sentAt > firstFull).length;
  const seats = await platform.kernel.uow.read(t, (tx) => tx.sql.one<{ booked: number; bookings: number }>(`select s.booked_online as booked, (select count(*)::int from bookings b where b.session_id = s.id and b.status = 'booked') as bookings from sessions s where s.id = $1`, [session.id]));
  const latencies = result.results.map((r) => r.doneAt - r.sentAt).sort((a, b) => a - b);
  const fiveXX = result.results.filter((r) => r.status >= 500 || r.status === 0).length;
  // The crowd arrives paced over 10 s; a server that cannot keep up makes the last ones leave late.
  const lastSent = Math.max(...result.results.map((r) => r.sentAt)) - Math.min(...result.results.map((r) => r.sentAt));
  console.log(`rush: ${result.results.length.toLocaleString('en')} booking attempts by ${people.toLocaleString('en')} citizens for one 20-seat session, sent over ${(lastSent / 1000).toFixed(2)} s, all answered in ${(result.ms / 1000).toFixed(2)} s`);
  console.table([{ seatsTaken: seats.booked, bookingRows: seats.bookings, winners: won.length, distinctWinners: new Set(won.map((r) => r.person)).size, lateWinners, fiveXX, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies.at(-1) ?? 0) }]);
  console.table(byStatus);
  const ok = seats.booked === 20 && seats.bookings === 20 && won.length === 20 && lateWinners === 0 && fiveXX === 0 && percentile(latencies, 99) <= 1000 && lastSent <= 10_250;
  console.log(ok ? 'rush: exactly 20 seats, first come first served, no 5xx, p99 ≤ 1 s, within 10 s' : 'rush: TARGET NOT MET');
  if (!ok) process.exitCode = 1;
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
