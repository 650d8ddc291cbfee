import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { isDatabaseUnavailable, problemHandler } from './problem.js';

describe('problem mapper: database outages', () => {
  it('recognises connection failures as pg and TypeORM report them, and nothing else', () => {
    const pgShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    assert.equal(isDatabaseUnavailable(pgShutdown), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' })), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })), true);
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
    // TypeORM's QueryFailedError keeps pg's error as driverError.
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: pgShutdown })), true);
    const released = new Error('Query runner already released. Cannot run queries anymore.');
    released.name = 'QueryRunnerAlreadyReleasedError';
    assert.equal(isDatabaseUnavailable(released), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
    assert.equal(isDatabaseUnavailable(new TypeError('x is undefined')), false);
  });

  it('answers 503 DATABASE_UNAVAILABLE problem+json with Retry-After instead of 500', async () => {
    const app = express();
    app.get('/down', () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    app.get('/bug', () => {
      throw new TypeError('x is undefined');
    });
    app.use(problemHandler);
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const down = await fetch(`${base}/down`, { headers: { 'accept-language': 'en' } });
      assert.equal(down.status, 503);
      assert.equal(down.headers.get('retry-after'), '5');
      assert.match(down.headers.get('content-type') ?? '', /application\/problem\+json/);
      const body = (await down.json()) as { code: string; title: string; i18n: { id: { title: string } } };
      assert.equal(body.code, 'DATABASE_UNAVAILABLE');
      assert.equal(body.title, 'The database is unavailable');
      assert.equal(body.i18n.id.title, 'Basis data sedang tidak tersedia');
      assert.equal((await fetch(`${base}/bug`)).status, 500);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
