import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import { guarded } from '../errors/normalise';
import type { Activation, IActivationLog, LoggedActivation } from '../../services/ports/emergency';
import { parseJsonObject } from './jsonField';
import { odataString } from './odata';
import { newSubmissionId } from './submissionId';

// The emergency plan's activation log, kept in SMH Notifications beside the other send reports. That
// list fits the trust model as it is: only comms (and site owners) can add, nobody can edit or delete
// (add-only permission level), and who announced and when are SharePoint's own Author and Created. A
// retry is a new entry pointing at the one it retried; nothing is ever rewritten.

const F = fieldNames(LISTS.notifications);
export const ACTIVATION_TARGET = LISTS.emergencyRoles.key;
const ACTIVITY_TYPE = 'emergencyRolesAnnounced';

interface LogItem { Id: number; TargetId: number; Report: string; Created: string; Author?: { Title?: string } }

function parse(item: LogItem): LoggedActivation | undefined {
  const r = parseJsonObject(item.Report) as Partial<Activation> | undefined;
  if (!r || !Array.isArray(r.results) || !Array.isArray(r.roles) || typeof r.channel !== 'object' || r.channel === null) return undefined;
  return {
    id: item.Id, at: item.Created, by: item.Author?.Title, roles: r.roles, channel: r.channel, results: r.results,
    recipients: Number(r.recipients ?? 0), retryOf: typeof r.retryOf === 'number' ? r.retryOf : undefined
  };
}

export class SpActivationLog implements IActivationLog {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.notifications.title).items;
  }

  public recent(count: number): Promise<LoggedActivation[]> {
    return guarded(async () => {
      const items = await this.items.filter(`${F.TargetList} eq ${odataString(ACTIVATION_TARGET)}`).orderBy(BUILT_IN.Id, false).top(count)
        .select(BUILT_IN.Id, F.TargetId, F.Report, BUILT_IN.Created, through(BUILT_IN.Author, PERSON.Title)).expand(BUILT_IN.Author)<LogItem[]>();
      return items.map(parse).filter((x): x is LoggedActivation => !!x);
    });
  }

  public add(a: Activation): Promise<number> {
    return guarded(async () => {
      const added = (await this.items.add({
        [BUILT_IN.Title]: `${ACTIVITY_TYPE} ${a.retryOf ?? ''}`.trim(), [F.TargetList]: ACTIVATION_TARGET, [F.TargetId]: a.retryOf ?? 0, [F.ActivityType]: ACTIVITY_TYPE,
        [F.Report]: JSON.stringify(a), [F.SubmissionId]: newSubmissionId()
      })) as { Id: number };
      return added.Id;
    });
  }
}
