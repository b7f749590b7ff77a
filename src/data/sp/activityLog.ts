import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { ActivityEntry, IActivityLog } from '../../services/ports/activity';
import { guarded } from '../errors/normalise';

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
}
