import { endOfLocalDay, localDate } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import type { ServiceDefinition } from '@satupintu/plugin-sdk';
import { dueAfter } from '@satupintu/workflow';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService, InstalledService } from '../installations/index.js';
import { cutiBersamaWorking, waitingFor } from '../applications/sla.js';
import { consentNotFound, profileConsentRequired, profileNotFound } from './errors.js';
import { profileQueries, type ConsentRow, type Profile, type StepApplicationRow } from './queries.js';
import type { JourneyView, PrefillView, ProfileView } from './schemas.js';

/**
 * Which form fields each profile field fills (the names the plugins use for the applicant). Only
 * fields the target form defines are filled; the citizen still checks and submits the form.
 */
const PROFILE_FIELDS: Record<keyof Profile, readonly string[]> = {
  nik: ['nik'],
  name: ['namaLengkap', 'namaPemohon', 'nama'],
  address: ['alamat'],
  phone: ['noHp'],
  email: ['email'],
};

/** The form data a profile pre-fills for a service (its top-level fields only). */
export function prefillFrom(profile: Profile, service: ServiceDefinition): Record<string, string> {
  const props = (service.form.schema as { properties?: Record<string, unknown> }).properties ?? {};
  const out: Record<string, string> = {};
  for (const [field, names] of Object.entries(PROFILE_FIELDS) as [keyof Profile, readonly string[]][]) {
    const value = profile[field];
    if (value === undefined) continue;
    const target = names.find((n) => n in props);
    if (target) out[target] = value;
  }
  return out;
}

interface Step {
  def: InstalledService | null;
  id: string;
  feeds: { service: string; document: string; output: string; conditional: boolean } | null;
}

/**
 * Journeys across agencies (layanan terintegrasi), issue 23 part sla. A journey is declared by the
 * plugins themselves: a document a service requires may be another service's output
 * (`documents[].fromService`, e.g. Polri's loss report into Dukcapil's KTP-el replacement), so a
 * service's journey is the chain of services whose outputs feed it, first step first. Its ETA sums
 * the steps' SLAs on the tenant's working-day calendar; one applicant profile serves every agency
 * of the journey, each only with the person's consent.
 */
