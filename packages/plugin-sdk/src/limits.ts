/**
 * Limits on untrusted manifests (docs/plugins.md). A manifest that breaks one is refused at lint
 * and publish: it could otherwise exhaust memory or CPU of every tenant that installs it.
 */
export const MANIFEST_LIMITS = {
  /** One file of a plugin folder. */
  maxFileBytes: 256 * 1024,
  /** The assembled manifest (canonical JSON). */
  maxManifestBytes: 2 * 1024 * 1024,
  /** Nesting depth of any JSON value in the manifest. */
  maxDepth: 32,
  /** Length of a regular expression source in `pattern`. */
  maxPatternLength: 512,
  /** Time the ReDoS checker may spend on one pattern before it counts as unsafe. */
  regexCheckTimeoutMs: 2_000,
  /**
   * Time the ReDoS checker may spend on all patterns of one manifest: patterns not analysed when it
   * is spent count as unsafe (refused, each with its pointer). The server runs the analysis on a
   * worker thread and ends that thread if it overruns this budget.
   */
  regexAnalysisBudgetMs: 8_000,
  /** Verdicts remembered per process (bounded: an author cannot grow it without end). */
  regexCacheEntries: 2_000,
} as const;
