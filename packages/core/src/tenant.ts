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
