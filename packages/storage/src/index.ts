import {
  CreateBucketCommand,
  HeadBucketCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';

export interface ObjectStoreOptions {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** region id → bucket */
  buckets: Record<string, string>;
}

/**
 * The document store: one S3 endpoint, one bucket per platform region, so a tenant's objects stay
 * in its home region's bucket. Only @aws-sdk/client-s3 talks to the server.
 */
export class ObjectStore {
  readonly client: S3Client;
  private readonly buckets: Record<string, string>;

  constructor(opts: ObjectStoreOptions, clientOverrides: Partial<S3ClientConfig> = {}) {
    this.client = new S3Client({
      endpoint: opts.endpoint,
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
      // Fail fast when the store is down: a request waits at most this long for a connection.
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
      maxAttempts: 2,
      ...clientOverrides,
    });
    this.buckets = { ...opts.buckets };
  }

  bucketOf(regionId: string): string {
    const b = this.buckets[regionId];
    if (!b) throw new Error(`no bucket configured for region ${regionId}`);
    return b;
  }

  /** Creates any missing region bucket (a fresh external S3, or a new region). Idempotent. */
  async ensureBuckets(): Promise<void> {
    for (const bucket of Object.values(this.buckets)) {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (e) {
        const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status !== 404) throw e;
        await this.client.send(new CreateBucketCommand({ Bucket: bucket }));
      }
    }
  }

  /** Readiness: the region's bucket answers. */
  async check(regionId: string, signal?: AbortSignal): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucketOf(regionId) }), { abortSignal: signal });
  }

  destroy(): void {
    this.client.destroy();
  }
}
