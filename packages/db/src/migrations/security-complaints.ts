import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint webhook secrets at rest (issue 19): the signing secret is stored sealed with
 * AES-256-GCM under the data encryption key (packages/server/src/secrets.ts), `secret_key_id`
 * naming the key that sealed it, and only its last four characters (`secret_hint`) are kept in
 * clear for the admin to recognise it. Secrets stored in clear before this migration keep
 * `secret_key_id` null: the server seals them on first use and in its every-minute sweep (the
 * database holds no key, so it cannot seal them here).
 */
export class RegionComplaintWebhookSecrets1764800000100 implements MigrationInterface {
  name = 'RegionComplaintWebhookSecrets1764800000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table complaint_webhooks add column secret_key_id text, add column secret_hint text not null default ''`);
    await q.query(`update complaint_webhooks set secret_hint = right(secret, 4)`);
    await q.query(`alter table complaint_webhooks alter column secret_hint drop default`);
    // A sealed value names its key (`v1.<key id>.…`); a row naming a key holds a sealed value.
    await q.query(`
      alter table complaint_webhooks add constraint complaint_webhooks_secret_sealed
        check (secret_key_id is null or (secret_key_id ~ '^[0-9a-f]{16}$' and secret like ('v1.' || secret_key_id || '.%')))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table complaint_webhooks drop constraint complaint_webhooks_secret_sealed`);
    await q.query(`alter table complaint_webhooks drop column secret_hint, drop column secret_key_id`);
  }
}
