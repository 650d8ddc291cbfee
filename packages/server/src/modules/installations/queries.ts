import type { ServiceOverlay } from '@satupintu/plugin-sdk';
import type { Sql } from '@satupintu/db';

export interface InstallationRow {
  plugin_id: string;
  version: string;
  content_hash: string;
  installed_by: string;
  installed_at: Date;
  updated_at: Date;
}

export interface OverlayRow {
  plugin_id: string;
  service_code: string;
  overlay: ServiceOverlay;
}

export const installationQueries = {
  all(sql: Sql): Promise<InstallationRow[]> {
    return sql.rows(`select plugin_id, version, content_hash, installed_by, installed_at, updated_at from plugin_installations order by plugin_id`);
  },
  overlays(sql: Sql, pluginId?: string): Promise<OverlayRow[]> {
    return sql.rows(`select plugin_id, service_code, overlay from service_overlays where ($1::text is null or plugin_id = $1) order by plugin_id, service_code`, [pluginId ?? null]);
  },
  /** The installation of one plugin, locked for a version move. */
  lockOne(sql: Sql, pluginId: string): Promise<{ version: string } | undefined> {
    return sql.maybe(`select version from plugin_installations where plugin_id = $1 for update`, [pluginId]);
  },
  async insert(sql: Sql, i: { tenantId: string; pluginId: string; version: string; contentHash: string; by: string; now: Date }): Promise<void> {
    await sql.exec(`insert into plugin_installations (tenant_id, plugin_id, version, content_hash, installed_by, installed_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)`, [
      i.tenantId, i.pluginId, i.version, i.contentHash, i.by, i.now,
    ]);
  },
  async move(sql: Sql, m: { pluginId: string; version: string; contentHash: string; now: Date }): Promise<void> {
    await sql.exec(`update plugin_installations set version = $2, content_hash = $3, updated_at = $4 where plugin_id = $1`, [m.pluginId, m.version, m.contentHash, m.now]);
  },
  delete(sql: Sql, pluginId: string): Promise<number> {
    return sql.exec(`delete from plugin_installations where plugin_id = $1`, [pluginId]);
  },
  overlay(sql: Sql, pluginId: string, serviceCode: string): Promise<{ overlay: ServiceOverlay } | undefined> {
    return sql.maybe(`select overlay from service_overlays where plugin_id = $1 and service_code = $2`, [pluginId, serviceCode]);
  },
  async setOverlay(sql: Sql, o: { tenantId: string; pluginId: string; serviceCode: string; overlay: unknown; by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into service_overlays (tenant_id, plugin_id, service_code, overlay, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, plugin_id, service_code) do update set overlay = excluded.overlay, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [o.tenantId, o.pluginId, o.serviceCode, JSON.stringify(o.overlay), o.by, o.now],
    );
  },
};
