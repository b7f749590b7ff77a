import * as strings from 'SocialMediaHubWebPartStrings';
import type { RequestStatus } from '../../domain/trust';

export function statusText(status: RequestStatus): string {
  switch (status) {
    case 'submitted': return strings.ReviewStatusSubmitted;
    case 'more-information': return strings.ReviewStatusMoreInformation;
    case 'awaiting-decision': return strings.ReviewStatusAwaitingDecision;
    case 'approved': return strings.ReviewStatusApproved;
    case 'rejected': return strings.ReviewStatusRejected;
    case 'withdrawn': return strings.ReviewStatusWithdrawn;
  }
}
