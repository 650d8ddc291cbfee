import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';

/** Enough leading bytes for file-type to recognise every format it knows. */
const SNIFF_BYTES = 4100;

export class UploadRefused extends Error {
  constructor(
    readonly reason: 'empty' | 'too-large' | 'type-not-accepted',
    readonly detail: { limit?: number; detected?: string; accepted?: string[] },
  ) {
    super(`upload refused: ${reason}`);
  }
}

/**
 * A pass-through that decides the media type from the first bytes (magic numbers, not the file
 * name), refuses types not accepted and bodies over the limit as soon as they are seen, and
 * hashes everything with sha256 — without ever holding more than the sniffed head in memory.
 */
export class GuardedUpload extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private readonly hash = createHash('sha256');
  bytes = 0;
  mediaType?: string;

  constructor(private readonly opts: { maxBytes: number; accept: string[] }) {
    super();
  }

  private async decide(): Promise<void> {
    const head = Buffer.concat(this.head);
    const type = await fileTypeFromBuffer(head);
    const mime = type?.mime;
    if (!mime || !this.opts.accept.includes(mime))
      throw new UploadRefused('type-not-accepted', { detected: mime ?? 'unknown', accepted: this.opts.accept });
    this.mediaType = mime;
    this.decided = true;
    this.push(head);
    this.head = [];
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.opts.maxBytes) return cb(new UploadRefused('too-large', { limit: this.opts.maxBytes }));
    this.hash.update(chunk);
    if (this.decided) return cb(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return cb();
    this.decide().then(() => cb(), cb);
  }

  override _flush(cb: TransformCallback): void {
    if (this.bytes === 0) return cb(new UploadRefused('empty', {}));
    if (this.decided) return cb();
    this.decide().then(() => cb(), cb);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
