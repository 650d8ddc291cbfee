import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SatupintuConfig } from '@satupintu/core';

/**
 * Secrets at rest (docs/security.md, "Data protection").
 *
 * - `developmentSecret(dataDir, name, make)`: a secret generated once per DATA_DIR and kept in
 *   `<dataDir>/secrets/<name>` (directory 0700, file 0600), so no development default is fixed in
 *   the code. Several processes starting at once agree on one value (the file is linked into place
 *   atomically; the loser reads the winner's).
 * - `DataKeyring`: AES-256-GCM under the data encryption key (`DATA_ENCRYPTION_KEY`, 32 bytes
 *   base64). A sealed value names the key that sealed it, so the key can be rotated: start with the
 *   new key as DATA_ENCRYPTION_KEY and the old one among the previous keys (development:
 *   `<dataDir>/secrets/data-encryption.previous`, one base64 key a line); every sealed value whose
 *   key id is not the current one is re-sealed by its owner (the complaint webhook re-seals within
 *   a minute, in the `complaints.escalate` sweep); once none is left under the old key id, drop it.
 *   Production without DATA_ENCRYPTION_KEY is refused; development generates one per DATA_DIR.
 */

const SEALED = /^v1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

/** One data encryption key and its id (a digest of the key: the same key always has the same id). */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/** A base64 32-byte key and its id; throws on anything else. */
export function dataKeyOf(base64: string): DataKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('a data encryption key is 32 bytes, base64');
  return { id: createHash('sha256').update('satupintu data key id\0').update(key).digest('hex').slice(0, 16), key };
}

/** Seals and opens small secrets (webhook secrets, tokens) with AES-256-GCM; the caller's `context` (e.g. `complaint-webhook:<tenant id>`) is bound as associated data, so a value copied to another row does not open. */
export class DataKeyring {
  private readonly keys: ReadonlyMap<string, DataKey>;

  constructor(
    readonly current: DataKey,
    previous: readonly DataKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map((k) => [k.id, k]));
  }

  /** `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url). */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', this.current.id, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The plaintext; throws when the value is not sealed, its key is unknown, or it was sealed for another context or altered. */
  open(sealed: string, context: string): string {
    const m = SEALED.exec(sealed);
    if (!m) throw new Error('not a sealed value');
    const k = this.keys.get(m[1]!);
    if (!k) throw new Error(`sealed under an unknown data key (${m[1]}): configure it among the previous keys`);
    const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(m[2]!, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(m[4]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(m[3]!, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The id of the key a sealed value names (undefined when it is not sealed). */
  static keyIdOf(sealed: string): string | undefined {
    return SEALED.exec(sealed)?.[1];
  }
}

/** The file of a per-DATA_DIR secret. */
export const secretsDirOf = (dataDir: string) => path.join(dataDir, 'secrets');

/**
 * A secret made once for this DATA_DIR and kept in `<dataDir>/secrets/<name>` (0600): read when it
 * exists, else made by `make` and linked into place atomically (concurrent starts agree on one).
 * Development only: production configures its secrets (the production checks refuse defaults).
 */
export function developmentSecret(dataDir: string, name: string, make: () => string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad secret name ${name}`);
  const dir = secretsDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, `${make()}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  // Whatever made it, it is readable by this user only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/**
 * The data keyring of this configuration: DATA_ENCRYPTION_KEY when set (production requires it);
 * in development without it, a key generated for the DATA_DIR
 * (`<dataDir>/secrets/data-encryption.key`). Previous keys (to open values sealed before a
 * rotation): `previousKeys`, and in development `<dataDir>/secrets/data-encryption.previous`.
 */
export function dataKeyring(config: Pick<SatupintuConfig, 'env' | 'dataDir' | 'dataEncryptionKey'>, opts: { previousKeys?: readonly string[] } = {}): DataKeyring {
  let current: string;
  const previous = [...(opts.previousKeys ?? [])];
  if (config.dataEncryptionKey) current = config.dataEncryptionKey;
  else if (config.env === 'production') throw new Error('DATA_ENCRYPTION_KEY is required in production (32 random bytes, base64)');
  else current = developmentSecret(config.dataDir, 'data-encryption.key', () => randomBytes(32).toString('base64'));
  const previousFile = path.join(secretsDirOf(config.dataDir), 'data-encryption.previous');
  if (config.env !== 'production' && existsSync(previousFile)) previous.push(...readFileSync(previousFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  return new DataKeyring(dataKeyOf(current), previous.map(dataKeyOf));
}
