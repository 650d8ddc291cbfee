import { EntitySchema } from 'typeorm';
import type { MppStatus } from '@satupintu/core';

// Entity schemas (not decorators): the code runs as ES modules through esbuild/tsx, which does
// not emit decorator metadata, and explicit schemas keep column types visible next to the SQL.

// ---- control plane ------------------------------------------------------------------------

export interface RegionRow {
  id: string;
  name: string;
  bucket: string;
  createdAt: Date;
}

export const RegionEntity = new EntitySchema<RegionRow>({
  name: 'Region',
  tableName: 'regions',
  columns: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    bucket: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export interface TenantRow {
  id: string;
  slug: string;
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  timeZone: string;
  population: number;
  homeRegion: string;
  mppStatus: MppStatus;
  /** Date the commitment with KemenPAN-RB was signed (YYYY-MM-DD); the deadline is a year later. */
  committedOn: string | null;
  deadline: string | null;
  launchedOn: string | null;
  inauguratedOn: string | null;
  /** Kaji tiru: the role-model tenant this one was copied from. */
  modelTenantId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const TenantEntity = new EntitySchema<TenantRow>({
  name: 'Tenant',
  tableName: 'tenants',
  columns: {
    id: { type: 'uuid', primary: true },
    slug: { type: 'text', unique: true },
    code: { type: 'text', unique: true },
    name: { type: 'text' },
    provinceCode: { type: 'text', name: 'province_code' },
    provinceName: { type: 'text', name: 'province_name' },
    timeZone: { type: 'text', name: 'time_zone' },
    population: { type: 'integer' },
    homeRegion: { type: 'text', name: 'home_region' },
    mppStatus: { type: 'text', name: 'mpp_status' },
    committedOn: { type: 'date', name: 'committed_on', nullable: true },
    deadline: { type: 'date', nullable: true },
    launchedOn: { type: 'date', name: 'launched_on', nullable: true },
    inauguratedOn: { type: 'date', name: 'inaugurated_on', nullable: true },
    modelTenantId: { type: 'uuid', name: 'model_tenant_id', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export interface IdempotencyRow {
  scope: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: Date;
}

export const IdempotencyEntity = new EntitySchema<IdempotencyRow>({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_records',
  columns: {
    scope: { type: 'text', primary: true },
    key: { type: 'text', primary: true },
    requestHash: { type: 'text', name: 'request_hash' },
    status: { type: 'integer' },
    body: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

// ---- data plane (per region; every table is tenant-owned and under row-level security) ------

export interface TenantProfileRow {
  tenantId: string;
  slug: string;
  name: string;
  timeZone: string;
  createdAt: Date;
}

export const TenantProfileEntity = new EntitySchema<TenantProfileRow>({
  name: 'TenantProfile',
  tableName: 'tenant_profiles',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    slug: { type: 'text' },
    name: { type: 'text' },
    timeZone: { type: 'text', name: 'time_zone' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export interface AuditEventRow {
  tenantId: string;
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    at: { type: 'timestamptz', createDate: true },
    actor: { type: 'text' },
    action: { type: 'text' },
    subject: { type: 'text', nullable: true },
    data: { type: 'jsonb' },
  },
});

export interface PluginRow {
  id: string;
  agencyCode: string;
  agencyName: { id: string; en: string };
  agencyKind: 'vertical' | 'regional';
  createdAt: Date;
}

export const PluginEntity = new EntitySchema<PluginRow>({
  name: 'Plugin',
  tableName: 'plugins',
  columns: {
    id: { type: 'text', primary: true },
    agencyCode: { type: 'text', name: 'agency_code' },
    agencyName: { type: 'jsonb', name: 'agency_name' },
    agencyKind: { type: 'text', name: 'agency_kind' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export interface PluginVersionRow {
  pluginId: string;
  version: string;
  contentHash: string;
  manifest: unknown;
  hostRange: string;
  serviceCount: number;
  publishedBy: string;
  publishedAt: Date;
}

export const PluginVersionEntity = new EntitySchema<PluginVersionRow>({
  name: 'PluginVersion',
  tableName: 'plugin_versions',
  columns: {
    pluginId: { type: 'text', primary: true, name: 'plugin_id' },
    version: { type: 'text', primary: true },
    contentHash: { type: 'text', name: 'content_hash' },
    manifest: { type: 'jsonb' },
    hostRange: { type: 'text', name: 'host_range' },
    serviceCount: { type: 'integer', name: 'service_count' },
    publishedBy: { type: 'text', name: 'published_by' },
    publishedAt: { type: 'timestamptz', name: 'published_at', createDate: true },
  },
});

export interface PluginInstallationRow {
  tenantId: string;
  pluginId: string;
  version: string;
  contentHash: string;
  installedBy: string;
  installedAt: Date;
  updatedAt: Date;
}

export const PluginInstallationEntity = new EntitySchema<PluginInstallationRow>({
  name: 'PluginInstallation',
  tableName: 'plugin_installations',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    pluginId: { type: 'text', primary: true, name: 'plugin_id' },
    version: { type: 'text' },
    contentHash: { type: 'text', name: 'content_hash' },
    installedBy: { type: 'text', name: 'installed_by' },
    installedAt: { type: 'timestamptz', name: 'installed_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export interface ServiceOverlayRow {
  tenantId: string;
  pluginId: string;
  serviceCode: string;
  overlay: Record<string, unknown>;
  updatedBy: string;
  updatedAt: Date;
}

export const ServiceOverlayEntity = new EntitySchema<ServiceOverlayRow>({
  name: 'ServiceOverlay',
  tableName: 'service_overlays',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    pluginId: { type: 'text', primary: true, name: 'plugin_id' },
    serviceCode: { type: 'text', primary: true, name: 'service_code' },
    overlay: { type: 'jsonb' },
    updatedBy: { type: 'text', name: 'updated_by' },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export const controlEntities = [RegionEntity, TenantEntity, IdempotencyEntity, PluginEntity, PluginVersionEntity];
export const regionEntities = [TenantProfileEntity, AuditEventEntity, PluginInstallationEntity, ServiceOverlayEntity];
