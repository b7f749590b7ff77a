import * as strings from 'SocialMediaHubWebPartStrings';
import type { ProvisionKind } from '../../services/ports/provisioning';
import type { ManagePlaces } from '../../services/ports/provisioning';
import { format } from '../common/format';

// Turns set-up's report into sentences and links a site owner can act on. Pure, so tests can read
// the exact addresses without rendering.

const one = (n: number, single: string, many: string): string => (n === 1 ? single : format(many, n));

/** "16 lists created, 2 groups, 40 permissions set, 90 other changes (…)": kinds with nothing are left out. */
export function summaryOf(counts: Record<ProvisionKind, number>): string {
  const parts = [
    counts.list > 0 ? one(counts.list, strings.SetupListsOne, strings.SetupListsMany) : '',
    counts.group > 0 ? one(counts.group, strings.SetupGroupsOne, strings.SetupGroupsMany) : '',
    counts.permission > 0 ? one(counts.permission, strings.SetupPermissionsOne, strings.SetupPermissionsMany) : '',
    counts.other > 0 ? one(counts.other, strings.SetupOtherOne, strings.SetupOtherMany) : ''
  ].filter((p) => p !== '');
  return parts.join(', ');
}

export interface NextStep {
  text: string;
  link: { label: string; href: string };
}

// SharePoint's own pages: a group's members (people.aspx with MembershipGroupId) and the site's
// permissions (user.aspx), both under the site's _layouts/15.
export const groupMembersUrl = (siteUrl: string, groupId: number): string =>
  `${siteUrl}/_layouts/15/people.aspx?MembershipGroupId=${groupId}`;
export const sitePermissionsUrl = (siteUrl: string): string => `${siteUrl}/_layouts/15/user.aspx`;

/** What the site owner does after the first run: fill both groups, then check who reads the site. */
export function nextStepsOf(manage: ManagePlaces): NextStep[] {
  const steps: NextStep[] = [];
  const texts: Record<string, string> = { comms: strings.SetupStepComms, commsHeads: strings.SetupStepHeads };
  for (const g of manage.groups) {
    const text = texts[g.principal];
    if (!text) continue;
    steps.push({ text: format(text, g.title), link: { label: format(strings.SetupOpenGroup, g.title), href: groupMembersUrl(manage.siteUrl, g.id) } });
  }
  steps.push({ text: strings.SetupStepReaders, link: { label: strings.SetupOpenPermissions, href: sitePermissionsUrl(manage.siteUrl) } });
  return steps;
}
