import type { Sql } from '@satupintu/db';

export const regionQueries = {
  async upsert(sql: Sql, r: { id: string; name: string; bucket: string }): Promise<void> {
    await sql.exec(`insert into regions (id, name, bucket) values ($1, $2, $3) on conflict (id) do update set name = excluded.name, bucket = excluded.bucket`, [r.id, r.name, r.bucket]);
  },
  list(sql: Sql): Promise<{ id: string; name: string; tenant_count: number }[]> {
    return sql.rows(
      `select r.id, r.name, count(t.id)::int as tenant_count from regions r left join tenants t on t.home_region = r.id and t.sandbox_of is null group by r.id, r.name order by r.id`,
    );
  },
};
