// Who is in the hub's groups now. The trust rules need it ("is this review's author in comms?"), and
// set-up makes both groups' membership readable by everyone for exactly that.

export type HubGroup = 'comms' | 'commsHeads';

export interface GroupMember {
  id: number;
  name: string;
  /** Sign-in name (UPN), which Teams notifications are addressed to. */
  login: string;
}

export interface IGroupMembership {
  /** SharePoint user ids of the group's direct members. */
  memberIds(group: HubGroup): Promise<number[]>;
  /** The group's direct members with names and sign-in names (people only, not nested groups). */
  members(group: HubGroup): Promise<GroupMember[]>;
  /** Sign-in names (UPNs) of the group's direct members, which Teams notifications address. */
  memberLogins(group: HubGroup): Promise<string[]>;
}
