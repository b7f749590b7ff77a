import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { IActivityLog } from '../../services/ports/activity';
import { guarded } from '../errors/normalise';

export class SpActivityLog implements IActivityLog {
  public constructor(private readonly sp: SPFI) {}

  public append(entry: { action: string; targetList: string; targetId?: number; data?: Record<string, unknown> }): Promise<void> {
    return guarded(async () => {
      await this.sp.web.lists.getByTitle(LISTS.activity.title).items.add({
        Title: entry.action, Action: entry.action, TargetList: entry.targetList, TargetId: entry.targetId ?? null, Data: entry.data ? JSON.stringify(entry.data) : null
      });
    });
  }
}
