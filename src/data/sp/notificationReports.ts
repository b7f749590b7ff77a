import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { DeliveryResult } from '../../services/ports/notifier';
import type { DeliveryReport, INotificationReports, StoredDeliveryReport } from '../../services/ports/notificationReports';
import { guarded } from '../errors/normalise';
import { parseJsonObject } from './jsonField';
import { odataNumber, odataString } from './odata';

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

  public latest(targetList: string, targetId: number): Promise<StoredDeliveryReport | undefined> {
    return guarded(async () => {
      const [item] = await this.items.filter(`TargetId eq ${odataNumber(targetId)} and TargetList eq ${odataString(targetList)}`)
        .orderBy('Id', false).top(1).select('Id', 'Report', 'Created', 'Author/Title').expand('Author')<ReportItem[]>();
      return item ? parse(item) : undefined;
    });
  }

  public save(targetList: string, targetId: number, activityType: string, report: DeliveryReport): Promise<void> {
    return guarded(async () => {
      await this.items.add({ Title: `${activityType} ${targetList} ${targetId}`, TargetList: targetList, TargetId: targetId, ActivityType: activityType, Report: JSON.stringify(report) });
    });
  }
}
