import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { SECRET_FILES, randomSecret, readOrCreateSecret } from './secrets.js';
import { verifySigV4, type SigV4Credentials } from './sigv4.js';

export interface EmbeddedS3Handle {
  endpoint: string;
  /** The only key pair this server accepts (generated per DATA_DIR unless given). */
  credentials: SigV4Credentials;
  stop(): Promise<void>;
}

// s3rver's account registry: a request signed with a key it does not know is refused by s3rver itself.
const require = createRequire(import.meta.url);
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };

/** The embedded S3's key pair of a DATA_DIR: `secrets/s3-access-key-id` and `secrets/s3-secret-access-key` (0600), made on first use. */
export function embeddedS3Credentials(dataDir: string): SigV4Credentials {
  return {
    // AWS-shaped (20 upper-case characters), so tools that check the format accept it.
    accessKeyId: readOrCreateSecret(dataDir, SECRET_FILES.s3AccessKeyId, () => `SPDEV${randomSecret(12).replace(/[^A-Za-z0-9]/g, '').toUpperCase().padEnd(15, 'X').slice(0, 15)}`),
    secretAccessKey: readOrCreateSecret(dataDir, SECRET_FILES.s3SecretAccessKey, () => randomSecret(30)),
  };
}

function xmlError(res: http.ServerResponse, status: number, code: string, message: string) {
  const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error>`);
}

/**
 * An S3-compatible server in this process (s3rver), files under `<dataDir>/s3`. The platform only
 * ever talks to it through @aws-sdk/client-s3, exactly as to a real S3.
 *
 * s3rver alone serves anonymous requests and accepts any Signature Version 4 signature (it does
 * not compute them), so it never listens itself: its handler sits behind this server's own,
 * which refuses every request not signed (header or presigned URL) with this DATA_DIR's generated
 * key pair (`verifySigV4`) with 403 and an S3 error document, before s3rver sees it.
 */
export async function startEmbeddedS3(opts: { dataDir: string; buckets: string[]; credentials?: SigV4Credentials }): Promise<EmbeddedS3Handle> {
  const directory = path.join(opts.dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const credentials = opts.credentials ?? embeddedS3Credentials(opts.dataDir);
  DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const s3 = new S3rver({
    silent: true,
    directory,
    allowMismatchedSignatures: false,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });
  await s3.configureBuckets();
  const s3Handler = s3.callback();
  const server = http.createServer((req, res) => {
    const verdict = verifySigV4(req, credentials);
    if (!verdict.ok) {
      req.resume();
      xmlError(res, 403, verdict.code, verdict.message);
      return;
    }
    // Browsers must not guess a download's type (a PDF with HTML inside stays a download).
    res.setHeader('x-content-type-options', 'nosniff');
    void s3Handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    credentials,
    stop: async () => {
      // A client that never read a response body would otherwise hold close() open.
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closing;
      (s3 as unknown as { logger?: { close?: () => void } }).logger?.close?.();
    },
  };
}
