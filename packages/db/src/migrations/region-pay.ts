import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Issue 24, payments (docs/payments.md, ADR 0040): the platform assesses, records, routes and
 * reconciles — it never holds money. Per tenant: each channel's configuration (secrets sealed),
 * fee assessments (immutable; corrected only by a superseding one), payment orders (one active per
 * assessment), payment events (append-only, idempotent on the provider's transaction id; refused
 * forgeries are kept too, unverified), daily reconciliations and their exception queue.
 */
export class RegionPayments1765401000000 implements MigrationInterface {
  name = 'RegionPayments1765401000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table payment_channels (
        tenant_id uuid not null,
        channel text not null check (channel in ('simponi', 'snap_va', 'snap_qris', 'gateway', 'pemda_h2h', 'counter_cash')),
        enabled boolean not null,
        config jsonb not null,
        secrets_sealed jsonb not null default '{}',
        updated_by text not null,
        updated_at timestamptz not null,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        primary key (tenant_id, channel)
      )`);
    await q.query(`
      create table payment_assessments (
        tenant_id uuid not null,
        id uuid not null,
        application_id uuid not null,
        revenue_type text not null check (revenue_type in ('pnbp', 'retribusi', 'pajak-daerah', 'none')),
        legal_basis text[] not null,
        lines jsonb not null,
        total bigint not null check (total >= 0),
        payer_name text not null,
        assessed_by text not null,
        assessed_at timestamptz not null,
        supersedes uuid,
        reason text,
        primary key (tenant_id, id),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade,
        check ((supersedes is null) = (reason is null))
      )`);
    await q.query(`create unique index payment_assessments_one_successor on payment_assessments (tenant_id, supersedes) where supersedes is not null`);
    await q.query(`create unique index payment_assessments_one_first on payment_assessments (tenant_id, application_id) where supersedes is null`);
    await q.query(`
      create table payment_orders (
        tenant_id uuid not null,
        id uuid not null,
        assessment_id uuid not null,
        application_id uuid not null,
        channel text not null,
        external_ref text not null,
        qr_content text,
        amount bigint not null check (amount > 0),
        expires_at timestamptz,
        status text not null check (status in ('issued', 'paid', 'expired', 'cancelled', 'reversed')),
        reissue_of uuid,
        created_by text not null,
        created_at timestamptz not null,
        paid_at timestamptz,
        proof jsonb,
        reconciled_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, assessment_id) references payment_assessments (tenant_id, id) on delete cascade
      )`);
    await q.query(`create unique index payment_orders_one_active on payment_orders (tenant_id, assessment_id) where status in ('issued', 'paid')`);
    await q.query(`create unique index payment_orders_ref on payment_orders (tenant_id, channel, external_ref)`);
    await q.query(`
      create table payment_events (
        tenant_id uuid not null,
        id uuid not null,
        channel text not null,
        order_id uuid,
        provider_txn_id text,
        kind text not null check (kind in ('payment', 'reversal', 'refused')),
        source text not null check (source in ('notification', 'status', 'officer', 'settlement')),
        amount bigint,
        proof jsonb,
        verified boolean not null,
        reason text,
        recorded_by text not null,
        at timestamptz not null,
        primary key (tenant_id, id)
      )`);
    await q.query(`create unique index payment_events_once on payment_events (tenant_id, channel, provider_txn_id, kind) where verified`);
    await q.query(`
      create function payment_rows_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are never changed (append-only)', tg_table_name using errcode = 'check_violation';
      end $$`);
    for (const t of ['payment_assessments', 'payment_events'])
      await q.query(`create trigger ${t}_append_only before update on ${t} for each row execute function payment_rows_append_only()`);
    await q.query(`
      create table payment_reconciliations (
        tenant_id uuid not null,
        id uuid not null,
        channel text not null,
        local_date date not null,
        run_at timestamptz not null,
        run_by text not null,
        matched integer not null,
        unmatched_platform integer not null,
        unmatched_bank integer not null,
        primary key (tenant_id, id),
        unique (tenant_id, channel, local_date)
      )`);
    await q.query(`
      create table payment_exceptions (
        tenant_id uuid not null,
        id uuid not null,
        channel text not null,
        local_date date not null,
        kind text not null check (kind in ('unmatched_platform', 'unmatched_bank', 'amount_mismatch')),
        ref text not null,
        order_id uuid,
        amount bigint,
        detail jsonb not null,
        status text not null check (status in ('open', 'resolved')),
        created_at timestamptz not null,
        resolved_by text,
        resolved_at timestamptz,
        note text,
        primary key (tenant_id, id),
        unique (tenant_id, channel, kind, ref)
      )`);
    for (const t of ['payment_channels', 'payment_assessments', 'payment_orders', 'payment_events', 'payment_reconciliations', 'payment_exceptions']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['payment_exceptions', 'payment_reconciliations', 'payment_events', 'payment_orders', 'payment_assessments', 'payment_channels']) await q.query(`drop table ${t}`);
    await q.query(`drop function payment_rows_append_only()`);
  }
}
