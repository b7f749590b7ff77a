import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import type { DeliveryResult } from '../../services/ports/notifier';

import type { DeliveryReport, INotificationReports, StoredDeliveryReport } from '../../services/ports/notificationReports';
import { guarded } from '../errors/normalise';
import { parseJsonObject } from './jsonField';
import { odataNumber, odataString } from './odata';
import { newSubmissionId } from './submissionId';

const F = fieldNames(LISTS.notifications);

// Delivery reports, append-only: every send or retry adds an item and none is ever edited (comms
// hold Add, not Edit, on the list), so the newest item for a target is its report. Who wrote it and
// when are SharePoint's own Author and Created.

interface ReportItem {
  Id: number;
  Report: string;
  Created: string;
  Author?: { Title?: string };
}

interface LegacyReport {
  recipients?: unknown;
  results?: unknown;
  /** Before per-person results: the failures only, with statuses 'throttled' or 'failed'. */
  notDelivered?: unknown;
}

function isResult(r: unknown): r is DeliveryResult {
  return typeof r === 'object' && r !== null && typeof (r as DeliveryResult).recipient === 'string' && typeof (r as DeliveryResult).status === 'string';
}

/** A report written before results were kept per person lists its failures; everyone else was sent to. */
function fromLegacy(list: unknown[]): DeliveryResult[] {
  return list.filter(isResult).map((r) => {
    const old = r as Omit<DeliveryResult, 'status' | 'reason'> & { status: string; reason?: string };
    const throttled = old.status === 'throttled' || old.reason === 'throttled';
    return { recipient: old.recipient, status: 'failed', reason: throttled ? 'throttled' : old.reason === 'notFound' ? 'validation' : (old.reason as DeliveryResult['reason']) ?? 'server', retryAfterSeconds: old.retryAfterSeconds };
  });
}

function parse(item: ReportItem): StoredDeliveryReport | undefined {
  const r = parseJsonObject(item.Report) as LegacyReport | undefined;
  if (!r) return undefined;
  const results = Array.isArray(r.results) ? r.results.filter(isResult) : Array.isArray(r.notDelivered) ? fromLegacy(r.notDelivered) : [];
  return { recipients: Number(r.recipients ?? 0), results, at: item.Created, by: item.Author?.Title };
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
