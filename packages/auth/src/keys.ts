import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonWebKey } from 'node:crypto';

export interface IssuerSecrets {
  /** Private RS256 signing keys, newest first (older ones stay published to verify tokens in flight). */
  keys: (JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' })[];
  cookieKeys: string[];
}

export function newSigningKey(): IssuerSecrets['keys'][number] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Keys survive restarts (in DATA_DIR, mode 0600), so tokens stay valid across `npm start`s. */
export function loadOrCreateSecrets(dir: string): IssuerSecrets {
  const file = path.join(dir, 'issuer-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as IssuerSecrets;
  const secrets: IssuerSecrets = { keys: [newSigningKey()], cookieKeys: [randomBytes(32).toString('base64url')] };
  saveSecrets(dir, secrets);
  return secrets;
}

export function saveSecrets(dir: string, secrets: IssuerSecrets): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, 'issuer-secrets.json'), JSON.stringify(secrets), { mode: 0o600 });
}
