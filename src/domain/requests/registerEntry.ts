import type { NewAccountDetails, StaffedHours } from './types';

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

/**
 * Staffed hours as the register stores them (its Note field's JSON): { "always": true } for around
 * the clock, or { "slots": [{ "days": [...], "from", "to" }] }, the shape the register view reads.
 */
export function registerStaffedHoursJson(h: StaffedHours): string {
  if (h.allHours) return JSON.stringify({ always: true });
  return JSON.stringify({ slots: h.slots.map((s) => ({ days: [s.day], from: s.from, to: s.to })) });
}

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
