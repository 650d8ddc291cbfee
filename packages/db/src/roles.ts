import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Creates (or re-asserts) the login role the API uses. It is never superuser and never BYPASSRLS,
 * so row-level security applies to every query the API makes. Roles are cluster-wide: regions that
 * share a cluster share the role.
 */
export async function ensureAppRole(admin: DataSource, role: string, password: string): Promise<void> {
  const rows: unknown[] = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const id = pg.escapeIdentifier(role);
  const attrs = `login password ${pg.escapeLiteral(password)} nosuperuser nobypassrls nocreatedb nocreaterole noinherit`;
  if (rows.length === 0) {
    try {
      await admin.query(`create role ${id} ${attrs}`);
      return;
    } catch (e) {
      // Another process (or database of the same cluster) created it a moment ago: 42710, or
      // 23505 on pg_authid when both inserted at once.
      const code = (e as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw e;
    }
  }
  // Processes starting together (two APIs and a worker of a cell) alter the same cluster-wide role
  // at once; PostgreSQL then refuses the loser with "tuple concurrently updated" (XX000). The
  // migration lock cannot cover this: it is per database, the role is per cluster. Try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`alter role ${id} ${attrs}`);
      return;
    } catch (e) {
      if (attempt >= 5 || !/tuple concurrently updated/.test(String((e as Error).message))) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Grants the app role exactly data access (no DDL) in the database `admin` is connected to. */
export async function grantAppRole(admin: DataSource, role: string): Promise<void> {
  const id = pg.escapeIdentifier(role);
  const [{ db }] = (await admin.query('select current_database() as db')) as [{ db: string }];
  await admin.query(`grant connect on database ${pg.escapeIdentifier(db)} to ${id}`);
  await admin.query(`grant usage on schema public to ${id}`);
  await admin.query(`grant select, insert, update, delete on all tables in schema public to ${id}`);
  await admin.query(`grant execute on all functions in schema public to ${id}`);
  await admin.query(`grant usage, select on all sequences in schema public to ${id}`);
  await admin.query(`revoke all on typeorm_migrations from ${id}`);
  // The registry keeps every published version: the app may add versions, never change them.
  const [{ registry }] = (await admin.query(`select to_regclass('plugin_versions') is not null as registry`)) as [{ registry: boolean }];
  if (registry) await admin.query(`revoke update, delete, truncate on plugin_versions from ${id}`);
}

/** The app role's URL: the owner's URL with the app role's credentials. */
export function appUrlFrom(ownerUrl: string, role: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}
