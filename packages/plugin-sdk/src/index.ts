export type * from './types.js';
export { MANIFEST_LIMITS } from './limits.js';
export { contentHash, canonicalManifest } from './hash.js';
export { loadPluginDir, locate, type LoadedPlugin, type SourceMap } from './load.js';
export { lintManifest, lintPluginDir, pluginMetaSchema, regexSafety, type LintResult } from './lint.js';
export { validateOverlay, applyOverlay, standardComponents, type StandardComponent } from './overlay.js';
