import Type from 'typebox';
import { Localized, Strict } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { PluginManifestSchema } from './manifest-schema.js';

export { PluginManifestSchema, ServiceOverlaySchema } from './manifest-schema.js';

export const PluginId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id, e.g. dukcapil' });
export const Version = Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description: 'Semantic version, e.g. 1.0.0' });
export const ContentHash = Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'SHA-256 of the canonical manifest: a version’s identity' });

export const ListPluginsQuery = Strict({
  agency: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Only plugins of this agency, e.g. imigrasi' })),
  ...PageParams,
});

/**
 * The assembled manifest as `satupintu plugin publish` sends it. Only the publishing agency is
 * read before the linter runs: the linter (schema: components/schemas/PluginManifest, plus host
 * range, regex safety and SOP references) answers every problem at once as PLUGIN_MANIFEST_INVALID.
 */
export const ManifestBody = Type.Object(
  { agency: Type.Optional(Type.Object({ code: Type.Optional(Type.String({ description: 'The agency publishing, e.g. polri' })) })) },
  { description: 'Assembled plugin manifest (schema: PluginManifest; packages/plugin-sdk/schema/plugin.schema.json), checked by the linter' },
);

export const PluginAgency = Type.Object(
  {
    code: Type.String({ description: 'Agency code, e.g. imigrasi' }),
    name: Localized(1, 4000),
    kind: Type.Enum(['vertical', 'regional'], { description: '`vertical`: a national agency with offices in the regions; `regional`: a regency’s own office' }),
  },
  { additionalProperties: false },
);

export const PluginVersionSummary = Type.Object(
  {
    version: Version,
    contentHash: ContentHash,
    publishedAt: Type.String({ format: 'date-time' }),
    services: Type.Integer({ minimum: 0, description: 'Services in this version' }),
  },
  { additionalProperties: false, 'x-component': 'PluginVersionSummary' },
);

export const PluginSummarySchema = Type.Object(
  {
    id: PluginId,
    agency: PluginAgency,
    latest: Version,
    versions: Type.Array(PluginVersionSummary, { description: 'The plugin’s release history, newest first (semver order), answered whole: one entry per published version' }),
  },
  { additionalProperties: false, 'x-component': 'PluginSummary' },
);
export type PluginSummary = Type.Static<typeof PluginSummarySchema>;

export const PublishedVersionSchema = Type.Object(
  {
    pluginId: PluginId,
    version: Version,
    contentHash: ContentHash,
    manifest: PluginManifestSchema,
    publishedAt: Type.String({ format: 'date-time' }),
    publishedBy: Type.String({ description: 'Who published it' }),
  },
  { additionalProperties: false, 'x-component': 'PluginVersion' },
);
export type PublishedVersion = Type.Static<typeof PublishedVersionSchema>;

/** What publishing answers: the version's identity, without the manifest the publisher just sent. */
export const PublicationSchema = Type.Object(
  {
    pluginId: PluginId,
    version: Version,
    contentHash: ContentHash,
    publishedAt: Type.String({ format: 'date-time' }),
    publishedBy: Type.String(),
  },
  { additionalProperties: false, 'x-component': 'PluginPublication' },
);
export type Publication = Type.Static<typeof PublicationSchema>;

/** What a dry-run lint answers: every problem (none when the manifest would publish), and the hash it would get. */
export const LintReportSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'True when the manifest passes every check and could be published as it is' }),
    issues: Type.Array(
      Type.Object({ pointer: Type.String({ description: 'JSON pointer into the manifest' }), message: Localized(1, 4000) }, { additionalProperties: false }),
      { description: 'Every problem found, in both languages, with where it is' },
    ),
    contentHash: Type.Union([ContentHash, Type.Null()], { description: 'The content hash the manifest would be published under; null while it has problems' }),
    published: Type.Boolean({ description: 'True when this version number is already published (publishing it again works only with identical content)' }),
  },
  { additionalProperties: false, 'x-component': 'PluginLintReport' },
);
export type LintReport = Type.Static<typeof LintReportSchema>;
