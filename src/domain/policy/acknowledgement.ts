// When does an acknowledgement count? The person writes only "I acknowledge major version N"; who and
// when are what SharePoint records. So an acknowledgement counts for a version only if it names that
// major version and was recorded after the version was published: nobody can acknowledge in
// advance (e.g. PolicyMajor 999 written by hand) and be spared the next real version.

export interface AckLike {
  major: number;
  /** Server-recorded time (the item's Created). */
  at: string;
}

export interface PublishedVersion {
  major: number;
  /** Server-recorded publication time (the version item's Created). */
  publishedAt?: string;
}

export function countsFor(ack: AckLike, version: PublishedVersion): boolean {
  if (ack.major !== version.major) return false;
  return !version.publishedAt || Date.parse(ack.at) >= Date.parse(version.publishedAt);
}

/** The acknowledgement of this version among a person's, if any (the earliest that counts). */
export function acknowledgementOf<T extends AckLike>(acks: readonly T[], version: PublishedVersion): T | undefined {
  return acks.filter((a) => countsFor(a, version)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
}
