// When does an acknowledgement count? The person writes only "I acknowledge major version N"; who and
// when are what SharePoint records. So an acknowledgement counts for a version only if it names that
// major version and was recorded after the major version (N.0) was published: nobody can acknowledge
// in advance (e.g. PolicyMajor 999 written by hand) and be spared the next real version, and a minor
// version (N.1, N.2 …) never asks anyone again: it resets nothing.

export interface AckLike {
  major: number;
  /** Server-recorded time (the item's Created). */
  at: string;
}

/** The N.0 that started a major version: what people acknowledge and what owners were told about. */
export interface MajorRelease {
  id: number;
  label: string;
  /** Server-recorded publication time of N.0 (its item's Created). */
  publishedAt?: string;
  changeSummary?: string;
}

export interface PublishedVersion {
  major: number;
  /** Server-recorded publication time of this version (the version item's Created). */
  publishedAt?: string;
  /** The N.0 of this version's major; repositories always fill it (for N.0 itself it is itself). */
  majorRelease?: MajorRelease;
}

/**
 * From when acknowledgements of this version's major count: the N.0's publication. Only if the
 * release is unknown does the version's own time stand in (stricter, never laxer).
 */
export function acknowledgementsCountFrom(version: PublishedVersion): string | undefined {
  return version.majorRelease?.publishedAt ?? version.publishedAt;
}

export function countsFor(ack: AckLike, version: PublishedVersion): boolean {
  if (ack.major !== version.major) return false;
  const from = acknowledgementsCountFrom(version);
  return !from || Date.parse(ack.at) >= Date.parse(from);
}

/** The acknowledgement of this version among a person's, if any (the earliest that counts). */
export function acknowledgementOf<T extends AckLike>(acks: readonly T[], version: PublishedVersion): T | undefined {
  return acks.filter((a) => countsFor(a, version)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
}

interface VersionLike { id: number; major: number; minor: number; label: string; publishedAt?: string; changeSummary?: string }

/**
 * The N.0 of `version`'s major among published versions: the one with minor 0, or failing that (a
 * site whose N.0 is missing) the earliest of that major.
 */
export function majorReleaseOf(version: VersionLike, published: readonly VersionLike[]): MajorRelease {
  const same = [...published, version].filter((v) => v.major === version.major).sort((a, b) => a.minor - b.minor);
  const first = same[0];
  return { id: first.id, label: first.label, publishedAt: first.publishedAt, changeSummary: first.changeSummary };
}
