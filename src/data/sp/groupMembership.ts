import './pnp';
import '@pnp/sp/site-groups/web';
import type { SPFI } from './pnp';
import { GROUPS, PERSON } from '../schema';
import type { HubGroup, IGroupMembership } from '../../services/ports/groups';
import { guarded } from '../errors/normalise';
import { upnOf } from './claims';

export class SpGroupMembership implements IGroupMembership {
  public constructor(private readonly sp: SPFI) {}

  public memberIds(group: HubGroup): Promise<number[]> {
    return guarded(async () => {
      const title = GROUPS.find((g) => g.principal === group)!.title;
      const users = await this.sp.web.siteGroups.getByName(title).users.select(PERSON.Id)<{ Id: number }[]>();
      return users.map((u) => u.Id);
    });
  }

  public memberLogins(group: HubGroup): Promise<string[]> {
    return guarded(async () => {
      const title = GROUPS.find((g) => g.principal === group)!.title;
      const users = await this.sp.web.siteGroups.getByName(title).users.select(PERSON.Id, 'LoginName')<{ Id: number; LoginName?: string }[]>();
      // Only people: a group nested by claims (c:0t.c|tenant|…) has no sign-in name to notify.
      return users.map((u) => upnOf(u.LoginName, '')).filter((upn) => upn.includes('@'));
    });
  }
}
