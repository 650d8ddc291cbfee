#!/usr/bin/env node
// Builds the web app (vite build) when packages/web/dist is missing or older than its sources, so
// a fresh clone's `npm install && npm start` serves the app, and a warm start costs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(web, 'dist', 'index.html');
const inputs = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  path.join(web, '..', 'forms', 'src', 'formats.ts'),
  path.join(web, '..', 'client', 'src', 'index.ts'),
  path.join(web, '..', 'core', 'data', 'wilayah-kab-kota.csv'),
];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

const force = process.argv.includes('--force');
const stale = force || !existsSync(built) || Math.max(...inputs.map(newest)) > statSync(built).mtimeMs;
if (!stale) process.exit(0);
const vite = path.join(path.dirname(createRequire(path.join(web, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
console.log('web: vite build (packages/web/dist)…');
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
process.exit(r.status ?? 1);
