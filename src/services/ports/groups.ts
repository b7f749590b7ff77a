// Who is in the hub's groups now. The trust rules need it ("is this review's author in comms?"), and
// set-up makes both groups' membership readable by everyone for exactly that.

export type HubGroup = 'comms' | 'commsHeads';

export interface IGroupMembership {
  /** SharePoint user ids of the group's direct members. */
  memberIds(group: HubGroup): Promise<number[]>;
  /** Sign-in names (UPNs) of the group's direct members, which Teams notifications address. */
  memberLogins(group: HubGroup): Promise<string[]>;
}
