import semver from 'semver';
import type { LocalizedText } from '@satupintu/core';
import type { ServiceDefinition } from '@satupintu/plugin-sdk';
import type { UpgradePolicy } from './schemas.js';

/** An overlay the target version refuses. */
export interface Conflict {
  service: string;
  pointer: string;
  message: LocalizedText;
}

/** A document or form field, by code (document) or JSON pointer (field), with its name. */
export interface RequiredItem {
  code: string;
  name: LocalizedText;
}

/** What a draft moved to another version records: from, to, when, and what it now needs (the draft view lists it). */
export interface VersionChange {
  from: string;
  to: string;
  at: string;
  documents: RequiredItem[];
  fields: RequiredItem[];
}

/**
 * Whether a policy (and the pinned range, if any) admits moving from `current` to `candidate`:
 * only forward, never to a pre-release, never across a major version; `patch` keeps the minor too.
 */
export function admits(policy: UpgradePolicy, current: string, candidate: string, range: string | null): boolean {
  if (policy === 'manual' || !semver.valid(candidate) || !semver.gt(candidate, current) || semver.prerelease(candidate)) return false;
  if (range !== null && !semver.satisfies(candidate, range)) return false;
  if (semver.major(candidate) !== semver.major(current)) return false;
  return policy === 'minor' || semver.minor(candidate) === semver.minor(current);
}

/** The highest published version the policy and range admit; undefined when none is newer. */
export function bestAdmitted(policy: UpgradePolicy, current: string, range: string | null, published: readonly string[]): string | undefined {
  return published.filter((v) => admits(policy, current, v, range)).sort(semver.rcompare)[0];
}

/** Documents required whatever the form says (at least one, no `requiredWhen`). */
const requiredDocuments = (s: ServiceDefinition | undefined) => (s?.documents ?? []).filter((d) => d.minCount >= 1 && !d.requiredWhen);
/** Top-level required form fields. */
const requiredFields = (s: ServiceDefinition | undefined) => (Array.isArray(s?.form.schema.required) ? (s.form.schema.required as string[]) : []);

/** What `after` requires that `before` did not: documents and form fields, with their names. */
export function newlyRequired(before: ServiceDefinition | undefined, after: ServiceDefinition): { documents: RequiredItem[]; fields: RequiredItem[] } {
  const hadDocs = new Set(requiredDocuments(before).map((d) => d.code));
  const hadFields = new Set(requiredFields(before));
  return {
    documents: requiredDocuments(after)
      .filter((d) => !hadDocs.has(d.code))
      .map((d) => ({ code: d.code, name: { id: d.name.id, en: d.name.en } })),
    fields: requiredFields(after)
      .filter((f) => !hadFields.has(f))
      .map((f) => ({ code: `/${f}`, name: after.form.ui.labels[f] ? { id: after.form.ui.labels[f].id, en: after.form.ui.labels[f].en } : { id: f, en: f } })),
  };
}
