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

/** One overlay with its version (the ETag's). */
export interface VersionedOverlayRow {
  overlay: ServiceOverlay;
  version: number;
}

/** An audit event of a plugin or its services, with its exact page key. */
export interface HistoryRow {
  id: string;
  at: Date;
  page_at: string;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

export const installationQueries = {
  all(sql: Sql): Promise<InstallationRow[]> {
    return sql.rows(`select plugin_id, version, content_hash, installed_by, installed_at, updated_at from plugin_installations order by plugin_id`);
  },
  overlays(sql: Sql, pluginId?: string): Promise<OverlayRow[]> {
    return sql.rows(`select plugin_id, service_code, overlay from service_overlays where ($1::text is null or plugin_id = $1) order by plugin_id, service_code`, [pluginId ?? null]);
  },
  /** The installation of one plugin, locked for a version move or an overlay change (they serialize on it). */
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
  overlay(sql: Sql, pluginId: string, serviceCode: string, lock = false): Promise<VersionedOverlayRow | undefined> {
    return sql.maybe(`select overlay, version from service_overlays where plugin_id = $1 and service_code = $2${lock ? ' for update' : ''}`, [pluginId, serviceCode]);
  },
  /** Creates an overlay; undefined when one was created meanwhile (the caller decides what that means). */
  createOverlay(sql: Sql, o: { tenantId: string; pluginId: string; serviceCode: string; overlay: unknown; by: string; now: Date }): Promise<VersionedOverlayRow | undefined> {
    return sql.maybe(
      `insert into service_overlays (tenant_id, plugin_id, service_code, overlay, updated_by, updated_at, version) values ($1, $2, $3, $4, $5, $6, 1)
       on conflict (tenant_id, plugin_id, service_code) do nothing returning overlay, version`,
      [o.tenantId, o.pluginId, o.serviceCode, JSON.stringify(o.overlay), o.by, o.now],
    );
  },
  /** Replaces an overlay and bumps its version. */
  replaceOverlay(sql: Sql, o: { pluginId: string; serviceCode: string; overlay: unknown; by: string; now: Date }): Promise<VersionedOverlayRow> {
    return sql.one(
      `update service_overlays set overlay = $3, updated_by = $4, updated_at = $5, version = version + 1 where plugin_id = $1 and service_code = $2 returning overlay, version`,
      [o.pluginId, o.serviceCode, JSON.stringify(o.overlay), o.by, o.now],
    );
  },
  /**
   * One page of a plugin's history (its installation and its services' events), newest first. The
   * key (at, id) is unique; `at` is read back as text so the next page starts exactly after it.
   */
  history(sql: Sql, pluginId: string, after: readonly [string, string] | undefined, limit: number): Promise<HistoryRow[]> {
    return sql.rows(
      `select id, at, at::text as page_at, actor, action, subject, data from audit_events
        where (subject = $1 or subject like $2) and ($3::timestamptz is null or (at, id) < ($3::timestamptz, $4::uuid))
        order by at desc, id desc limit $5`,
      [`plugin:${pluginId}`, `service:${pluginId}.%`, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
};
