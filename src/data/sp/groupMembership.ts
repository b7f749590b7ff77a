import './pnp';
import '@pnp/sp/site-groups/web';
import type { SPFI } from './pnp';
import { GROUPS, PERSON } from '../schema';
import type { GroupMember, HubGroup, IGroupMembership } from '../../services/ports/groups';
import { upnOf } from './claims';
import { guarded } from '../errors/normalise';

export class SpGroupMembership implements IGroupMembership {
  public constructor(private readonly sp: SPFI) {}

  public memberIds(group: HubGroup): Promise<number[]> {
    return guarded(async () => {
      const title = GROUPS.find((g) => g.principal === group)!.title;
      const users = await this.sp.web.siteGroups.getByName(title).users.select(PERSON.Id)<{ Id: number }[]>();
      return users.map((u) => u.Id);
    });
  }

  public members(group: HubGroup): Promise<GroupMember[]> {
    return guarded(async () => {
      const title = GROUPS.find((g) => g.principal === group)!.title;
      const users = await this.sp.web.siteGroups.getByName(title).users.select(PERSON.Id, PERSON.Title, 'LoginName', 'PrincipalType')<{ Id: number; Title: string; LoginName?: string; PrincipalType?: number }[]>();
      // PrincipalType 1 is a person; a security group added to the group cannot be notified by name.
      return users.filter((u) => u.PrincipalType === undefined || u.PrincipalType === 1)
        .map((u) => ({ id: u.Id, name: u.Title, login: upnOf(u.LoginName, '') }))
        .filter((m) => m.login !== '');
    });
  }

  public memberLogins(group: HubGroup): Promise<string[]> {
    // Only people: a group nested by claims (c:0t.c|tenant|…) has no sign-in name to notify.
    return this.members(group).then((people) => people.map((p) => p.login).filter((upn) => upn.includes('@')));
  }
}
