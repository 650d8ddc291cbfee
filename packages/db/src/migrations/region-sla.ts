import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Issue 23 (sla). When each clock of an application started, so its due dates can be computed
 * again when the calendar changes (a holiday or cuti bersama set later, a closure, an agency's
 * cuti-bersama rule): `sla_started_at` — the SOP's declared start event (`sop.sla.startsOn`;
 * submission when none), null while the service clock waits for it; `step_started_at` — when the
 * current step began. Existing submitted applications started both at submission / their last move.
 */
export class RegionSlaStart1765400000500 implements MigrationInterface {
  name = 'RegionSlaStart1765400000500';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table applications add column sla_started_at timestamptz, add column step_started_at timestamptz`);
    await q.query(`update applications set sla_started_at = submitted_at where submitted_at is not null and due_at is not null`);
    await q.query(`
      update applications a set step_started_at = coalesce(
        (select max(e.at) from application_events e where e.application_id = a.id and e.to_state = a.state and e.from_state is distinct from e.to_state),
        a.submitted_at)
       where a.status = 'submitted'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table applications drop column sla_started_at, drop column step_started_at');
  }
}

/**
 * Issue 23 (sla), journeys: one applicant profile per person and tenant (asked once), and the
 * person's consent per agency to pre-fill that agency's forms from it (UU 27/2022: shared only on
 * consent, withdrawable; a withdrawal is kept with its time).
 */
export class RegionApplicantProfiles1765400000501 implements MigrationInterface {
  name = 'RegionApplicantProfiles1765400000501';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table applicant_profiles (
        tenant_id uuid not null,
        subject text not null,
        profile jsonb not null,
        version integer not null,
        updated_at timestamptz not null,
        primary key (tenant_id, subject)
      )`);
    await q.query(`
      create table profile_consents (
        tenant_id uuid not null,
        subject text not null,
        agency_code text not null,
        statement text not null,
        granted_at timestamptz not null,
        withdrawn_at timestamptz,
        primary key (tenant_id, subject, agency_code)
      )`);
    await enableTenantRls(q, 'applicant_profiles');
    await enableTenantRls(q, 'profile_consents');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table profile_consents');
    await q.query('drop table applicant_profiles');
  }
}

/**
 * Issue 23 (sla), journeys: one combined SKM survey for a journey where the tenant opts in
 * (`skm_settings.combined_journey_survey`). The last step's invitation names the journey's other
 * steps (`journey`: plugin, service, agency each), whose still-open invitations it takes over
 * (`merged_into`); one answer then counts once for each agency (PermenPANRB 14/2017: IKM per unit).
 */
export class RegionCombinedSurvey1765400000502 implements MigrationInterface {
  name = 'RegionCombinedSurvey1765400000502';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table skm_settings (
        tenant_id uuid not null primary key,
        combined_journey_survey boolean not null,
        updated_by text not null,
        updated_at timestamptz not null
      )`);
    await enableTenantRls(q, 'skm_settings');
    await q.query(`alter table skm_invitations add column journey jsonb, add column merged_into uuid`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table skm_invitations drop column journey, drop column merged_into');
    await q.query('drop table skm_settings');
  }
}
