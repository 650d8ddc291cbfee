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
// Issue 23 (versions): an installation pins an exact version or a range, and follows an auto-upgrade policy.
export const UPGRADE_POLICIES = ['manual', 'patch', 'minor'] as const;
export type UpgradePolicy = (typeof UPGRADE_POLICIES)[number];
const Range = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9xX*^~<>=| .-]+$', description: 'A semver range of published versions, e.g. `2.0.x`, `^2`, `~2.1`' });
const Policy = Type.Enum([...UPGRADE_POLICIES], {
  description: '`manual`: only an admin moves the version; `patch`: a newly published x.y.Z in the range is installed automatically; `minor`: likewise x.Y.z (never a new major)',
});
export const InstallBody = Strict({
  version: Type.Optional(SemVer('Published version to pin, e.g. 1.0.0 (or give `range`)')),
  range: Type.Optional(Range),
  policy: Type.Optional(Policy),
});
export const PreviewQuery = Strict({ to: Type.Optional(SemVer('The version to preview; default: the highest the pin and policy admit, else the latest')) });
const HeldSchema = Type.Union(
  [
    Type.Object(
      {
        version: SemVer('The version the policy admits but that was not installed'),
        at: Type.String({ format: 'date-time' }),
        reason: Type.Array(Type.Object({ pointer: Type.String(), message: Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false }) }, { additionalProperties: false }), {
          description: 'Why: each overlay that no longer fits, with its pointer (`/overlays/<service>/<key>`)',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  { description: 'An automatic upgrade held back because an overlay does not fit the new version (null: none)' },
);
// end issue 23 (versions)
export const PageQuery = Strict({ ...PageParams });

export const InstallationSchema = Type.Object(
  {
    plugin: PluginId,
    version: SemVer('The pinned version'),
    contentHash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'Content hash of the pinned version' }),
    installedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Last move to another version' }),
    installedBy: Type.String(),
    range: Type.Union([Range, Type.Null()], { description: 'The pinned range (null: pinned to `version` exactly)' }),
    policy: Policy,
    held: HeldSchema,
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
        '`plugin.installed`, `plugin.upgraded`, `plugin.downgraded`, `plugin.uninstalled` (data: plugin, from, to, contentHash), `plugin.overlay.set` (data: plugin, service, version, from, to: the overlays), `plugin.pin.set` (data: plugin, version, from, to: range and policy), `plugin.upgrade.held` (data: plugin, from, to, policy, range, reason: the overlays that do not fit); an automatic move is `plugin.upgraded` by `system:auto-upgrade` (data also: policy, range, automatic, draftsMoved per service), `standard.published`, `standard.withdrawn` (data: the SK)',
    }),
    subject: Type.String({ description: '`plugin:<id>` or `service:<plugin>.<service>`' }),
    data: AnyObject('What changed, as the audit trail recorded it (see `action`)'),
  },
  { additionalProperties: false, 'x-component': 'InstallationEvent' },
);
export type InstallationEvent = Type.Static<typeof InstallationEventSchema>;

// Issue 23 (versions): what moving to another version changes, and what happens to drafts.
const Text = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false });
const Item = Type.Object({ code: Type.String({ description: 'Document code, or the field’s JSON pointer' }), name: Text }, { additionalProperties: false });
export const UpgradePreviewSchema = Type.Object(
  {
    plugin: PluginId,
    from: SemVer('The installed version'),
    to: SemVer('The previewed version'),
    services: Type.Array(
      Type.Object(
        {
          code: ServiceCode,
          change: Type.Enum(['added', 'removed', 'changed', 'unchanged']),
          newlyRequiredDocuments: Type.Array(Item, { description: 'Documents required in the target and not before' }),
          newlyRequiredFields: Type.Array(Item, { description: 'Form fields required in the target and not before' }),
          drafts: Type.Integer({ minimum: 0, description: 'Drafts of this service: they move to the target' }),
          inFlight: Type.Integer({ minimum: 0, description: 'Submitted applications of this service: they keep their version' }),
        },
        { additionalProperties: false },
      ),
    ),
    drafts: Type.Integer({ minimum: 0 }),
    inFlight: Type.Integer({ minimum: 0 }),
    overlayConflicts: Type.Array(Type.Object({ pointer: Type.String(), message: Text }, { additionalProperties: false }), { description: 'Overlays the target refuses (the move would be 409 OVERLAY_CONFLICT)' }),
    rule: Text,
  },
  { additionalProperties: false, 'x-component': 'UpgradePreview' },
);
export type UpgradePreview = Type.Static<typeof UpgradePreviewSchema>;
