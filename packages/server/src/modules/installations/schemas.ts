import Type from 'typebox';
import { TenantPath } from '../../http/schemas.js';

export const PluginId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id' });
export const ServiceCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Service code' });
export const InstallationPath = TenantPath({ plugin: PluginId });
export const OverlayPath = TenantPath({ plugin: PluginId, service: ServiceCode });
export const InstallBody = Type.Object(
  { version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description: 'Published version to pin' }) },
  { additionalProperties: false },
);
/** Checked field by field against what the service allows (plugin meta-schema `$defs/overlay`). */
export const OverlayBody = Type.Object({}, { description: 'Overlay (see $defs/overlay in the plugin meta-schema)' });
