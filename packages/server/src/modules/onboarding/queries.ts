import type { MppStatus } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import type { ServiceOverlay } from '@satupintu/plugin-sdk';

export const DECREE_KINDS = ['formation-team', 'mpp-establishment', 'service-standards', 'maklumat', 'other'] as const;
export type DecreeKind = (typeof DECREE_KINDS)[number];

// ---- control plane: the tenant row's lifecycle columns and the move history ------------------------

/** The lifecycle columns of a tenant row (dates as YYYY-MM-DD text). */
export interface LifecycleRow {
  mpp_status: MppStatus;
  committed_on: string | null;
  deadline: string | null;
  launched_on: string | null;
  inaugurated_on: string | null;
  updated_at: Date;
}

export interface HistoryRow {
  seq: number;
  from_status: MppStatus | null;
  to_status: MppStatus;
  on: string;
  actor: string;
  note: string | null;
  recorded_at: Date;
}

const LIFECYCLE = `mpp_status, committed_on::text, deadline::text, launched_on::text, inaugurated_on::text, updated_at`;

export const lifecycleQueries = {
  /** The tenant's lifecycle columns, locked for a move. */
  lock(sql: Sql, tenantId: string): Promise<LifecycleRow | undefined> {
    return sql.maybe(`select ${LIFECYCLE} from tenants where id = $1 for update`, [tenantId]);
  },

  /** The date of the last move (registration, the first row, does not count) and the last sequence number. */
  last(sql: Sql, tenantId: string): Promise<{ on: string | null; seq: number | null }> {
    return sql.one(
      `select (select effective_on::text from tenant_lifecycle_events where tenant_id = $1 and from_status is not null order by seq desc limit 1) as on,
              (select max(seq) from tenant_lifecycle_events where tenant_id = $1) as seq`,
      [tenantId],
    );
  },

  update(
    sql: Sql,
    tenantId: string,
    d: { mppStatus: MppStatus; committedOn: string | null; deadline: string | null; launchedOn: string | null; inauguratedOn: string | null },
    now: Date,
  ): Promise<LifecycleRow> {
    return sql.one(
      `update tenants set mpp_status = $2, committed_on = $3, deadline = $4, launched_on = $5, inaugurated_on = $6, updated_at = $7 where id = $1 returning ${LIFECYCLE}`,
      [tenantId, d.mppStatus, d.committedOn, d.deadline, d.launchedOn, d.inauguratedOn, now],
    );
  },

  async insertEvent(sql: Sql, e: { tenantId: string; seq: number; from: MppStatus; to: MppStatus; on: string; actor: string; note: string | null; now: Date }): Promise<void> {
    await sql.exec(
      `insert into tenant_lifecycle_events (tenant_id, seq, from_status, to_status, effective_on, actor, note, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.tenantId, e.seq, e.from, e.to, e.on, e.actor, e.note, e.now],
    );
  },

  history(sql: Sql, tenantId: string): Promise<HistoryRow[]> {
    return sql.rows(`select seq, from_status, to_status, effective_on::text as on, actor, note, recorded_at from tenant_lifecycle_events where tenant_id = $1 order by seq`, [tenantId]);
  },

  /** One page of the moves, oldest first, after sequence number `after` (sequence numbers are unique per tenant). */
  historyPage(sql: Sql, tenantId: string, after: number | null, limit: number): Promise<HistoryRow[]> {
    return sql.rows(
      `select seq, from_status, to_status, effective_on::text as on, actor, note, recorded_at from tenant_lifecycle_events where tenant_id = $1 and ($2::int is null or seq > $2) order by seq limit $3`,
      [tenantId, after, limit],
    );
  },
};

// ---- region (under the tenant's RLS): agencies, maklumat, decrees ----------------------------------

export interface AgencyRow {
  version: number;
  agency_code: string;
  agency_name: string;
  mou_number: string;
  mou_signed_on: string;
  planned_services: number;
  recorded_by: string;
  recorded_at: Date;
}

export interface MaklumatRow {
  version: number;
  text: string;
  signed_by: string;
  signed_on: string;
  published_by: string;
  published_at: Date;
}

export interface DecreeRow {
  kind: DecreeKind;
  number: string;
  signed_on: string;
  title: string;
  recorded_by: string;
  recorded_at: Date;
}

const AGENCY = `version, agency_code, agency_name, mou_number, mou_signed_on::text as mou_signed_on, planned_services, recorded_by, recorded_at`;
const MAKLUMAT = `version, text, signed_by, signed_on::text as signed_on, published_by, published_at`;
const DECREE = `kind, number, signed_on::text as signed_on, title, recorded_by, recorded_at`;

export const recordQueries = {
  agencies(sql: Sql): Promise<AgencyRow[]> {
    return sql.rows(`select ${AGENCY} from tenant_agencies order by agency_code`);
  },

  /** One page of agencies in code order (codes are unique: a stable keyset). */
  agencyPage(sql: Sql, after: string | null, limit: number): Promise<AgencyRow[]> {
    return sql.rows(`select ${AGENCY} from tenant_agencies where ($1::text is null or agency_code > $1) order by agency_code limit $2`, [after, limit]);
  },

  agency(sql: Sql, code: string, lock = false): Promise<AgencyRow | undefined> {
    return sql.maybe(`select ${AGENCY} from tenant_agencies where agency_code = $1${lock ? ' for update' : ''}`, [code]);
  },

  /** Records an agency's MoU; undefined when it was recorded meanwhile. */
  createAgency(sql: Sql, a: { tenantId: string; code: string; name: string; mouNumber: string; mouSignedOn: string; plannedServices: number; by: string; now: Date }): Promise<AgencyRow | undefined> {
    return sql.maybe(
      `insert into tenant_agencies (tenant_id, agency_code, agency_name, mou_number, mou_signed_on, planned_services, recorded_by, recorded_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 1) on conflict (tenant_id, agency_code) do nothing returning ${AGENCY}`,
      [a.tenantId, a.code, a.name, a.mouNumber, a.mouSignedOn, a.plannedServices, a.by, a.now],
    );
  },

  /** Replaces an agency's record and bumps its version. */
  replaceAgency(sql: Sql, a: { code: string; name: string; mouNumber: string; mouSignedOn: string; plannedServices: number; by: string; now: Date }): Promise<AgencyRow> {
    return sql.one(
      `update tenant_agencies set agency_name = $2, mou_number = $3, mou_signed_on = $4, planned_services = $5, recorded_by = $6, recorded_at = $7, version = version + 1
        where agency_code = $1 returning ${AGENCY}`,
      [a.code, a.name, a.mouNumber, a.mouSignedOn, a.plannedServices, a.by, a.now],
    );
  },

  deleteAgency(sql: Sql, code: string): Promise<number> {
    return sql.exec(`delete from tenant_agencies where agency_code = $1`, [code]);
  },

  maklumat(sql: Sql, lock = false): Promise<MaklumatRow | undefined> {
    return sql.maybe(`select ${MAKLUMAT} from tenant_maklumat${lock ? ' for update' : ''}`);
  },

  /** Publishes the first maklumat; undefined when one was published meanwhile. */
  createMaklumat(sql: Sql, m: { tenantId: string; text: string; signedBy: string; signedOn: string; by: string; now: Date }): Promise<MaklumatRow | undefined> {
    return sql.maybe(
      `insert into tenant_maklumat (tenant_id, text, signed_by, signed_on, published_by, published_at, version) values ($1, $2, $3, $4, $5, $6, 1)
       on conflict (tenant_id) do nothing returning ${MAKLUMAT}`,
      [m.tenantId, m.text, m.signedBy, m.signedOn, m.by, m.now],
    );
  },

  /** Replaces the maklumat and bumps its version. */
  replaceMaklumat(sql: Sql, m: { text: string; signedBy: string; signedOn: string; by: string; now: Date }): Promise<MaklumatRow> {
    return sql.one(
      `update tenant_maklumat set text = $1, signed_by = $2, signed_on = $3, published_by = $4, published_at = $5, version = version + 1 returning ${MAKLUMAT}`,
      [m.text, m.signedBy, m.signedOn, m.by, m.now],
    );
  },

  decrees(sql: Sql): Promise<DecreeRow[]> {
    return sql.rows(`select ${DECREE} from tenant_decrees order by signed_on, kind, number`);
  },

  /** One page of decrees by date signed, then kind and number (the primary key: a stable keyset). */
  decreePage(sql: Sql, after: readonly [string, string, string] | undefined, limit: number): Promise<DecreeRow[]> {
    return sql.rows(
      `select ${DECREE} from tenant_decrees where ($1::date is null or (signed_on, kind, number) > ($1::date, $2::text, $3::text)) order by signed_on, kind, number limit $4`,
      [after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
  },

  decree(sql: Sql, kind: DecreeKind, number: string): Promise<DecreeRow | undefined> {
    return sql.maybe(`select ${DECREE} from tenant_decrees where kind = $1 and number = $2`, [kind, number]);
  },

  async setDecree(sql: Sql, d: { tenantId: string; kind: DecreeKind; number: string; signedOn: string; title: string; by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into tenant_decrees (tenant_id, kind, number, signed_on, title, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (tenant_id, kind, number) do update set signed_on = excluded.signed_on, title = excluded.title, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [d.tenantId, d.kind, d.number, d.signedOn, d.title, d.by, d.now],
    );
  },
};

// ---- region: published standar pelayanan ----------------------------------------------------------

export interface StandardRow {
  version: number;
  plugin_id: string;
  service_code: string;
  plugin_version: string;
  sk_number: string;
  sk_date: string;
  published_by: string;
  published_at: Date;
}

const STANDARD = `version, plugin_id, service_code, plugin_version, sk_number, sk_date::text as sk_date, published_by, published_at`;

export const standardQueries = {
  all(sql: Sql): Promise<StandardRow[]> {
    return sql.rows(`select ${STANDARD} from service_standards`);
  },

  one(sql: Sql, pluginId: string, serviceCode: string, lock = false): Promise<StandardRow | undefined> {
    return sql.maybe(`select ${STANDARD} from service_standards where plugin_id = $1 and service_code = $2${lock ? ' for update' : ''}`, [pluginId, serviceCode]);
  },

  /** Publishes a service's first standard; undefined when it was published meanwhile. */
  create(sql: Sql, s: { tenantId: string; pluginId: string; serviceCode: string; version: string; skNumber: string; skDate: string; by: string; now: Date }): Promise<StandardRow | undefined> {
    return sql.maybe(
      `insert into service_standards (tenant_id, plugin_id, service_code, plugin_version, sk_number, sk_date, published_by, published_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, 1)
       on conflict (tenant_id, plugin_id, service_code) do nothing returning ${STANDARD}`,
      [s.tenantId, s.pluginId, s.serviceCode, s.version, s.skNumber, s.skDate, s.by, s.now],
    );
  },

  /** Publishes a standard again (a new SK, or for another plugin version) and bumps its version. */
  replace(sql: Sql, s: { pluginId: string; serviceCode: string; version: string; skNumber: string; skDate: string; by: string; now: Date }): Promise<StandardRow> {
    return sql.one(
      `update service_standards set plugin_version = $3, sk_number = $4, sk_date = $5, published_by = $6, published_at = $7, version = version + 1
        where plugin_id = $1 and service_code = $2 returning ${STANDARD}`,
      [s.pluginId, s.serviceCode, s.version, s.skNumber, s.skDate, s.by, s.now],
    );
  },

  withdraw(sql: Sql, pluginId: string, serviceCode: string): Promise<number> {
    return sql.exec(`delete from service_standards where plugin_id = $1 and service_code = $2`, [pluginId, serviceCode]);
  },
};

// ---- region: what kaji tiru copies into a new tenant ---------------------------------------------

export const kajiTiruQueries = {
  async install(sql: Sql, i: { tenantId: string; pluginId: string; version: string; contentHash: string; by: string; now: Date }): Promise<void> {
    await sql.exec(`insert into plugin_installations (tenant_id, plugin_id, version, content_hash, installed_by, installed_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)`, [
      i.tenantId, i.pluginId, i.version, i.contentHash, i.by, i.now,
    ]);
  },

  async overlay(sql: Sql, o: { tenantId: string; pluginId: string; serviceCode: string; overlay: ServiceOverlay; by: string; now: Date }): Promise<void> {
    await sql.exec(`insert into service_overlays (tenant_id, plugin_id, service_code, overlay, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6)`, [
      o.tenantId, o.pluginId, o.serviceCode, JSON.stringify(o.overlay), o.by, o.now,
    ]);
  },
};
