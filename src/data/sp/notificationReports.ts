import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';

const F = fieldNames(LISTS.notifications);
import type { DeliveryReport, INotificationReports, StoredDeliveryReport } from '../../services/ports/notificationReports';
import { guarded } from '../errors/normalise';
import { parseJsonObject } from './jsonField';
import { odataNumber, odataString } from './odata';
import { newSubmissionId } from './submissionId';

interface ReportItem {
  Id: number;
  Report: string;
  Created: string;
  Author?: { Title?: string };
}

function parse(item: ReportItem): StoredDeliveryReport | undefined {
  const r = parseJsonObject(item.Report) as Partial<DeliveryReport> | undefined;
  if (!r) return undefined;
  return { recipients: Number(r.recipients ?? 0), delivered: Number(r.delivered ?? 0), notDelivered: Array.isArray(r.notDelivered) ? r.notDelivered : [], at: item.Created, by: item.Author?.Title };
}

export class SpNotificationReports implements INotificationReports {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.notifications.title).items;
  }

  private find(targetList: string, targetId: number): Promise<ReportItem[]> {
    return this.items.filter(`${F.TargetId} eq ${odataNumber(targetId)} and ${F.TargetList} eq ${odataString(targetList)}`)
      .orderBy(BUILT_IN.Id, false).top(1).select(BUILT_IN.Id, F.Report, BUILT_IN.Created, through(BUILT_IN.Author, PERSON.Title)).expand(BUILT_IN.Author)<ReportItem[]>();
  }

  public latest(targetList: string, targetId: number): Promise<StoredDeliveryReport | undefined> {
    return guarded(async () => {
      const [item] = await this.find(targetList, targetId);
      return item ? parse(item) : undefined;
    });
  }

  /**
   * Reports are append-only (comms hold Add, not Edit): a retry's report is a new item and the newest
   * per target counts, so the history of sends stays readable.
   */
  public save(targetList: string, targetId: number, activityType: string, report: DeliveryReport): Promise<void> {
    return guarded(async () => {
      await this.items.add({
        [BUILT_IN.Title]: `${activityType} ${targetList} ${targetId}`, [F.TargetList]: targetList, [F.TargetId]: targetId, [F.ActivityType]: activityType,
        [F.Report]: JSON.stringify(report), [F.SubmissionId]: newSubmissionId()
      });
    });
  }
}
