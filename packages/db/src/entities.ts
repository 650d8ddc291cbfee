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

export const controlEntities = [RegionEntity, TenantEntity, IdempotencyEntity];
export const regionEntities = [TenantProfileEntity, AuditEventEntity];
