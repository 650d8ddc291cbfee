import { InputError, type LocalizedText, type Tenant } from '@satupintu/core';
import { FormValidatorCache } from '@satupintu/forms';
import { applyOverlay, standardComponents, type ServiceDefinition, type ServiceOverlay, type StandardComponent } from '@satupintu/plugin-sdk';
import type { InstallationService } from '../installations/service.js';
import { serviceNotFound } from '../installations/errors.js';
import type { PluginRegistry } from '../plugins/service.js';

/** The six components of the standar pelayanan that must be published (delivery group). */
const PUBLIC_COMPONENTS = ['requirements', 'procedure', 'timeframe', 'fee', 'product', 'complaints'];

export interface CatalogEntry {
  /** `plugin.service`, e.g. `dukcapil.ktpel-penggantian`. */
  id: string;
  plugin: string;
  version: string;
  code: string;
  name: LocalizedText;
  summary: LocalizedText;
  category: string;
  channels: string[];
  keywords: string[];
  agency: { code: string; name: LocalizedText; kind: string };
  counter?: ServiceOverlay['counter'];
  contact?: ServiceOverlay['contact'];
  openingHours?: ServiceOverlay['openingHours'];
  appointmentRequired: boolean;
  schedule?: ServiceDefinition['schedule'];
  standard: Pick<StandardComponent, 'number' | 'key' | 'name' | 'text'>[];
}

/** A tenant's public service catalog: installed services as the regency offers them. */
export class CatalogService {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly installations: InstallationService,
    readonly validators: FormValidatorCache = new FormValidatorCache(),
  ) {}

  private async effective(t: Tenant) {
    const installs = await this.installations.list(t);
    const out: { plugin: string; version: string; contentHash: string; agency: CatalogEntry['agency']; service: ReturnType<typeof applyOverlay> }[] = [];
    for (const i of installs) {
      const { manifest, contentHash } = await this.registry.get(i.plugin, i.version);
      for (const s of manifest.services)
        out.push({ plugin: i.plugin, version: i.version, contentHash, agency: { code: manifest.agency.code, name: manifest.agency.name, kind: manifest.agency.kind }, service: applyOverlay(s, i.overlays[s.code]) });
    }
    return out;
  }

  private entry(e: Awaited<ReturnType<CatalogService['effective']>>[number], components: string[] | 'all'): CatalogEntry {
    const s = e.service;
    return {
      id: `${e.plugin}.${s.code}`,
      plugin: e.plugin,
      version: e.version,
      code: s.code,
      name: s.name,
      summary: s.summary,
      category: s.category,
      channels: s.channels,
      keywords: s.keywords ?? [],
      agency: e.agency,
      ...s.local,
      appointmentRequired: s.schedule?.appointmentRequired ?? false,
      ...(s.schedule ? { schedule: s.schedule } : {}),
      standard: standardComponents(s)
        .filter((c) => components === 'all' || components.includes(c.key))
        .map(({ number, key, name, text }) => ({ number, key, name, text })),
    };
  }

  async list(t: Tenant, filter: { q?: string; category?: string; agency?: string } = {}): Promise<CatalogEntry[]> {
    const q = filter.q?.toLowerCase().trim();
    return (await this.effective(t))
      .filter((e) => !filter.category || e.service.category === filter.category)
      .filter((e) => !filter.agency || e.agency.code === filter.agency)
      .filter(
        (e) =>
          !q ||
          [e.service.name.id, e.service.name.en, e.service.summary.id, e.service.summary.en, ...(e.service.keywords ?? []), e.agency.name.id]
            .join(' ')
            .toLowerCase()
            .includes(q),
      )
      .map((e) => this.entry(e, PUBLIC_COMPONENTS));
  }

  private async find(t: Tenant, serviceId: string) {
    const found = (await this.effective(t)).find((e) => `${e.plugin}.${e.service.code}` === serviceId);
    if (!found) throw serviceNotFound(serviceId.split('.')[0] ?? serviceId, serviceId.split('.').slice(1).join('.'));
    return found;
  }

  /** One service with everything needed to apply: all 14 components, documents, form. */
  async detail(t: Tenant, serviceId: string) {
    const found = await this.find(t, serviceId);
    const s = found.service;
    return {
      ...this.entry(found, 'all'),
      contentHash: found.contentHash,
      standardComplete: standardComponents(s).every((c) => c.complete),
      documents: s.documents,
      form: s.form,
      sla: s.sla,
      fee: s.fee,
      outputs: s.outputs,
      sop: { initial: s.sop.initial, states: s.sop.states },
    };
  }

  /** Validates form data against the tenant's installed version of the service (nothing stored). */
  async validate(t: Tenant, serviceId: string, data: unknown) {
    const found = await this.find(t, serviceId);
    const errors = this.validators.validate(found.contentHash, found.service.code, found.service.form.schema, data);
    if (errors.length)
      throw new InputError({
        status: 422,
        code: 'FORM_INVALID',
        title: { id: 'Isian formulir belum benar', en: 'The form data is invalid' },
        errors,
      });
    return { valid: true, plugin: found.plugin, version: found.version };
  }
}
