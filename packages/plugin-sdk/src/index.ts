export type * from './types.js';
export { SOP_NOTIFY_FIELDS } from './types.js';
export { MANIFEST_LIMITS } from './limits.js';
export { contentHash, canonicalManifest } from './hash.js';
export { loadPluginDir, locate, type LoadedPlugin, type SourceMap } from './load.js';
export {
  lintManifest,
  lintPluginDir,
  pluginMetaSchema,
  regexSafety,
  userPatterns,
  patternIssue,
  undecidedVerdict,
  type LintResult,
  type LintOptions,
  type RegexSafety,
  type UserPattern,
  type PatternVerdict,
  type PatternEvent,
} from './lint.js';
export { validateOverlay, applyOverlay, standardComponents, procedureOrder, type StandardComponent } from './overlay.js';
// Part "fees" (issue 23).
export { lockedFeeIssues, overlayFee } from './overlay.js';
export { quoteFee, daysBetween, roundRupiah, rupiah, type FeeQuote, type FeeQuoteLine } from './fees.js';
