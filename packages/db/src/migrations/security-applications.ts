import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed a citizen's application, and what (issue 19): a timeline entry may carry the changes
 * a write made — form fields with their old and new values, documents added — when someone other
 * than the citizen wrote (the operator or officer filing with consent), or an SOP action corrected
 * the form. And the database itself keeps a submitted application's form as it is unless the same
 * transaction wrote the action's entry with its diff first: no code path can change it silently.
 */
export class RegionApplicationChanges1764800000200 implements MigrationInterface {
  name = 'RegionApplicationChanges1764800000200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table application_events add column changes jsonb check (changes is null or jsonb_typeof(changes) = 'array')`);
    await q.query(`
      create function applications_form_frozen() returns trigger
      language plpgsql
      as $$
      begin
        if old.status <> 'draft' and new.data is distinct from old.data and not exists (
             select 1 from application_events e
              where e.tenant_id = new.tenant_id and e.application_id = new.id and e.changes is not null
                and e.xmin = pg_current_xact_id()::xid) then
          raise exception 'the form of a submitted application changes only through an SOP action that records the diff'
            using errcode = 'check_violation', constraint = 'applications_form_frozen';
        end if;
        return new;
      end $$`);
    await q.query(`create trigger applications_form_frozen before update of data on applications for each row execute function applications_form_frozen()`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop trigger applications_form_frozen on applications');
    await q.query('drop function applications_form_frozen()');
    await q.query('alter table application_events drop column changes');
  }
}
