import type { Readable } from 'node:stream';
import { InputError, newId, type Tenant } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import { UploadRefused, type ObjectStore } from '@satupintu/storage';
import type { TenantUserCtx } from '../../context.js';
import { visibleTo } from './access.js';
import { attachmentRefused, complaintNotFound, decideOn, storageUnavailable } from './errors.js';
import { factsOf, runsTimer, STAFF_ROLES } from './lifecycle.js';
import { complaintQueries } from './queries.js';
import { post, viewIn } from './records.js';
import { ATTACHMENT_PREFIX } from './reconciler.js';
import type { ComplaintView } from './view.js';

const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_MAX_COUNT = 5;
/** How long a presigned download link lives. */
const LINK_SECONDS = 120;
/** Outside `t/` (the application reconciler treats every unknown key there as an orphan); swept by reconciler.ts. */
const attachmentKey = (t: Pick<Tenant, 'id'>, complaintId: string, id: string) => `${ATTACHMENT_PREFIX}t/${t.id}/c/${complaintId}/${id}`;

const countExceeded = () => attachmentRefused('ATTACHMENT_COUNT_EXCEEDED', `Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`, `At most ${ATTACHMENT_MAX_COUNT} attachments.`);

export interface AttachmentView {
  id: string;
  filename: string | null;
  mediaType: string;
  size: number;
  sha256: string;
}

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
      if ((await complaintQueries.attachmentCount(tx.sql, id)) >= ATTACHMENT_MAX_COUNT) throw countExceeded();
    });
    const attId = newId();
    const key = attachmentKey(ctx.tenant, id, attId);
    let stored;
    try {
      stored = await this.store.putStream(ctx.tenant.homeRegion, key, body, { maxBytes: ATTACHMENT_MAX_BYTES, accept: ATTACHMENT_TYPES });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw attachmentRefused('UPLOAD_EMPTY', 'Berkas kosong', 'The file is empty');
        if (e.reason === 'too-large') throw attachmentRefused('UPLOAD_TOO_LARGE', 'Berkas melebihi 10 MB', 'The file exceeds 10 MB', 413);
        throw attachmentRefused('UPLOAD_TYPE_NOT_ACCEPTED', 'Hanya PDF, PNG atau JPEG', 'Only PDF, PNG or JPEG', 415);
      }
      if (e instanceof Error && 'code' in e && e.code === 'ECONNRESET') throw new InputError({ code: 'UPLOAD_ABORTED', title: { id: 'Unggahan terputus', en: 'The upload was interrupted' } });
      throw storageUnavailable(e);
    }
    const row = { id: attId, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256 };
    try {
      const saved = await this.d.uow.write(ctx, async (tx) => {
        const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id, true));
        // Re-checked under the complaint's row lock: concurrent uploads cannot pass the limit or a closing.
        const d = decideOn(c.status, roles, 'attach', { facts: factsOf(c) });
        if ((await complaintQueries.attachmentCount(tx.sql, id)) >= ATTACHMENT_MAX_COUNT) throw countExceeded();
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

  /** A two-minute download link, after the access check. */
  async attachmentUrl(ctx: TenantUserCtx, id: string, attachmentId: string) {
    const a = await this.d.uow.read(ctx, async (tx) => {
      visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id));
      return complaintQueries.attachmentObject(tx.sql, id, attachmentId);
    });
    if (!a) throw complaintNotFound();
    return {
      url: await this.store.presignGet(ctx.tenant.homeRegion, a.object_key, { expiresIn: LINK_SECONDS, filename: a.filename ?? undefined, mediaType: a.media_type }),
      expiresAt: new Date(ctx.now.getTime() + LINK_SECONDS * 1000).toISOString(),
    };
  }
}
