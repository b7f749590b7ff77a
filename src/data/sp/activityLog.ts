import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, fieldNames } from '../schema';

const F = fieldNames(LISTS.activity);
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
        [BUILT_IN.Title]: entry.action, [F.Action]: entry.action, [F.TargetList]: entry.targetList, [F.TargetId]: entry.targetId ?? null, [F.Data]: entry.data ? JSON.stringify(entry.data) : null
      });
    });
  }
}
