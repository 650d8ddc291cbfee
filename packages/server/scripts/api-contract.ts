/**
 * The API contract on disk (docs/openapi.json) against the code.
 *
 *   npm run api:doc                         write docs/openapi.json from the routes (refuses a breaking change)
 *   npm run api:doc -- --breaking "reason"  write it anyway, recording the change in docs/api-changes.md
 *   npm run api:check                       CI: fail when the code answers anything the committed document does not say
 *
 * Breaking changes are classified by Optic's OpenAPI diff (infra/api-diff, installed on demand):
 * a removed operation, a new required parameter, a response member made optional or removed…
 * docs/adr/0020-http-contract.md says why this tool and this workflow.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from '../src/http/document.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const committedPath = path.join(root, 'docs/openapi.json');
const changesPath = path.join(root, 'docs/api-changes.md');
const clientSchemaPath = path.join(root, 'packages/client/src/schema.ts');
const diffTool = path.join(root, 'infra/api-diff');
const optic = path.join(diffTool, 'node_modules/.bin/optic');

const render = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** The client's types, generated from a document by openapi-typescript. */
async function clientTypes(doc: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(doc) as never);
  return `/**\n * Generated from docs/openapi.json by openapi-typescript (npm run api:doc). Do not edit.\n */\n\n${astToString(ast)}`;
}

function ensureOptic(): void {
  if (existsSync(optic)) return;
  console.log('installing the diff tool (infra/api-diff)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: diffTool, stdio: 'inherit' });
}

type Doc = { openapi: string; info: unknown; paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** The `#/components/…` a value refers to, and what those refer to in turn. */
function reachable(doc: Doc, value: unknown, seen = new Set<string>()): Set<string> {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/') && !seen.has(x)) {
          seen.add(x);
          const [, , kind, name] = x.split('/');
          visit(doc.components[kind!]?.[name!]);
        } else visit(x);
      }
    }
  };
  visit(value);
  return seen;
}

/** Each operation with everything it refers to, as one comparable text. */
function signatures(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const refs = [...reachable(doc, op)].sort();
      out.set(`${method} ${path}`, JSON.stringify([op, refs.map((r) => [r, doc.components[r.split('/')[2]!]?.[r.split('/')[3]!]])]));
    }
  return out;
}

/** The part of a document the given operations need: those operations and the components they reach. */
function slice(doc: Doc, keys: Set<string>): Doc {
  const paths: Doc['paths'] = {};
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) if (keys.has(`${method} ${path}`)) (paths[path] ??= {})[method] = op;
  const components: Doc['components'] = { securitySchemes: doc.components.securitySchemes ?? {} };
  for (const ref of reachable(doc, paths)) {
    const [, , kind, name] = ref.split('/');
    (components[kind!] ??= {})[name!] = doc.components[kind!]![name!];
  }
  return { openapi: doc.openapi, info: doc.info, paths, components };
}

/**
 * Optic's verdict on going from `before` to `after`: its report, and whether it found a breaking
 * change. Optic takes minutes over the whole ~1 MB document, so only the operations whose
 * declaration (with everything it refers to) changed are given to it, each side with the
 * components those operations reach.
 */
function classify(beforeText: string, afterText: string): { breaking: boolean; report: string } {
  const before = JSON.parse(beforeText) as Doc;
  const after = JSON.parse(afterText) as Doc;
  const a = signatures(before);
  const b = signatures(after);
  const changed = new Set([...a.keys(), ...b.keys()].filter((k) => a.get(k) !== b.get(k)));
  const outside = JSON.stringify({ ...before, paths: undefined, components: undefined }) !== JSON.stringify({ ...after, paths: undefined, components: undefined });
  if (!changed.size) return { breaking: false, report: outside ? 'only the document’s description changed' : 'no operation changed' };
  return runOptic(render(slice(before, changed)), render(slice(after, changed)));
}

function runOptic(before: string, after: string): { breaking: boolean; report: string } {
  ensureOptic();
  const dir = mkdtempSync(path.join(tmpdir(), 'api-diff-'));
  try {
    const a = path.join(dir, 'before.json');
    const b = path.join(dir, 'after.json');
    writeFileSync(a, before);
    writeFileSync(b, after);
    const r = spawnSync(optic, ['diff', a, b, '--check', '--severity', 'error'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', CI: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    const report = `${r.stdout}${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '').replaceAll(dir + path.sep, '');
    if (/invalid openapi/i.test(report)) throw new Error(`the diff tool refused a document:\n${report}`);
    return { breaking: r.status !== 0, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function breakingLines(report: string): string[] {
  return report
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /This is a breaking change|^x \[/.test(l) || /^x (GET|POST|PUT|PATCH|DELETE) /.test(l));
}

/** `diff <before.json> <after.json>`: the verdict on any two documents (e.g. a released one and today's). */
function diffFiles(files: string[]): number {
  if (files.length !== 2) return 2;
  const { breaking, report } = classify(readFileSync(files[0]!, 'utf8'), readFileSync(files[1]!, 'utf8'));
  console.log(report);
  return breaking ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'diff') return diffFiles(rest);
  const generated = render(apiDocument());
  const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : undefined;

  if (command === 'write') {
    const reasonAt = rest.indexOf('--breaking');
    const reason = reasonAt >= 0 ? rest[reasonAt + 1] : undefined;
    if (committed && committed !== generated) {
      const { breaking, report } = classify(committed, generated);
      if (breaking) {
        if (!reason) {
          console.error(report);
          console.error('\nThese changes break existing clients of /api/v1 (docs/api-stability.md). Prefer an addition and a deprecation.');
          console.error('To make the change deliberately, run: npm run api:doc -- --breaking "why, and what clients must do"');
          return 1;
        }
        const day = new Date().toISOString().slice(0, 10);
        appendFileSync(changesPath, `\n## ${day} — breaking: ${reason}\n\n${breakingLines(report).map((l) => `- ${l}`).join('\n')}\n`);
        console.log(`recorded in ${path.relative(root, changesPath)}`);
      }
    }
    writeFileSync(committedPath, generated);
    writeFileSync(clientSchemaPath, await clientTypes(generated));
    console.log(`wrote ${path.relative(root, committedPath)} (${Object.keys(JSON.parse(generated).paths).length} paths) and ${path.relative(root, clientSchemaPath)}`);
    return 0;
  }

  if (command === 'check') {
    if (!committed) {
      console.error('docs/openapi.json is missing: run npm run api:doc');
      return 1;
    }
    if (committed === generated) {
      const types = existsSync(clientSchemaPath) ? readFileSync(clientSchemaPath, 'utf8') : '';
      if (types !== (await clientTypes(committed))) {
        console.error('packages/client/src/schema.ts does not match docs/openapi.json: run npm run api:doc');
        return 1;
      }
      console.log('api contract: docs/openapi.json and the client types match the code');
      return 0;
    }
    const { breaking, report } = classify(committed, generated);
    console.error(report);
    if (breaking)
      console.error(
        '\nBREAKING: the code answers differently from the committed contract in a way existing clients notice, and the change is not recorded.\nRun npm run api:doc -- --breaking "reason" (it records the change in docs/api-changes.md) — or better, keep the old shape and add the new one.',
      );
    else console.error('\nThe code adds to the API but docs/openapi.json (and the generated client) do not say so yet: run npm run api:doc and commit the result.');
    return 1;
  }

  console.error('usage: api-contract.ts write [--breaking "reason"] | check | diff <before.json> <after.json>');
  return 2;
}

process.exitCode = await main();
