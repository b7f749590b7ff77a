import type { TagStatus } from '../../domain/hashtags';

// The register of the organisation's hashtags (PRODUCT.md C7). Everyone reads it; comms write it.

export interface RegisteredTag {
  id: number;
  /** The tag as registered, with its #. */
  tag: string;
  /** The key the clean check queries (domain/hashtags normaliseTag). */
  normalisedTag: string;
  status: TagStatus;
  /** The account or campaign that uses it. */
  usedBy: string;
  /** The public check behind it, when one was recorded. */
  evidenceUrl: string;
  checkedAt?: string;
  /** Who registered it and when, as SharePoint recorded them. */
  authorId: number;
  created: string;
  /** The item's ETag when read: a change is saved only if nobody changed the entry since. */
  etag?: string;
}

export interface NewTag {
  tag: string;
  status: TagStatus;
  usedBy: string;
  evidenceUrl?: string;
  /** ISO date-time of the public check. */
  checkedAt?: string;
}

export interface IHashtagsRepository {
  /** The register entries whose NormalisedTag is `normalisedTag`: the clean check's candidates, in one indexed query. */
  candidates(normalisedTag: string): Promise<RegisteredTag[]>;
  /** Registers a tag (comms only; SharePoint refuses anyone else). Its NormalisedTag is worked out here. */
  add(tag: NewTag): Promise<RegisteredTag>;
  /** The whole register, oldest first. */
  list(): Promise<RegisteredTag[]>;
}

/** A change comms make to a registered tag. */
export interface TagChange {
  status?: TagStatus;
  usedBy?: string;
}

/** The register of hashtags as comms keep it (C7): the reads above, what SharePoint lets this person do, and changes. */
export interface IHashtagRegister extends IHashtagsRepository {
  canEdit(): Promise<boolean>;
  /** Saves the change only if the entry is still at `etag` (SharePoint answers 412 otherwise: a conflict). */
  update(id: number, etag: string, change: TagChange): Promise<void>;
  /** One entry as it is now; undefined when it is gone. */
  get(id: number): Promise<RegisteredTag | undefined>;
}
