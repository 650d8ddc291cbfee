import type { Clock, Tenant } from '@satupintu/core';
import type { HeardChange, Sql } from '@satupintu/db';
import { tenantNotFound } from './errors.js';
import { tenantQueries } from './queries.js';

/** How long an entry may live without a change notice (a safety net: notices are the real invalidation). */
const TTL_MS = 5 * 60_000;

/**
 * The tenant directory as every request sees it: slug → tenant (with its home region), from the
 * control plane, cached in the process. A change to a tenant row announces itself on the change
 * feed (pg_notify at commit), and every process drops that entry; a reconnect of the feed drops
 * all. Unknown slugs are not cached (a made-up slug costs one indexed lookup, and fills nothing).
 */
export class TenantDirectory {
  private readonly bySlug = new Map<string, { tenant: Tenant; until: number }>();
  private readonly origins = new Map<string, { origins: readonly string[]; until: number }>();
  private readonly pending = new Map<string, Promise<Tenant | undefined>>();

  constructor(
    private readonly control: Sql,
    private readonly clock: Clock,
  ) {}

  /** The tenant of a slug; TENANT_NOT_FOUND when there is none. */
  async get(slug: string): Promise<Tenant> {
    const t = await this.find(slug);
    if (!t) throw tenantNotFound(slug);
    return t;
  }

  async find(slug: string): Promise<Tenant | undefined> {
    const hit = this.bySlug.get(slug);
    if (hit && hit.until > this.clock.now().getTime()) return hit.tenant;
    // Concurrent first requests for one slug share one lookup.
    let p = this.pending.get(slug);
    if (!p) {
      p = tenantQueries.bySlug(this.control, slug).finally(() => this.pending.delete(slug));
      this.pending.set(slug, p);
    }
    const t = await p;
    if (t) this.bySlug.set(slug, { tenant: t, until: this.clock.now().getTime() + TTL_MS });
    return t;
  }

  /** The browser origins a tenant allows (its settings; CORS asks on every cross-origin request). Unknown slugs allow none. */
  async originsOf(slug: string): Promise<readonly string[]> {
    const hit = this.origins.get(slug);
    if (hit && hit.until > this.clock.now().getTime()) return hit.origins;
    const origins = await tenantQueries.originsBySlug(this.control, slug);
    if (!origins) return [];
    this.origins.set(slug, { origins, until: this.clock.now().getTime() + TTL_MS });
    return origins;
  }

  /** Called for every change heard on the feed. */
  heard(change: HeardChange): void {
    if (change.kind === 'everything') {
      this.bySlug.clear();
      this.origins.clear();
    } else if (change.kind === 'tenant') {
      this.bySlug.delete(change.slug);
      this.origins.delete(change.slug);
      // A slug may have moved: drop any entry of the same id too.
      for (const [slug, e] of this.bySlug) if (e.tenant.id === change.tenantId) this.bySlug.delete(slug);
    }
  }
}