export class JourneyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly installations: InstallationService,
    private readonly calendar: CalendarService,
  ) {}

  /** The journey's steps, prerequisites first (a source the tenant does not offer stays, unoffered). */
  private async steps(ctx: Pick<TenantCtx, 'tenant' | 'now' | 'stats' | 'log'>, serviceId: string): Promise<Step[]> {
    const out: Step[] = [];
    const seen = new Set<string>();
    const visit = async (id: string, feeds: Step['feeds'], root: boolean): Promise<void> => {
      if (seen.has(id)) return;
      seen.add(id);
      let def: InstalledService | null = null;
      try {
        def = await this.installations.service(ctx, id);
      } catch (e) {
        if (root) throw e;
      }
      // Every document the plugin lets another service's output stand for; `conditional` when the form decides (a lost KTP needs the loss report).
      for (const d of def?.service.documents ?? [])
        if (d.fromService && (d.minCount > 0 || d.requiredWhen))
          await visit(`${d.fromService.plugin}.${d.fromService.service}`, { service: id, document: d.code, output: d.fromService.output, conditional: d.minCount === 0 }, false);
      out.push({ def, id, feeds });
    };
    await visit(serviceId, null, true);
    return out;
  }

  /**
   * The journey's ETA in working days: from today, or (for a citizen, `mine`) from where their own
   * applications stand — a completed step is done, a step in progress ends on its due date, a step
   * whose clock waits for its start event (or not yet filed) is counted from today.
   */
  async journey(ctx: TenantCtx | TenantUserCtx, serviceId: string, mine = false): Promise<JourneyView> {
    const steps = await this.steps(ctx, serviceId);
    const cal = await this.calendar.forTenant(ctx);
    const tz = ctx.tenant.timeZone;
    const subject = mine && 'identity' in ctx && ctx.identity ? ctx.identity.subject : null;
    const { cb, apps } = await this.uow.read(ctx, async (tx) => {
      const cb = new Map<string, boolean>();
      for (const s of steps) if (s.def) cb.set(s.id, await cutiBersamaWorking(tx.sql, s.def.agency.code, s.def.service));
      const apps = subject ? await profileQueries.latestOf(tx.sql, subject, steps.map((s) => s.id)) : [];
      return { cb, apps: new Map(apps.map((a: StepApplicationRow) => [`${a.plugin_id}.${a.service_code}`, a])) };
    });
    let at = ctx.now;
    let workingDays = 0;
    const items: JourneyView['steps'] = [];
    for (const s of steps) {
      const app = apps.get(s.id);
      let status: 'done' | 'in-progress' | 'to-do' | 'not-offered' = 'to-do';
      let end: Date = at;
      if (!s.def) status = 'not-offered';
      else if (app?.status === 'completed') {
        status = 'done';
        end = app.completed_at ?? at;
      } else if (app?.status === 'submitted' && app.due_date) {
        status = 'in-progress';
        end = endOfLocalDay(app.due_date, tz);
        if (end.getTime() < at.getTime()) end = at;
      } else {
        if (app?.status === 'submitted') status = 'in-progress';
        const sla = s.def.service.sla;
        end = dueAfter(at, sla, cal, cb.get(s.id) ?? false).at;
        if (sla.unit === 'working-days') workingDays += sla.value;
      }
      at = end.getTime() > at.getTime() ? end : at;
      items.push({
        service: s.id,
        name: s.def ? { id: s.def.service.name.id, en: s.def.service.name.en } : null,
        agency: s.def ? { code: s.def.agency.code, name: { id: s.def.agency.name.id, en: s.def.agency.name.en } } : null,
        sla: s.def ? { value: s.def.service.sla.value, unit: s.def.service.sla.unit } : null,
        startsOn: s.def ? waitingFor(s.def.service) : null,
        feeds: s.feeds,
        status,
        application: app ? { id: app.id, status: app.status } : null,
        estimatedDate: status === 'not-offered' ? null : localDate(status === 'done' ? end : at, tz),
      });
    }
    return { service: serviceId, from: localDate(ctx.now, tz), steps: items, workingDays, estimatedDate: localDate(at, tz), offered: items.every((i) => i.status !== 'not-offered') };
  }

  async profile(ctx: TenantUserCtx): Promise<ProfileView> {
    return this.uow.read(ctx, async (tx) => {
      const p = await profileQueries.load(tx.sql, ctx.identity.subject);
      if (!p) throw profileNotFound();
      return viewOf(p.profile, p.version, p.updated_at, await profileQueries.consents(tx.sql, ctx.identity.subject));
    });
  }

  /** Asked once: the citizen saves their profile (a new version replaces it; consents stay). */
  async saveProfile(ctx: TenantUserCtx, profile: Profile): Promise<ProfileView> {
    return this.uow.write(ctx, async (tx) => {
      const p = await profileQueries.save(tx.sql, { tenantId: ctx.tenant.id, subject: ctx.identity.subject, profile, now: ctx.now });
      return viewOf(p.profile, p.version, p.updated_at, await profileQueries.consents(tx.sql, ctx.identity.subject));
    });
  }

  /** The citizen consents to an agency pre-filling its forms from the profile (recorded with its statement and time). */
  async grant(ctx: TenantUserCtx, agency: string, statement: string): Promise<ConsentView> {
    return this.uow.write(ctx, async (tx) => consentView(await profileQueries.grant(tx.sql, { tenantId: ctx.tenant.id, subject: ctx.identity.subject, agency, statement, now: ctx.now })));
  }

  async withdraw(ctx: TenantUserCtx, agency: string): Promise<void> {
    await this.uow.write(ctx, async (tx) => {
      if (!(await profileQueries.withdraw(tx.sql, ctx.identity.subject, agency, ctx.now))) throw consentNotFound();
    });
  }

  /** The service's form pre-filled from the caller's profile — only where they consented to its agency (else 403). */
  async prefill(ctx: TenantUserCtx, serviceId: string): Promise<PrefillView> {
    const def = await this.installations.service(ctx, serviceId);
    return this.uow.read(ctx, async (tx) => {
      const p = await profileQueries.load(tx.sql, ctx.identity.subject);
      if (!p) throw profileNotFound();
      const consent = await profileQueries.consent(tx.sql, ctx.identity.subject, def.agency.code);
      if (!consent) throw profileConsentRequired(def.agency.code);
      return { service: serviceId, agency: def.agency.code, profileVersion: p.version, consentGrantedAt: consent.granted_at.toISOString(), data: prefillFrom(p.profile, def.service) };
    });
  }
}

type ConsentView = ProfileView['consents'][number];
const consentView = (c: ConsentRow): ConsentView => ({ agency: c.agency_code, statement: c.statement, grantedAt: c.granted_at.toISOString() });
function viewOf(profile: Profile, version: number, updatedAt: Date, consents: ConsentRow[]): ProfileView {
  return { profile, version, updatedAt: updatedAt.toISOString(), consents: consents.map(consentView) };
}
