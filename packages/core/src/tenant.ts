/**
 * Lifecycle of an MPP (domain.md §0, §1.2): from the proposal to the ministry, through the
 * commitment (one year to operate), trial, local launch and national inauguration, to operation.
 */
export const MPP_STATUSES = ['proposed', 'committed', 'preparing', 'trial', 'launched', 'inaugurated', 'operating'] as const;
export type MppStatus = (typeof MPP_STATUSES)[number];

export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** A regency (kabupaten/kota) running its MPP on the platform. Lives in the control plane. */
export interface Tenant {
  id: string;
  /** URL name, e.g. `kab-bandung-barat`. */
  slug: string;
  /** Official Kemendagri code, e.g. `32.17`. */
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** IANA time zone used for SLAs and sessions. */
  timeZone: string;
  population: number;
  /** The region whose database and bucket hold this tenant's data. */
  homeRegion: string;
  mppStatus: MppStatus;
  /** Commitment with KemenPAN-RB signed on (YYYY-MM-DD); null before commitment. */
  committedOn: string | null;
  /** One year after the commitment: the date to be operating by. */
  deadline: string | null;
  launchedOn: string | null;
  inauguratedOn: string | null;
  /** Kaji tiru: slug of the role-model tenant this tenant was copied from. */
  modelTenant: string | null;
  /**
   * Sandbox tenants (issue 23, ADR 0031): the slug of the production tenant this rehearsal copy
   * was made from, and its clock as an offset (ms) from the platform clock; null for production.
   */
  sandbox?: { of: string; clockOffsetMs: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Region {
  id: string;
  name: string;
  bucket: string;
}

/** The platform's version: plugins declare the range they support (`host`). */
export const PLATFORM_VERSION = '0.1.0';

/** The statuses in which the MPP serves the public (launched locally or later). */
export const SERVING_STATUSES: readonly MppStatus[] = ['launched', 'inaugurated', 'operating'];

/**
 * Which lifecycle moves are allowed. Forward moves may skip stages (Lebong went from commitment to
 * a national inauguration); a move back is one stage only and must say why (a failed trial goes
 * back to preparing). `proposed` can never be re-entered once committed.
 */
export function lifecycleMove(from: MppStatus, to: MppStatus): 'forward' | 'back' | 'same' | 'invalid' {
  const a = MPP_STATUSES.indexOf(from);
  const b = MPP_STATUSES.indexOf(to);
  if (a === b) return 'same';
  if (b > a) return 'forward';
  if (a - b === 1 && to !== 'proposed') return 'back';
  return 'invalid';
}

/** The commitment deadline: one year after the commitment is signed (Perpres 89/2021 practice, domain.md §0). */
export function commitmentDeadline(committedOn: string): string {
  const [y, m, d] = committedOn.split('-').map(Number) as [number, number, number];
  // 29 Feb + 1 year → 28 Feb: the deadline never slips into March.
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The home region of a regency: its province's region by the configured rule, else the default. */
export function homeRegionOf(regencyCode: string, rules: Record<string, string>, defaultRegion: string): string {
  return rules[regencyCode.slice(0, 2)] ?? defaultRegion;
}
