import type { AgencyPlugin } from '@satupintu/plugin-sdk';
import type { Sql } from '@satupintu/db';

export interface PluginVersionRow {
  plugin_id: string;
  version: string;
  content_hash: string;
  manifest: AgencyPlugin;
  published_by: string;
  published_at: Date;
}

export interface RegistryRow {
  id: string;
  agency_code: string;
  agency_name: { id: string; en: string };
  agency_kind: 'vertical' | 'regional';
  version: string;
  content_hash: string;
  published_at: Date;
  service_count: number;
}

export const pluginQueries = {
  version(sql: Sql, pluginId: string, version: string): Promise<PluginVersionRow | undefined> {
    return sql.maybe(`select plugin_id, version, content_hash, manifest, published_by, published_at from plugin_versions where plugin_id = $1 and version = $2`, [pluginId, version]);
  },
  /** Serialises publishers of one plugin id (transaction-scoped advisory lock). */
  async lockPlugin(sql: Sql, pluginId: string): Promise<void> {
    await sql.exec(`select pg_advisory_xact_lock(hashtext($1))`, [`plugin:${pluginId}`]);
  },
  owner(sql: Sql, pluginId: string): Promise<{ agency_code: string } | undefined> {
    return sql.maybe(`select agency_code from plugins where id = $1`, [pluginId]);
  },
  async insertPlugin(sql: Sql, p: { id: string; agencyCode: string; agencyName: { id: string; en: string }; agencyKind: string }): Promise<void> {
    await sql.exec(`insert into plugins (id, agency_code, agency_name, agency_kind) values ($1, $2, $3, $4)`, [p.id, p.agencyCode, JSON.stringify(p.agencyName), p.agencyKind]);
  },
  insertVersion(sql: Sql, v: { pluginId: string; version: string; contentHash: string; manifest: unknown; hostRange: string; serviceCount: number; publishedBy: string; now: Date }): Promise<PluginVersionRow> {
    return sql.one(
      `insert into plugin_versions (plugin_id, version, content_hash, manifest, host_range, service_count, published_by, published_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
       returning plugin_id, version, content_hash, manifest, published_by, published_at`,
      [v.pluginId, v.version, v.contentHash, JSON.stringify(v.manifest), v.hostRange, v.serviceCount, v.publishedBy, v.now],
    );
  },
  /**
   * One page of the registry: plugins in id order after `after` (ids are unique and never change:
   * a stable keyset), each with every published version.
   */
  async page(sql: Sql, agency: string | undefined, after: string | null, limit: number): Promise<RegistryRow[]> {
    const ids = await sql.rows<{ id: string }>(
      `select id from plugins where ($1::text is null or agency_code = $1) and ($2::text is null or id > $2) and exists (select 1 from plugin_versions v where v.plugin_id = plugins.id) order by id limit $3`,
      [agency ?? null, after, limit],
    );
    if (!ids.length) return [];
    return sql.rows(
      `select p.id, p.agency_code, p.agency_name, p.agency_kind, v.version, v.content_hash, v.published_at, v.service_count
         from plugins p join plugin_versions v on v.plugin_id = p.id
        where p.id = any($1::text[]) order by p.id`,
      [ids.map((r) => r.id)],
    );
  },
  registry(sql: Sql, agency: string | undefined, plugin?: string): Promise<RegistryRow[]> {
    return sql.rows(
      `select p.id, p.agency_code, p.agency_name, p.agency_kind, v.version, v.content_hash, v.published_at, v.service_count
         from plugins p join plugin_versions v on v.plugin_id = p.id
        where ($1::text is null or p.agency_code = $1) and ($2::text is null or p.id = $2) order by p.id`,
      [agency ?? null, plugin ?? null],
    );
  },
};
