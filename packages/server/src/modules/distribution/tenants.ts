import type { Sql } from '@satupintu/db';

/**
 * The one place that says which tenants count in the version distribution and the agency's view:
 * every tenant but a sandbox (issue 23: a sandbox never mixes with production figures). It reads
 * the directory's columns once per process: where `tenants.sandbox` exists (the sandbox part of
 * issue 23) sandboxes are left out; where it does not, every tenant is a production tenant.
 * Returns a SQL condition over the tenant directory aliased `t`.
 */
export function countedTenants(control: Sql): () => Promise<string> {
  let counted: Promise<string> | undefined;
  return () => {
    counted ??= control
      .maybe<{ ok: boolean }>(`select true as ok from information_schema.columns where table_schema = 'public' and table_name = 'tenants' and column_name = 'sandbox'`)
      .then((r) => (r ? 'not coalesce(t.sandbox, false)' : 'true'));
    counted.catch(() => (counted = undefined));
    return counted;
  };
}
