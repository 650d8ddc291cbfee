import Type from 'typebox';
import { Strict } from '../../http/schemas.js';

export const PluginId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id, e.g. dukcapil' });
export const Version = Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description: 'Semantic version' });
export const ListPluginsQuery = Strict({ agency: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' })) });
/** The assembled manifest; its full contract is packages/plugin-sdk/schema/plugin.schema.json, checked by the linter. */
export const ManifestBody = Type.Object({ agency: Type.Optional(Type.Object({ code: Type.Optional(Type.String()) })) }, { description: 'Assembled plugin manifest (see packages/plugin-sdk/schema/plugin.schema.json)' });
