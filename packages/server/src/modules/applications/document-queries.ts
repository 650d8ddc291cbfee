import type { Sql } from '@satupintu/db';
import type { ApplicationRow } from './queries.js';

/** Another application's issued output, as a journey takes it (layanan terintegrasi). */
export interface JourneySourceRow {
  id: string;
  tracking_code: string;
  plugin_id: string;
  plugin_version: string;
  service_code: string;
  agency_code: string;
  applicant_sub: string | null;
  applicant: ApplicationRow['applicant'];
  data: Record<string, unknown>;
  output_key: string | null;
  output_media_type: string | null;
  output_size: string | null;
  output_sha256: string | null;
  issued_at: Date | null;
  output_data: Record<string, unknown> | null;
}

/** An attached document and, for a journey's, what its source output says (validity.ts). */
export interface AttachedEvidenceRow {
  document_code: string;
  source: 'upload' | 'journey';
  source_tracking_code: string | null;
  source_plugin_id: string | null;
  source_plugin_version: string | null;
  source_service_code: string | null;
  source_agency_code: string | null;
  source_output: string | null;
  issued_at: Date | null;
  output_data: Record<string, unknown> | null;
}

export const documentQueries = {
  sameBytes(sql: Sql, appId: string, code: string, sha256: string, source: string): Promise<{ id: string; filename: string | null } | undefined> {
    return sql.maybe(`select id, filename from application_documents where application_id = $1 and document_code = $2 and sha256 = $3 and source = $4 limit 1`, [appId, code, sha256, source]);
  },

  async count(sql: Sql, appId: string, code: string): Promise<number> {
    return (await sql.one<{ n: number }>(`select count(*)::int as n from application_documents where application_id = $1 and document_code = $2`, [appId, code])).n;
  },

  async insert(
    sql: Sql,
    d: { tenantId: string; appId: string; id: string; code: string; key: string; filename: string | null; mediaType: string; size: number; sha256: string; source: 'upload' | 'journey'; sourceApp: string | null; sourceOutput: string | null; by: string; now: Date },
  ): Promise<void> {
    await sql.exec(
      `insert into application_documents (tenant_id, application_id, id, document_code, object_key, filename, media_type, size, sha256, source, source_application_id, source_output, uploaded_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [d.tenantId, d.appId, d.id, d.code, d.key, d.filename, d.mediaType, d.size, d.sha256, d.source, d.sourceApp, d.sourceOutput, d.by, d.now],
    );
  },

  journeySource(sql: Sql, trackingCode: string, output: string): Promise<JourneySourceRow | undefined> {
    return sql.maybe(
      `select a.id, a.tracking_code, a.plugin_id, a.plugin_version, a.service_code, a.agency_code, a.applicant_sub, a.applicant, a.data,
              o.object_key as output_key, o.media_type as output_media_type, o.size as output_size, o.sha256 as output_sha256, o.issued_at, o.data as output_data
         from applications a left join application_outputs o on o.application_id = a.id and o.output_code = $2
        where a.tracking_code = $1`,
      [trackingCode, output],
    );
  },

  /** Every document attached to an application with, for a journey's, its source output (one row per document). */
  attachedEvidence(sql: Sql, appId: string): Promise<AttachedEvidenceRow[]> {
    return sql.rows(
      `select d.document_code, d.source, s.tracking_code as source_tracking_code, s.plugin_id as source_plugin_id, s.plugin_version as source_plugin_version,
              s.service_code as source_service_code, s.agency_code as source_agency_code, d.source_output, o.issued_at, o.data as output_data
         from application_documents d
         left join applications s on s.id = d.source_application_id
         left join application_outputs o on o.application_id = d.source_application_id and o.output_code = d.source_output
        where d.application_id = $1 order by d.created_at, d.id`,
      [appId],
    );
  },

  documentObject(sql: Sql, appId: string, documentId: string): Promise<{ key: string; filename: string | null; media_type: string } | undefined> {
    return sql.maybe(`select object_key as key, filename, media_type from application_documents where application_id = $1 and id = $2`, [appId, documentId]);
  },

  outputObject(sql: Sql, appId: string, output: string): Promise<{ key: string; filename: string | null; media_type: string } | undefined> {
    return sql.maybe(`select object_key as key, output_code || '.pdf' as filename, media_type from application_outputs where application_id = $1 and output_code = $2 and object_key is not null`, [appId, output]);
  },

  async issueOutput(
    sql: Sql,
    o: { tenantId: string; appId: string; code: string; kind: string; key: string | null; mediaType: string | null; size: number | null; sha256: string | null; by: string; issuedAt: Date; validUntil: Date | null; data: Record<string, unknown> | null },
  ): Promise<void> {
    await sql.exec(
      `insert into application_outputs (tenant_id, application_id, output_code, kind, object_key, media_type, size, sha256, issued_by, issued_at, valid_until, data)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       on conflict (tenant_id, application_id, output_code) do update set object_key = excluded.object_key, media_type = excluded.media_type, size = excluded.size,
         sha256 = excluded.sha256, issued_at = excluded.issued_at, valid_until = excluded.valid_until, data = excluded.data`,
      [o.tenantId, o.appId, o.code, o.kind, o.key, o.mediaType, o.size, o.sha256, o.by, o.issuedAt, o.validUntil, o.data ? JSON.stringify(o.data) : null],
    );
  },
};
