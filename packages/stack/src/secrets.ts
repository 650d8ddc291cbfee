import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded stack's secrets: generated once per DATA_DIR, kept in `<dataDir>/secrets/<name>`
 * (directory 0700, files 0600), never fixed in the code. The same directory and format as the
 * server's `developmentSecret` (packages/server/src/secrets.ts).
 *
 * | file | what |
 * |---|---|
 * | `postgres-superuser.password` | the embedded cluster's superuser (`postgres`) |
 * | `app-db.password` | the app role's password when `APP_DB_PASSWORD` is not set |
 * | `s3-access-key-id`, `s3-secret-access-key` | the only key pair the embedded S3 accepts |
 */
export const secretsDirOf = (dataDir: string): string => path.join(dataDir, 'secrets');

export const SECRET_FILES = {
  postgresSuperuser: 'postgres-superuser.password',
  appDb: 'app-db.password',
  s3AccessKeyId: 's3-access-key-id',
  s3SecretAccessKey: 's3-secret-access-key',
} as const;

/** A random secret: `bytes` random bytes, base64url (no characters a URL or a shell must escape). */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

function fileOf(dataDir: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad secret name ${name}`);
  const dir = secretsDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return path.join(dir, name);
}

/** The secret's value, or undefined when the file does not exist (its mode is tightened to 0600 if it was looser). */
export function readSecret(dataDir: string, name: string): string | undefined {
  const file = fileOf(dataDir, name);
  if (!existsSync(file)) return undefined;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  return value || undefined;
}

/**
 * The secret `name` of this DATA_DIR: read when it exists, else made by `make` and linked into
 * place atomically, so processes starting at once (`npm start` and a CLI command) agree on one.
 */
export function readOrCreateSecret(dataDir: string, name: string, make: () => string = randomSecret): string {
  const existing = readSecret(dataDir, name);
  if (existing) return existing;
  const file = fileOf(dataDir, name);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${make()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readSecret(dataDir, name)!;
}

/** Replaces the secret `name` (0600, written to a temporary file and renamed over the old one). */
export function writeSecret(dataDir: string, name: string, value: string): void {
  const file = fileOf(dataDir, name);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${value}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

export function removeSecret(dataDir: string, name: string): void {
  const file = fileOf(dataDir, name);
  if (existsSync(file)) unlinkSync(file);
}
