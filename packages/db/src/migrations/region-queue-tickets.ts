import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Walk-in queue tickets: a number taken at the counter (or by a village operator) for a submitted
 * application, without a booked session. Numbers come from the same `counter_days` sequence as
 * checked-in bookings, so one counter calls one line. One ticket per application per local day.
 */
export class RegionQueueTickets1765200000000 implements MigrationInterface {
  name = 'RegionQueueTickets1765200000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table queue_tickets (
        tenant_id uuid not null,
        id uuid not null,
        counter text not null,
        local_date date not null,
        queue_number integer not null,
        agency_code text not null,
        service text not null,
        application_id uuid not null,
        status text not null check (status in ('waiting', 'called', 'no-show')),
        issued_by_sub text not null,
        issued_at timestamptz not null,
        called_at timestamptz,
        primary key (tenant_id, id)
      )`);
    await q.query(`create unique index queue_tickets_one_per_day on queue_tickets (tenant_id, application_id, local_date)`);
    await q.query(`create index queue_tickets_counter_day on queue_tickets (tenant_id, counter, local_date, queue_number)`);
    await enableTenantRls(q, 'queue_tickets');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table queue_tickets');
  }
}
