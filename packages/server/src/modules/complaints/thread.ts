import type { Readable } from 'node:stream';
import { newId, type Tenant } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import { UploadRefused, type ObjectStore } from '@satupintu/storage';
import type { TenantUserCtx } from '../../context.js';
import { seesComplainant, visibleTo } from './access.js';
import { attachmentCountExceeded, complaintNotFound, decideOn, storageUnavailable, uploadAborted, uploadEmpty, uploadTooLarge, uploadTypeRefused } from './errors.js';
import { ATTACHMENT_MAX_COUNT, factsOf, runsTimer, STAFF_ROLES } from './lifecycle.js';
import { complaintQueries } from './queries.js';
import { post, viewIn } from './records.js';
import { ATTACHMENT_PREFIX } from './reconciler.js';
import type { ComplaintView } from './schemas.js';
import { complaintRead, recordPersonalDataAccess } from '../privacy/index.js';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
const ATTACHMENT_MAX_MB = 10;
const ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_MB * 1024 * 1024;
/** How long a presigned download link lives. */
const LINK_SECONDS = 120;
/** Outside `t/` (the application reconciler treats every unknown key there as an orphan); swept by reconciler.ts. */
const attachmentKey = (t: Pick<Tenant, 'id'>, complaintId: string, id: string) => `${ATTACHMENT_PREFIX}t/${t.id}/c/${complaintId}/${id}`;

/** The download name of a file whose own name is withheld. */
const genericName = (mediaType: string) => `lampiran.${mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg'}`;

export type AttachmentView = ComplaintView['attachments'][number];

/**
 * A complaint's thread: messages (staff may post internal notes, never shown to the citizen; the
 * first public staff reply is the first response) and attachments (the object is stored first,
 * outside any transaction; its row commits after it in one unit of work, and a row that cannot
 * commit takes its object back; the reconciler removes what a crash left behind).
 */
export class ComplaintThread {
  constructor(
    private readonly d: { uow: UnitOfWork },
    private readonly store: ObjectStore,
  ) {}

  /** A message (`internal`: a note among staff). Lifecycle actions `message` and `note`. */
  async addMessage(ctx: TenantUserCtx, id: string, input: { body: string; internal?: boolean }): Promise<ComplaintView> {
    return this.d.uow.write(ctx, async (tx) => {
      const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id, true));
      const internal = input.internal ?? false;
      const d = decideOn(c.status, roles, internal ? 'note' : 'message', { facts: factsOf(c) });
      await post(tx, ctx, c, { role: d.role, kind: 'message', body: input.body, internal });
      const firstResponse = !internal && STAFF_ROLES.includes(d.role) && runsTimer(c.status, 'first-response');
      await complaintQueries.touch(tx.sql, id, ctx.now, firstResponse);
      return viewIn(tx, ctx, id);
    });
  }

  /** Streams an attachment (PDF/PNG/JPEG ≤ 10 MB, ≤ 5 per complaint) to the region's bucket, then commits its row. */
  async attach(ctx: TenantUserCtx, id: string, body: Readable, filename: string | null): Promise<AttachmentView> {
    // Checked before any byte is stored: the caller sees it, may attach in its state, and there is room.
    await this.d.uow.read(ctx, async (tx) => {
      const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id));
      decideOn(c.status, roles, 'attach', { facts: factsOf(c) });
      if ((await complaintQueries.attachmentCount(tx.sql, id)) >= ATTACHMENT_MAX_COUNT) throw attachmentCountExceeded();
    });
    const attId = newId();
    const key = attachmentKey(ctx.tenant, id, attId);
    let stored;
    try {
      stored = await this.store.putStream(ctx.tenant.homeRegion, key, body, { maxBytes: ATTACHMENT_MAX_BYTES, accept: [...ATTACHMENT_TYPES] });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw uploadEmpty();
        if (e.reason === 'too-large') throw uploadTooLarge(ATTACHMENT_MAX_MB);
        throw uploadTypeRefused();
      }
      if (e instanceof Error && 'code' in e && e.code === 'ECONNRESET') throw uploadAborted();
      throw storageUnavailable(e);
    }
    const row: AttachmentView = { id: attId, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, createdAt: ctx.now.toISOString() };
    // A retry is the same upload only if it is the same file: the key's fingerprint takes in its digest
    // (known only now), so another file under a used key is refused (IDEMPOTENCY_KEY_REUSED), not dropped.
    if (ctx.idempotency) ctx.idempotency.request = { request: ctx.idempotency.request, sha256: stored.sha256, size: stored.size };
    try {
      const saved = await this.d.uow.write(ctx, async (tx) => {
        const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id, true));
        // Re-checked under the complaint's row lock: concurrent uploads cannot pass the limit or a closing.
        const d = decideOn(c.status, roles, 'attach', { facts: factsOf(c) });
        if ((await complaintQueries.attachmentCount(tx.sql, id)) >= ATTACHMENT_MAX_COUNT) throw attachmentCountExceeded();
        await complaintQueries.insertAttachment(tx.sql, { tenantId: ctx.tenant.id, complaintId: id, id: attId, key, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, by: ctx.identity.username, now: ctx.now });
        await post(tx, ctx, c, { role: d.role, kind: 'attachment', body: filename ?? stored.mediaType });
        await complaintQueries.touch(tx.sql, id, ctx.now);
        return row;
      });
      // A replayed answer (Idempotency-Key): the first attempt's object is the attachment; this copy is not needed.
      if (ctx.idempotency?.replayed) await this.discard(ctx, key);
      return saved;
    } catch (e) {
      // Compensation: the row did not commit, so the object must not stay.
      await this.discard(ctx, key);
      throw e;
    }
  }

  private async discard(ctx: TenantUserCtx, key: string): Promise<void> {
    await this.store.delete(ctx.tenant.homeRegion, key).catch((err: unknown) => ctx.log.warn({ err, key }, 'orphan attachment left for the reconciler'));
  }

  /** A two-minute download link, after the access check (the file's name only for who may see the complainant). */
  async attachmentUrl(ctx: TenantUserCtx, id: string, attachmentId: string) {
    const found = await this.d.uow.read(ctx, async (tx) => {
      const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id));
      const a = await complaintQueries.attachmentObject(tx.sql, id, attachmentId);
      if (a) await recordPersonalDataAccess(tx, ctx, complaintRead(ctx, c, { attachment: attachmentId })); // UU 27/2022: a staff download is logged
      return a && { a, named: seesComplainant(c, roles) };
    });
    if (!found) throw complaintNotFound();
    const { a, named } = found;
    return {
      url: await this.store.presignGet(ctx.tenant.homeRegion, a.object_key, { expiresIn: LINK_SECONDS, filename: (named && a.filename) || genericName(a.media_type), mediaType: a.media_type }),
      expiresAt: new Date(ctx.now.getTime() + LINK_SECONDS * 1000).toISOString(),
    };
  }
}
