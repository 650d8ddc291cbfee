import Type from 'typebox';
import { pluginMetaSchema, type AgencyPlugin, type ServiceOverlay } from '@satupintu/plugin-sdk';

/**
 * The plugin meta-schema (packages/plugin-sdk/schema/plugin.schema.json) as schemas of the API
 * document: the manifest a published version answers and the overlay a regency sets are described
 * by the same definitions the linter checks them with, so the two never drift apart. Each `$defs`
 * entry becomes a named component (`Manifest…`; the overlay is `ServiceOverlay`); a `$ref` with
 * siblings (a description) keeps them around an `allOf`. Formats only the platform knows
 * (`phone-id`) are left to the linter and the overlay check.
 */
type Json = Record<string, unknown>;

const STANDARD_FORMATS = new Set(['date', 'date-time', 'time', 'email', 'uri', 'uri-reference', 'uuid', 'hostname', 'ipv4', 'ipv6', 'regex']);
/** Keywords whose value maps names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

const componentName = (def: string) => (def === 'overlay' ? 'ServiceOverlay' : `Manifest${def[0]!.toUpperCase()}${def.slice(1)}`);

function convert(defs: Record<string, Json>): { root: Json; def: (name: string) => Json } {
  const done = new Map<string, Json>();
  const stack: string[] = [];
  const def = (name: string): Json => {
    const known = done.get(name);
    if (known) return known;
    const source = defs[name];
    if (!source) throw new Error(`plugin meta-schema: no definition ${name}`);
    if (stack.includes(name)) throw new Error(`plugin meta-schema: ${[...stack, name].join(' → ')} is recursive`);
    stack.push(name);
    const out = { ...schema(source), 'x-component': componentName(name) };
    stack.pop();
    done.set(name, out);
    return out;
  };
  const schema = (node: unknown): Json => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node as Json;
    const out: Json = {};
    let ref: string | undefined;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) ref = v.slice('#/$defs/'.length);
      else if (k === 'format' && typeof v === 'string' && !STANDARD_FORMATS.has(v)) continue;
      else if (SCHEMA_MAPS.has(k) && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v as Json).map(([n, s]) => [n, schema(s)]));
      else if (Array.isArray(v)) out[k] = k === 'required' || k === 'enum' || k === 'examples' ? v : v.map((s) => schema(s));
      else if (v && typeof v === 'object' && k !== 'const' && k !== 'default' && k !== 'example') out[k] = schema(v);
      else out[k] = v;
    }
    // ajv's strict mode wants every required name declared where it is required (an anyOf branch).
    if (Array.isArray(out.required) && !('type' in out)) {
      const props = { ...((out.properties as Json | undefined) ?? {}) };
      for (const n of out.required as string[]) props[n] ??= {};
      out.properties = props;
    }
    if (ref === undefined) return out;
    const target = def(ref);
    return Object.keys(out).length ? { ...out, allOf: [target] } : target;
  };
  const { $schema: _s, $id: _i, $defs: _d, ...root } = pluginMetaSchema;
  return { root: { ...schema(root), 'x-component': 'PluginManifest' }, def };
}

const converted = convert(pluginMetaSchema.$defs as Record<string, Json>);

/** An assembled plugin manifest as published (plugin.json with its services inlined). */
export const PluginManifestSchema = Type.Unsafe<AgencyPlugin>(converted.root);

/** What a regency sets for one installed service; only keys the service lists in `overlayable` are accepted. */
export const ServiceOverlaySchema = Type.Unsafe<ServiceOverlay>(converted.def('overlay'));
