// The domain rules the matrix holds written records against: for a list whose records count only
// when their Author was entitled (PRODUCT.md §3), "does this item count?" is answered by the domain
// function every reader uses (src/domain/trust), fed with the raw records the site owner reads back.
import { GROUPS } from '../../src/data/schema';
import type { MatrixList } from '../../src/data/schema/matrix';
import {
  countingAccountUpdates, countingCredentials, countingDecisions, countingMonthlyReports, countingReviews,
  countingVaultPublicKeys, timelineFromCurrent, type DecisionOutcome, type ReviewOutcome, type TrustRecord
} from '../../src/domain/trust';
import { listDef, upnOf, type MatrixSite } from './site';

/** Does the item with this id count, by the list's domain rule, on the site as it is now? */
export type CountingCheck = (site: MatrixSite, itemId: number) => Promise<boolean>;

interface RawItem {
  Id: number;
  AuthorId: number;
  Created: string;
  Modified: string;
  OData__UIVersionString?: string;
  [field: string]: unknown;
}

const listPath = (title: string) => `web/lists/getbytitle('${title.replace(/'/g, "''")}')`;

/** The list's items as repositories return them: raw, with SharePoint's Author and Created. */
export async function rawRecords(site: MatrixSite, list: MatrixList, fields: string[]): Promise<Array<TrustRecord & Record<string, unknown>>> {
  const def = listDef(list);
  if (!def) throw new Error(`the schema has no list '${list}'`);
  const select = ['Id', 'AuthorId', 'Created', 'Modified', 'OData__UIVersionString', ...fields].join(',');
  const a = await site.rest.send(upnOf('siteOwner'), { method: 'GET', path: `${listPath(def.title)}/items?$select=${select}&$top=5000&$orderby=Id` });
  if (a.status !== 200) throw new Error(`the site owner could not read ${list} (${a.status}): ${a.text}`);
  return (a.json as { value: RawItem[] }).value.map((i) => ({
    ...Object.fromEntries(fields.map((f) => [f, i[f]])),
    id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, versionLabel: i.OData__UIVersionString
  }));
}

/** Members of one of the hub's groups now, as SharePoint user ids. */
export async function groupMembers(site: MatrixSite, principal: 'comms' | 'commsHeads'): Promise<number[]> {
  const title = GROUPS.find((g) => g.principal === principal)!.title;
  const a = await site.rest.send(upnOf('siteOwner'), { method: 'GET', path: `web/sitegroups/getbyname('${title}')/users?$select=Id` });
  if (a.status !== 200) throw new Error(`the site owner could not read the members of ${title} (${a.status})`);
  return (a.json as { value: Array<{ Id: number }> }).value.map((u) => u.Id);
}

/**
 * Who held the register account when: the matrix never changes the register's owner or backup, so
 * its current values are its whole history.
 */
async function timeline(site: MatrixSite) {
  const accounts = await rawRecords(site, 'accounts', ['OwnerId', 'BackupId']);
  return timelineFromCurrent(accounts.map((a) => ({
    accountId: a.id, ownerId: (a.OwnerId as number | null) ?? undefined, backupId: (a.BackupId as number | null) ?? undefined, created: a.created
  })));
}

const has = (counting: readonly TrustRecord[], id: number) => counting.some((r) => r.id === id);
const accountRecords = async (site: MatrixSite, list: MatrixList) =>
  (await rawRecords(site, list, ['AccountId'])).map((r) => ({ ...r, accountId: r.AccountId as number }));

const RULES: Partial<Record<MatrixList, CountingCheck>> = {
  accountUpdates: async (site, id) => has(countingAccountUpdates(await accountRecords(site, 'accountUpdates'), { timeline: await timeline(site), comms: await groupMembers(site, 'comms') }).counting, id),
  credentials: async (site, id) => has(countingCredentials(await accountRecords(site, 'credentials'), { timeline: await timeline(site), comms: await groupMembers(site, 'comms') }).counting, id),
  monthlyReports: async (site, id) => {
    const records = (await rawRecords(site, 'monthlyReports', ['AccountId', 'ReportMonth'])).map((r) => ({ ...r, accountId: r.AccountId as number, month: String(r.ReportMonth) }));
    return has(countingMonthlyReports(records, { timeline: await timeline(site) }).counting, id);
  },
  vaultPublicKeys: async (site, id) => has(countingVaultPublicKeys(await rawRecords(site, 'vaultPublicKeys', []), { comms: await groupMembers(site, 'comms') }).counting, id),
  reviews: async (site, id) => {
    const records = (await rawRecords(site, 'reviews', ['RequestId', 'Outcome'])).map((r) => ({ ...r, requestId: r.RequestId as number, outcome: r.Outcome as ReviewOutcome }));
    return has(countingReviews(records, { comms: await groupMembers(site, 'comms') }).counting, id);
  },
  decisions: async (site, id) => {
    const records = (await rawRecords(site, 'decisions', ['RequestId', 'Outcome'])).map((r) => ({ ...r, requestId: r.RequestId as number, outcome: r.Outcome as DecisionOutcome }));
    return has(countingDecisions(records, { commsHeads: await groupMembers(site, 'commsHeads') }).counting, id);
  }
};

export function countingCheckFor(list: MatrixList): CountingCheck | undefined {
  return RULES[list];
}
