// Acknowledgements of major policy versions. Who acknowledged is the item's author as SharePoint
// records it; nothing the client sends can say otherwise.

export interface AcknowledgementRecord {
  id: number;
  major: number;
  label?: string;
  at: string;
  userId: number;
  name?: string;
  email?: string;
  /** Sign-in name (UPN) from the author's claims login, when names were asked for. */
  login?: string;
}

export interface IAcknowledgementRepository {
  /** Adds the signed-in person's acknowledgement of a major version. */
  add(major: number, label: string): Promise<AcknowledgementRecord>;
  /** One person's newest acknowledgements (their own; others' only with comms' read-all right). */
  recentFor(userId: number): Promise<AcknowledgementRecord[]>;
  /** Acknowledgements of a major version by these people, batched; comms only. */
  forUsers(userIds: number[], major: number): Promise<Map<number, AcknowledgementRecord>>;
  /**
   * Every acknowledgement of a major version, page by page (indexed filter, ≤ 5,000 a page). Names
   * and e-mails only when asked: they triple what 100,000 rows cost on the wire.
   */
  forEachPage(major: number, onPage: (page: AcknowledgementRecord[]) => void, options?: { withNames?: boolean; since?: string }): Promise<number>;
}
