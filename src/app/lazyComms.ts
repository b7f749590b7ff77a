import type { Host } from './host';
import { SpAccountsRepository } from '../data/sp/accountsRepository';
import { SpActivityLog } from '../data/sp/activityLog';
import { SpNotificationReports } from '../data/sp/notificationReports';
import { GraphNotifier } from '../data/graph/graphNotifier';
import { TEAMS_APP_ID } from '../data/graph/teamsApp';
import { PolicyPublisher } from '../services/policyPublisher';
import { CoverageService } from '../services/coverageService';
import { AudienceService } from '../services/audienceService';
import { GraphDirectory } from '../data/graph/graphDirectory';
import { SpRequestsRepository } from '../data/sp/requestsRepository';
import { SpGroupMembership } from '../data/sp/groupMembership';
import { SpRegisterProposals } from '../data/sp/registerProposals';
import { RequestReviewService } from '../services/requestReviewService';
import { newSubmissionId } from '../data/sp/submissionId';
import { sanitizeHtml } from '../ui/common/sanitizeHtml';
import type { IPolicyRepository } from '../services/ports/policy';
import type { IAcknowledgementRepository } from '../services/ports/acknowledgements';
import type { DeliveryResult, INotifier } from '../services/ports/notifier';

// Comms' tools, split out of the first bundle: only the communications team publishes and reads
// coverage.

/** Without a Graph client (not granted yet) every notification is reported as failed (forbidden), never lost. */
const noGraph: INotifier = {
  notify: async (n) => n.recipients.map((recipient): DeliveryResult => ({ recipient, status: 'failed', reason: 'forbidden' })),
  postChannelCard: async () => ({ status: 'failed', reason: 'forbidden' })
};

function notifierFor(host: Host, teamsAppId: string): INotifier {
  return host.graph ? new GraphNotifier(host.graph, { teamsAppId: teamsAppId || TEAMS_APP_ID, fallbackBaseUrl: host.pageUrl }) : noGraph;
}

export function createPublisher(host: Host, policies: IPolicyRepository, teamsAppId: string): PolicyPublisher {
  const notifier = notifierFor(host, teamsAppId);
  return new PolicyPublisher(policies, new SpAccountsRepository(host.sp), new SpActivityLog(host.sp), notifier, new SpNotificationReports(host.sp), sanitizeHtml);
}

export function createCoverage(host: Host, acknowledgements: IAcknowledgementRepository): CoverageService {
  return new CoverageService(new SpAccountsRepository(host.sp), acknowledgements);
}

export function createAudience(host: Host, coverage: CoverageService, teamsAppId: string): AudienceService {
  return new AudienceService(host.graph && new GraphDirectory(host.graph), coverage, notifierFor(host, teamsAppId), new SpNotificationReports(host.sp), new SpActivityLog(host.sp));
}

export function createReview(host: Host, teamsAppId: string, me: () => Promise<number>): RequestReviewService {
  return new RequestReviewService(new SpRequestsRepository(host.sp, me), new SpGroupMembership(host.sp), notifierFor(host, teamsAppId), new SpActivityLog(host.sp), new SpRegisterProposals(host.sp), newSubmissionId);
}
