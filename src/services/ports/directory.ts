// Who the policy is for: the organisation's people as the directory (Entra ID) knows them. The Graph
// adapter implements it; tests use in-memory directories. Read-only: the hub never changes the
// directory.

export interface DirectoryPerson {
  /** Entra object id: what Teams notifications are addressed to. */
  id: string;
  name: string;
  /** Sign-in name; SharePoint's claims login carries the same value. */
  upn: string;
  /** E-mail address, which can differ from the UPN. */
  mail?: string;
  department?: string;
}

export interface AudienceProgress {
  /** People read so far. */
  loaded: number;
  /** How many there are, when the directory said (it does with ConsistencyLevel: eventual). */
  total?: number;
}

export interface IDirectory {
  /**
   * The policy's audience: enabled members of the group when one is given (nested groups included),
   * otherwise every enabled member of the organisation (guests left out). Read page by page.
   */
  audience(groupId: string | undefined, onProgress?: (progress: AudienceProgress) => void): Promise<DirectoryPerson[]>;
  /** A group's display name, or undefined when no such group exists. */
  groupName(groupId: string): Promise<string | undefined>;
}

/** Whether a person can be named owner or backup: only enabled members of the organisation can. */
export type PersonStanding =
  | { kind: 'member'; person: DirectoryPerson }
  | { kind: 'disabled'; person: DirectoryPerson }
  | { kind: 'guest'; person: DirectoryPerson }
  | { kind: 'unknown' };

/**
 * The directory as a people picker asks it: a few enabled members for what someone typed, and who an
 * address belongs to (pasted rather than picked). Read-only, like IDirectory.
 */
export interface IPeopleDirectory {
  /** Enabled members whose name has words starting with the text, or whose e-mail starts with it; at most `top`. */
  searchPeople(text: string, top: number): Promise<DirectoryPerson[]>;
  /** The person with this e-mail address (or sign-in name), and whether they can be named. */
  personByEmail(email: string): Promise<PersonStanding>;
}
