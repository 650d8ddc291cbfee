import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface EmbeddedS3Handle {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server in this process (s3rver), files under `<dataDir>/s3`. The platform only
 * ever talks to it through @aws-sdk/client-s3, exactly as to a real S3. s3rver does not check
 * signatures; the conformance tier runs the same suites against S3Proxy, which does.
 */
export async function startEmbeddedS3(opts: { dataDir: string; buckets: string[] }): Promise<EmbeddedS3Handle> {
  const directory = path.join(opts.dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      // A client that never read a response body would otherwise hold close() open.
      const http = (server as unknown as { httpServer?: { closeAllConnections?: () => void } }).httpServer;
      const closing = server.close();
      http?.closeAllConnections?.();
      await closing;
    },
  };
}
