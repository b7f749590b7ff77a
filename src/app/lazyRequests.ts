import type { Host } from './host';
import { SpRequestsRepository } from '../data/sp/requestsRepository';
import { SpGroupMembership } from '../data/sp/groupMembership';
import { SpHashtagsRepository } from '../data/sp/hashtagsRepository';
import { SpAccountsRepository } from '../data/sp/accountsRepository';
import { SpActivityLog } from '../data/sp/activityLog';
import { GraphNotifier } from '../data/graph/graphNotifier';
import { GraphDirectory } from '../data/graph/graphDirectory';
import { TEAMS_APP_ID } from '../data/graph/teamsApp';
import { newSubmissionId } from '../data/sp/submissionId';
import { RequestsService } from '../services/requestsService';
import { PeopleService } from '../services/peopleService';
import type { AcknowledgementGate } from '../services/acknowledgementGate';
import type { DeliveryResult, INotifier } from '../services/ports/notifier';

// The requester's side of requests, in a chunk of its own: the forms and their service load when
// someone opens the Requests tab, not with the policy page.

/** Without a Graph client (not granted yet) every notification is reported as failed (forbidden), never lost. */
const noGraph: INotifier = {
  notify: async (n) => n.recipients.map((recipient): DeliveryResult => ({ recipient, status: 'failed', reason: 'forbidden' })),
  postChannelCard: async () => ({ status: 'failed', reason: 'forbidden' })
};

export function createRequests(host: Host, gate: AcknowledgementGate, me: () => Promise<number>, teamsAppId: string): RequestsService {
  const notifier = host.graph ? new GraphNotifier(host.graph, { teamsAppId: teamsAppId || TEAMS_APP_ID, fallbackBaseUrl: host.pageUrl }) : noGraph;
  return new RequestsService({
    requests: new SpRequestsRepository(host.sp, me),
    groups: new SpGroupMembership(host.sp),
    gate,
    notifier,
    activity: new SpActivityLog(host.sp),
    hashtags: new SpHashtagsRepository(host.sp),
    accounts: new SpAccountsRepository(host.sp),
    me,
    newId: newSubmissionId,
    people: new PeopleService(host.graph && new GraphDirectory(host.graph))
  });
}
