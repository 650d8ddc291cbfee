import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23, plugin versions across tenants (ADR 0036). An installation may pin a semver range
 * (`2.0.x`, `^2`, `~2.1`) and follow an auto-upgrade policy; an upgrade its overlays do not fit is
 * held back with its reason. A draft moved to a new version remembers what it now needs.
 */
export class RegionPluginPins1765400000600 implements MigrationInterface {
  name = 'RegionPluginPins1765400000600';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table plugin_installations
        add column pin_range text,
        add column policy text not null default 'manual' check (policy in ('manual', 'patch', 'minor')),
        add column held_version text,
        add column held_reason jsonb,
        add column held_at timestamptz`);
    await q.query(`alter table applications add column version_change jsonb`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table applications drop column version_change`);
    await q.query(`alter table plugin_installations drop column pin_range, drop column policy, drop column held_version, drop column held_reason, drop column held_at`);
  }
}
