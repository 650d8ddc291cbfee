import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_LIMITS } from './limits.js';
import type { AgencyPlugin, LintIssue } from './types.js';

/** Where each part of the assembled manifest came from, to report issues by file. */
export interface SourceMap {
  pluginFile: string;
  /** service index → its files */
  services: { code: string; serviceFile: string; formFile: string; sopFile: string }[];
}

export interface LoadedPlugin {
  manifest?: AgencyPlugin;
  sources: SourceMap;
  issues: LintIssue[];
}

function readJson(file: string, issues: LintIssue[], rel: string): unknown {
  if (!existsSync(file)) {
    issues.push({ file: rel, pointer: '', message: { id: 'Berkas tidak ada.', en: 'File is missing.' } });
    return undefined;
  }
  const size = statSync(file).size;
  if (size > MANIFEST_LIMITS.maxFileBytes) {
    issues.push({
      file: rel,
      pointer: '',
      message: { id: `Berkas terlalu besar (${size} byte, maks ${MANIFEST_LIMITS.maxFileBytes}).`, en: `File too large (${size} bytes, max ${MANIFEST_LIMITS.maxFileBytes}).` },
    });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    issues.push({ file: rel, pointer: '', message: { id: `JSON tidak sah: ${(e as Error).message}`, en: `Invalid JSON: ${(e as Error).message}` } });
    return undefined;
  }
}

/**
 * Reads a plugin folder: `plugin.json` lists service codes; each service lives in
 * `services/<code>/` as `service.json` (everything but the form schema and SOP),
 * `form.schema.json` (the JSON Schema of the form data) and `sop.json`. Returns the assembled
 * manifest that is linted, hashed and published.
 */
export function loadPluginDir(dir: string): LoadedPlugin {
  const issues: LintIssue[] = [];
  const rel = (f: string) => path.relative(dir, f) || f;
  const pluginFile = path.join(dir, 'plugin.json');
  const sources: SourceMap = { pluginFile: 'plugin.json', services: [] };
  const root = readJson(pluginFile, issues, 'plugin.json') as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    if (root !== undefined) issues.push({ file: 'plugin.json', pointer: '', message: { id: 'Harus berupa objek JSON.', en: 'Must be a JSON object.' } });
    return { sources, issues };
  }
  const codes = root.services;
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && /^[a-z][a-z0-9-]{1,62}$/.test(c))) {
    issues.push({
      file: 'plugin.json',
      pointer: '/services',
      message: { id: 'Daftar kode layanan (folder di services/).', en: 'Must list service codes (folders under services/).' },
    });
    return { sources, issues };
  }
  const services: unknown[] = [];
  for (const code of codes as string[]) {
    const base = path.join(dir, 'services', code);
    const files = { code, serviceFile: rel(path.join(base, 'service.json')), formFile: rel(path.join(base, 'form.schema.json')), sopFile: rel(path.join(base, 'sop.json')) };
    sources.services.push(files);
    const service = readJson(path.join(base, 'service.json'), issues, files.serviceFile) as Record<string, unknown> | undefined;
    const form = readJson(path.join(base, 'form.schema.json'), issues, files.formFile);
    const sop = readJson(path.join(base, 'sop.json'), issues, files.sopFile);
    if (!service || typeof service !== 'object') continue;
    if (service.code !== undefined && service.code !== code)
      issues.push({ file: files.serviceFile, pointer: '/code', message: { id: `Kode harus sama dengan nama folder (${code}).`, en: `Code must equal the folder name (${code}).` } });
    const { ui, identity } = (service.form as { ui?: unknown; identity?: unknown } | undefined) ?? {};
    services.push({ ...service, code, form: { schema: form, ui, ...(identity !== undefined ? { identity } : {}) }, sop });
  }
  if (issues.length) return { sources, issues };
  return { manifest: { ...(root as object), services } as AgencyPlugin, sources, issues };
}

/** Maps a pointer into the assembled manifest back to the file and pointer an author edits. */
export function locate(sources: SourceMap | undefined, pointer: string): { file: string; pointer: string } {
  const m = /^\/services\/(\d+)(\/.*)?$/.exec(pointer);
  if (!sources || !m) return { file: sources?.pluginFile ?? 'manifest', pointer };
  const s = sources.services[Number(m[1])];
  if (!s) return { file: sources.pluginFile, pointer };
  const rest = m[2] ?? '';
  if (rest.startsWith('/form/schema')) return { file: s.formFile, pointer: rest.slice('/form/schema'.length) };
  if (rest.startsWith('/sop')) return { file: s.sopFile, pointer: rest.slice('/sop'.length) };
  return { file: s.serviceFile, pointer: rest };
}
