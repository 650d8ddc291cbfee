import { newId } from '@satupintu/core';
import type { TenantTx } from '@satupintu/db';
import { SYSTEM_IDENTITY, type TenantCtx, type UserCtx } from '../../context.js';
import { visibleTo } from './access.js';
import { complaintNotFound } from './errors.js';
import { AUTHOR_ROLE, STAFF_ROLES, type ComplaintRole } from './lifecycle.js';
import { complaintQueries, type ComplaintRow } from './queries.js';
import { complaintView, withheldName, type ComplaintView } from './view.js';

/** What every write on a complaint records besides the change: thread entries and notices, in its unit of work. */

/** A thread entry by the caller (or the platform) in its lifecycle role, at the context's time. */
export async function post(
  tx: Pick<TenantTx, 'sql'>,
  ctx: TenantCtx,
  c: Pick<ComplaintRow, 'tenant_id' | 'id'> & Partial<Pick<ComplaintRow, 'anonymous'>>,
  entry: { role: ComplaintRole; kind: string; body?: string | null; internal?: boolean },
): Promise<void> {
  const who = ctx.identity ?? SYSTEM_IDENTITY;
  const system = entry.role === 'system';
  // An anonymous complainant's entries do not carry their name, not even in the table.
  const withheld = entry.role === 'complainant' && c.anonymous === true;
  await complaintQueries.message(tx.sql, {
    tenantId: c.tenant_id,
    complaintId: c.id,
    id: newId(),
    at: ctx.now,
    authorSub: system ? SYSTEM_IDENTITY.subject : who.subject,
    authorName: system ? (SYSTEM_IDENTITY.name ?? 'Satupintu') : withheld ? withheldName(c as Pick<ComplaintRow, 'anonymous'>) : (who.name ?? who.username),
    role: AUTHOR_ROLE[entry.role],
    kind: entry.kind,
    body: entry.body ?? null,
    internal: entry.internal ?? false,
  });
}

/**
 * A notice in the outbox (the notification sender delivers it after the commit): `tenant-admin`
 * (the coordinator), `officer:{agency}`, `citizen:{sub}` or `complainant-contact`.
 */
export async function notify(tx: Pick<TenantTx, 'outbox'>, ctx: TenantCtx, c: Pick<ComplaintRow, 'id' | 'tracking_code'>, kind: string, to: string[], extra: Record<string, unknown> = {}): Promise<void> {
  if (!to.length) return;
  await tx.outbox(kind, { to, tenant: ctx.tenant.slug, complaint: c.id, trackingCode: c.tracking_code, ...extra });
}

/** The complaint as the caller sees it, read inside an open unit of work (after the change). */
export async function viewIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantCtx & UserCtx, id: string): Promise<ComplaintView> {
  const row = await complaintQueries.load(tx.sql, id);
  if (!row) throw complaintNotFound();
  const { c, roles } = visibleTo(ctx.identity, ctx.tenant, row);
  const staff = roles.some((r) => STAFF_ROLES.includes(r));
  const [messages, attachments] = [await complaintQueries.messages(tx.sql, id, staff), await complaintQueries.attachments(tx.sql, id)];
  return complaintView(c, roles, { messages, attachments }, ctx.now);
}
