import type { Tenant } from '@satupintu/core';
import type { TenantCtx } from '../../context.js';
import type { PageOf } from '../../pagination.js';
import type { Preconditions } from '../../preconditions.js';
import type { DriftReport, KajiTiruService } from './kaji-tiru.js';
import type { LifecycleEvent, LifecycleService } from './lifecycle.js';
import type { AgencyInput, AgencyRecord, DecreeInput, DecreeRecord, MaklumatInput, MaklumatRecord, PublicMaklumat, RecordsService } from './records.js';
import type { LifecycleMoveInput, ServiceReadiness } from './rules.js';
import type { Checklist, PublishedStandard, StandardsService } from './standards.js';

type PageQuery = { limit?: number; cursor?: string };

/**
 * A regency's way to an operating MPP, as one service: the lifecycle against the commitment
 * deadline (lifecycle.ts), its formal records (records.ts), standar pelayanan and the checklist
 * (standards.ts), kaji tiru (kaji-tiru.ts). Every method takes the context first; writes that
 * name who did them take the actor as the old API did. A request's preconditions (If-Match) go
 * last; the platform's own callers (seed, CLI) pass none.
 */
export class OnboardingService {
  constructor(
    readonly lifecycle: LifecycleService,
    readonly records: RecordsService,
    readonly standards: StandardsService,
    readonly kajiTiru: KajiTiruService,
  ) {}

  // lifecycle
  move(ctx: TenantCtx, input: LifecycleMoveInput, actor: string): Promise<Tenant> {
    return this.lifecycle.move(ctx, input, actor);
  }
  history(ctx: TenantCtx): Promise<LifecycleEvent[]> {
    return this.lifecycle.history(ctx);
  }
  historyPage(ctx: TenantCtx, query: PageQuery): Promise<PageOf<LifecycleEvent>> {
    return this.lifecycle.historyPage(ctx, query);
  }

  // agencies, maklumat, decrees
  setAgency(ctx: TenantCtx, agencyCode: string, input: AgencyInput, actor: string, pre?: Preconditions): Promise<{ agency: AgencyRecord; etag: string }> {
    return this.records.setAgency(ctx, agencyCode, input, actor, pre);
  }
  agency(ctx: TenantCtx, agencyCode: string): Promise<{ agency: AgencyRecord; etag: string }> {
    return this.records.agency(ctx, agencyCode);
  }
  removeAgency(ctx: TenantCtx, agencyCode: string, actor: string, pre?: Preconditions): Promise<void> {
    return this.records.removeAgency(ctx, agencyCode, actor, pre);
  }
  agencies(ctx: TenantCtx): Promise<AgencyRecord[]> {
    return this.records.agencies(ctx);
  }
  agencyPage(ctx: TenantCtx, query: PageQuery): Promise<PageOf<AgencyRecord>> {
    return this.records.agencyPage(ctx, query);
  }
  setMaklumat(ctx: TenantCtx, input: MaklumatInput, actor: string, pre?: Preconditions): Promise<{ maklumat: MaklumatRecord; etag: string }> {
    return this.records.setMaklumat(ctx, input, actor, pre);
  }
  maklumat(ctx: TenantCtx): Promise<PublicMaklumat | null> {
    return this.records.maklumat(ctx);
  }
  publicMaklumat(ctx: TenantCtx): Promise<{ maklumat: PublicMaklumat | null; etag: string }> {
    return this.records.publicMaklumat(ctx);
  }
  addDecree(ctx: TenantCtx, input: DecreeInput, actor: string): Promise<DecreeRecord> {
    return this.records.addDecree(ctx, input, actor);
  }
  decrees(ctx: TenantCtx): Promise<DecreeRecord[]> {
    return this.records.decrees(ctx);
  }
  decreePage(ctx: TenantCtx, query: PageQuery): Promise<PageOf<DecreeRecord>> {
    return this.records.decreePage(ctx, query);
  }

  // standar pelayanan and the checklist
  services(ctx: TenantCtx): Promise<ServiceReadiness[]> {
    return this.standards.services(ctx);
  }
  servicePage(ctx: TenantCtx, query: PageQuery): Promise<PageOf<ServiceReadiness>> {
    return this.standards.page(ctx, query);
  }
  standard(ctx: TenantCtx, serviceId: string): Promise<{ standard: PublishedStandard; etag: string }> {
    return this.standards.get(ctx, serviceId);
  }
  publishStandard(ctx: TenantCtx, serviceId: string, input: { skNumber: string; skDate: string }, actor: string, pre?: Preconditions): Promise<{ standard: PublishedStandard; etag: string }> {
    return this.standards.publish(ctx, serviceId, input, actor, pre);
  }
  withdrawStandard(ctx: TenantCtx, serviceId: string, actor: string, pre?: Preconditions): Promise<void> {
    return this.standards.withdraw(ctx, serviceId, actor, pre);
  }
  checklist(ctx: TenantCtx): Promise<Checklist> {
    return this.standards.checklist(ctx);
  }

  // kaji tiru
  drift(ctx: TenantCtx): Promise<DriftReport> {
    return this.kajiTiru.drift(ctx);
  }
  adoptModel(ctx: TenantCtx, plugins: string[] | undefined, actor: string) {
    return this.kajiTiru.adopt(ctx, plugins, actor);
  }
}
