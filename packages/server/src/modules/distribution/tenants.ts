/**
 * The one place that says which tenants count in the version distribution and the agency's view:
 * production tenants only — a sandbox (ADR 0031) never mixes with production figures, as in the
 * national cockpit. A SQL condition over the tenant directory aliased `t`.
 */
export const COUNTED_TENANTS = 't.sandbox_of is null';
