import { countsFor, majorReleaseOf, type AckLike } from './acknowledgement';
import { diffPolicies, type ChangeKind } from './diff';
import { versionNumber, type PolicyContent } from './model';

// "Why am I asked to confirm again?" The answer is what changed since the version the person last
// confirmed. An acknowledgement names only a major version and SharePoint's time, so the version
// they confirmed is the one of that major in force when they did: the newest published at or
// before their acknowledgement. Everything published after it is what they have not confirmed.

export interface VersionNoteLike {
  id: number;
  major: number;
  minor: number;
  label: string;
  /** Server-recorded publication time. */
  publishedAt?: string;
  changeSummary?: string;
}

const order = (v: { major: number; minor: number }): number => versionNumber(v.major, v.minor);
const at = (t: string | undefined): number => (t ? Date.parse(t) : Number.NaN);

/**
 * The version the person last confirmed, among published versions (any order): for their newest
 * acknowledgement that counted for a real major release, the version of that major in force at that
 * moment. Acknowledgements that never counted (a major not yet published, or written before its N.0)
 * confirm nothing. Undefined: they never confirmed any version.
 */
export function lastConfirmedVersion<V extends VersionNoteLike>(acks: readonly AckLike[], published: readonly V[]): V | undefined {
  const newestFirst = [...acks].sort((a, b) => at(b.at) - at(a.at));
  for (const ack of newestFirst) {
    const sameMajor = published.filter((v) => v.major === ack.major);
    if (sameMajor.length === 0) continue;
    const release = majorReleaseOf(sameMajor[0], sameMajor);
    if (!countsFor(ack, { major: ack.major, majorRelease: release })) continue;
    const inForceThen = sameMajor
      .filter((v) => !Number.isNaN(at(v.publishedAt)) && at(v.publishedAt) <= at(ack.at))
      .sort((a, b) => order(b) - order(a))[0];
    if (inForceThen) return inForceThen;
  }
  return undefined;
}

/** Every version published after `confirmed` up to the one in force, newest first (majors and minors). */
export function versionsSince<V extends VersionNoteLike>(confirmed: VersionNoteLike, published: readonly V[]): V[] {
  return published.filter((v) => order(v) > order(confirmed)).sort((a, b) => order(b) - order(a));
}

export interface WhatChangedSince<V extends VersionNoteLike> {
  /** The version they last confirmed; undefined means this is their first time. */
  confirmed?: V;
  /** Versions since then, newest first; empty when this is their first time. */
  since: V[];
}

export function whatChangedSince<V extends VersionNoteLike>(acks: readonly AckLike[], published: readonly V[]): WhatChangedSince<V> {
  const confirmed = lastConfirmedVersion(acks, published);
  return confirmed ? { confirmed, since: versionsSince(confirmed, published) } : { since: [] };
}

/** The parts of the policy a reader should look at again, by their stable ids. */
export interface ChangedParts {
  sections: ReadonlySet<string>;
  dos: ReadonlySet<string>;
  donts: ReadonlySet<string>;
}

/**
 * Which sections and do's/don'ts of `now` are new or reworded compared with `confirmed`, from the
 * compare view's own diff. A part that only moved says nothing new, and a removed one is no longer
 * there to mark (the change notes say what went).
 */
export function changedParts(confirmed: PolicyContent, now: PolicyContent): ChangedParts {
  const marked: ChangeKind[] = ['added', 'changed'];
  const changes = diffPolicies(confirmed, now).filter((c) => marked.includes(c.kind));
  const ids = (area: 'section' | 'do' | 'dont') => new Set(changes.filter((c) => c.area === area).map((c) => c.id));
  return { sections: ids('section'), dos: ids('do'), donts: ids('dont') };
}
