import type { NewAccountDetails } from './types';
import { registerStaffedHoursJson } from '../hours/weeklyHours';

// What an approved new-account request puts in the register (PRODUCT.md C3): a Proposed entry with
// the owner, backup, hours, objectives and hashtag the business case gave. Comms complete the rest
// (profile address, response target) when the account goes live.

export interface RegisterProposal {
  fromRequestId: number;
  name: string;
  platform: string;
  handle: string;
  owningService: string;
  objectives: string;
  contentPlan: string;
  /** The staffed hours as the register keeps them (JSON). */
  staffedHours: string;
  profileStatesHours: boolean;
  hashtags: string;
  ownerEmail: string;
  backupEmail: string;
}

export { registerStaffedHoursJson } from '../hours/weeklyHours';

export function registerProposalFrom(requestId: number, d: NewAccountDetails): RegisterProposal {
  return {
    fromRequestId: requestId,
    name: d.accountName,
    platform: d.platform,
    handle: d.handle,
    owningService: d.owningService,
    // The register has one field for both; the audience is what makes objectives readable later.
    objectives: `${d.objectives}\n\nAudience: ${d.audience}`,
    contentPlan: d.contentPlan,
    staffedHours: registerStaffedHoursJson(d.staffedHours),
    profileStatesHours: d.staffedHours.profileWillSaySo,
    hashtags: d.hashtag?.tag ?? '',
    ownerEmail: d.owner.email,
    backupEmail: d.backup.email
  };
}
