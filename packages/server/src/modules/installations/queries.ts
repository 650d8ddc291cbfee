import type { ServiceOverlay } from '@satupintu/plugin-sdk';
import type { Sql } from '@satupintu/db';

export interface InstallationRow {
  plugin_id: string;
  version: string;
  content_hash: string;
  installed_by: string;
  installed_at: Date;
  updated_at: Date;
  pin_range: string | null;
  policy: 'manual' | 'patch' | 'minor';
  held_version: string | null;
  held_reason: { pointer: string; message: { id: string; en: string } }[] | null;
  held_at: Date | null;
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
    return sql.rows(`select plugin_id, version, content_hash, installed_by, installed_at, updated_at, pin_range, policy, held_version, held_reason, held_at from plugin_installations order by plugin_id`);
  },
  overlays(sql: Sql, pluginId?: string): Promise<OverlayRow[]> {
    return sql.rows(`select plugin_id, service_code, overlay from service_overlays where ($1::text is null or plugin_id = $1) order by plugin_id, service_code`, [pluginId ?? null]);
  },
  /** The installation of one plugin, locked for a version move or an overlay change (they serialize on it). */
  lockOne(sql: Sql, pluginId: string): Promise<{ version: string; pin_range: string | null; policy: string; held_version: string | null } | undefined> {
    return sql.maybe(`select version, pin_range, policy, held_version from plugin_installations where plugin_id = $1 for update`, [pluginId]);
  },
  async insert(sql: Sql, i: { tenantId: string; pluginId: string; version: string; contentHash: string; by: string; now: Date }): Promise<void> {
    await sql.exec(`insert into plugin_installations (tenant_id, plugin_id, version, content_hash, installed_by, installed_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)`, [
      i.tenantId, i.pluginId, i.version, i.contentHash, i.by, i.now,
    ]);
  },
  async move(sql: Sql, m: { pluginId: string; version: string; contentHash: string; now: Date }): Promise<void> {
    await sql.exec(`update plugin_installations set version = $2, content_hash = $3, updated_at = $4 where plugin_id = $1`, [m.pluginId, m.version, m.contentHash, m.now]);
  },
  // Issue 23 (versions): the pin, the policy, a held-back upgrade, and the drafts that follow a move.
  async setPin(sql: Sql, p: { pluginId: string; range: string | null; policy: string }): Promise<void> {
    await sql.exec(`update plugin_installations set pin_range = $2, policy = $3 where plugin_id = $1`, [p.pluginId, p.range, p.policy]);
  },
  async hold(sql: Sql, h: { pluginId: string; version: string | null; reason: unknown; now: Date | null }): Promise<void> {
    await sql.exec(`update plugin_installations set held_version = $2, held_reason = $3, held_at = $4 where plugin_id = $1`, [h.pluginId, h.version, h.reason === null ? null : JSON.stringify(h.reason), h.now]);
  },
  /** Drafts and submitted (in-flight) applications of a plugin, per service. */
  counts(sql: Sql, pluginId: string): Promise<{ service_code: string; drafts: number; in_flight: number }[]> {
    return sql.rows(
      `select service_code, count(*) filter (where status = 'draft')::int as drafts, count(*) filter (where status = 'submitted')::int as in_flight
         from applications where plugin_id = $1 and status in ('draft', 'submitted') group by service_code`,
      [pluginId],
    );
  },
  /** The versions the drafts of a plugin not on `to` started on (a draft moved before remembers its first version). */
  async draftOrigins(sql: Sql, pluginId: string, to: string): Promise<string[]> {
    const rows = await sql.rows<{ origin: string }>(
      `select distinct coalesce(version_change->>'from', plugin_version) as origin from applications where plugin_id = $1 and status = 'draft' and plugin_version <> $2`,
      [pluginId, to],
    );
    return rows.map((r) => r.origin);
  },
  /**
   * Moves the drafts of one service that started on `origin` to another version, noting what they
   * now need against the version they started on (null when back on it); a draft's ETag moves with it.
   */
  moveDrafts(sql: Sql, m: { pluginId: string; serviceCode: string; origin: string; version: string; contentHash: string; change: unknown; now: Date }): Promise<number> {
    return sql.exec(
      `update applications set plugin_version = $3, content_hash = $4, version_change = $5, version = version + 1, updated_at = $6
        where plugin_id = $1 and service_code = $2 and status = 'draft' and plugin_version <> $3 and coalesce(version_change->>'from', plugin_version) = $7`,
      [m.pluginId, m.serviceCode, m.version, m.contentHash, m.change === null ? null : JSON.stringify(m.change), m.now, m.origin],
    );
  },
  // end issue 23 (versions)
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
