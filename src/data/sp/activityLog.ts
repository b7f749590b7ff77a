import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { ActivityEntry, IActivityLog, LoggedActivity } from '../../services/ports/activity';
import { guarded } from '../errors/normalise';
import { parseJsonObject } from './jsonField';
import { odataNumber, odataString } from './odata';

interface ActivityItem {
  Action: string;
  TargetList: string;
  TargetId: number | null;
  Data: string | null;
  Created: string;
  Author?: { Title?: string };
}

export class SpActivityLog implements IActivityLog {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.activity.title).items;
  }

  public append(entry: ActivityEntry): Promise<void> {
    return guarded(async () => {
      await this.items.add({
        Title: entry.action, Action: entry.action, TargetList: entry.targetList, TargetId: entry.targetId ?? null, Data: entry.data ? JSON.stringify(entry.data) : null
      });
    });
  }

  public latest(action: string, targetList: string, targetId: number): Promise<LoggedActivity | undefined> {
    return guarded(async () => {
      // TargetId first: the indexed clause that narrows a large log to one item's entries.
      const found = await this.items
        .filter(`TargetId eq ${odataNumber(targetId)} and Action eq ${odataString(action)} and TargetList eq ${odataString(targetList)}`)
        .orderBy('Created', false).top(1)
        .select('Action', 'TargetList', 'TargetId', 'Data', 'Created', 'Author/Title').expand('Author')<ActivityItem[]>();
      const i = found[0];
      return i ? { action: i.Action, targetList: i.TargetList, targetId: i.TargetId ?? undefined, data: parseJsonObject(i.Data), at: i.Created, by: i.Author?.Title } : undefined;
    });
  }
}
