import Type from 'typebox';
import { AnyObject, Strict, TenantPath } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { ServiceOverlaySchema } from '../plugins/schemas.js';

export { ServiceOverlaySchema };

export const PluginId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id, e.g. imigrasi' });
export const ServiceCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Service code, e.g. paspor-baru' });
const SemVer = (description: string) => Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description });

export const InstallationsPath = TenantPath();
export const InstallationPath = TenantPath({ plugin: PluginId });
export const OverlayPath = TenantPath({ plugin: PluginId, service: ServiceCode });
export const InstallBody = Strict({ version: SemVer('Published version to pin, e.g. 1.0.0') });
export const PageQuery = Strict({ ...PageParams });

export const InstallationSchema = Type.Object(
  {
    plugin: PluginId,
    version: SemVer('The pinned version'),
    contentHash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'Content hash of the pinned version' }),
    installedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Last move to another version' }),
    installedBy: Type.String(),
    overlays: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }), ServiceOverlaySchema, { description: 'The regency’s overlay per service code (only services that have one)' }),
  },
  { additionalProperties: false, 'x-component': 'Installation' },
);
export type Installation = Type.Static<typeof InstallationSchema>;

export const InstallActions = ['installed', 'upgraded', 'downgraded', 'unchanged'] as const;
export const InstallationChangeSchema = Type.Object(
  {
    action: Type.Enum([...InstallActions], { description: 'What the call did (`unchanged`: it was already pinned to this version)' }),
    ...InstallationSchema.properties,
  },
  { additionalProperties: false, 'x-component': 'InstallationChange' },
);

export const InstallationEventSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    at: Type.String({ format: 'date-time' }),
    actor: Type.String(),
    action: Type.String({
      description:
        '`plugin.installed`, `plugin.upgraded`, `plugin.downgraded`, `plugin.uninstalled` (data: plugin, from, to, contentHash), `plugin.overlay.set` (data: plugin, service, version, from, to: the overlays), `standard.published`, `standard.withdrawn` (data: the SK)',
    }),
    subject: Type.String({ description: '`plugin:<id>` or `service:<plugin>.<service>`' }),
    data: AnyObject('What changed, as the audit trail recorded it (see `action`)'),
  },
  { additionalProperties: false, 'x-component': 'InstallationEvent' },
);
export type InstallationEvent = Type.Static<typeof InstallationEventSchema>;
