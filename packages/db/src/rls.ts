import type { QueryRunner } from 'typeorm';

/**
 * Puts a tenant-owned table under row-level security: enabled AND forced (so the table owner is
 * filtered too), one policy for reads and writes on the transaction's `app.tenant_id`.
 * Every data-plane migration calls this for each table it creates.
 */
export async function enableTenantRls(q: QueryRunner, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
  await q.query(`alter table ${table} enable row level security`);
  await q.query(`alter table ${table} force row level security`);
  await q.query(
    `create policy tenant_isolation on ${table}
       using (tenant_id = app_current_tenant())
       with check (tenant_id = app_current_tenant())`,
  );
}
