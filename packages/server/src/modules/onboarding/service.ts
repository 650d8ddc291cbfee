import type { Tenant } from '@satupintu/core';
import type { TenantCtx } from '../../context.js';
import type { DriftReport, KajiTiruService } from './kaji-tiru.js';
import type { LifecycleEvent, LifecycleService } from './lifecycle.js';
import type { AgencyInput, AgencyRecord, DecreeInput, DecreeRecord, MaklumatInput, MaklumatRecord, PublicMaklumat, RecordsService } from './records.js';
import type { LifecycleMoveInput, ServiceReadiness } from './rules.js';
import type { Checklist, StandardsService } from './standards.js';

/**
 * A regency's way to an operating MPP, as one service: the lifecycle against the commitment
 * deadline (lifecycle.ts), its formal records (records.ts), standar pelayanan and the checklist
 * (standards.ts), kaji tiru (kaji-tiru.ts). Every method takes the context first; writes that
 * name who did them take the actor as the old API did.
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

  // agencies, maklumat, decrees
  setAgency(ctx: TenantCtx, agencyCode: string, input: AgencyInput, actor: string): Promise<AgencyRecord> {
    return this.records.setAgency(ctx, agencyCode, input, actor);
  }
  removeAgency(ctx: TenantCtx, agencyCode: string, actor: string): Promise<void> {
    return this.records.removeAgency(ctx, agencyCode, actor);
  }
  agencies(ctx: TenantCtx): Promise<AgencyRecord[]> {
    return this.records.agencies(ctx);
  }
  setMaklumat(ctx: TenantCtx, input: MaklumatInput, actor: string): Promise<MaklumatRecord> {
    return this.records.setMaklumat(ctx, input, actor);
  }
  maklumat(ctx: TenantCtx): Promise<PublicMaklumat | null> {
    return this.records.maklumat(ctx);
  }
  addDecree(ctx: TenantCtx, input: DecreeInput, actor: string): Promise<DecreeRecord> {
    return this.records.addDecree(ctx, input, actor);
  }
  decrees(ctx: TenantCtx): Promise<DecreeRecord[]> {
    return this.records.decrees(ctx);
  }

  // standar pelayanan and the checklist
  services(ctx: TenantCtx): Promise<ServiceReadiness[]> {
    return this.standards.services(ctx);
  }
  publishStandard(ctx: TenantCtx, serviceId: string, input: { skNumber: string; skDate: string }, actor: string): Promise<ServiceReadiness> {
    return this.standards.publish(ctx, serviceId, input, actor);
  }
  withdrawStandard(ctx: TenantCtx, serviceId: string, actor: string): Promise<void> {
    return this.standards.withdraw(ctx, serviceId, actor);
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
