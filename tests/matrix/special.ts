// The cells the acceptance of issue 6 names one by one, tried on the matrix site after the table:
// each is a sentence of PRODUCT.md §3 checked end to end (raw call, then a read-back or a domain rule).
import type { MatrixList, MatrixOutcome, MatrixRole, MatrixVerb } from '../../src/data/schema/matrix';
import { GROUPS } from '../../src/data/schema';
import {
  countingMonthlyReports, currentVaultPublicKeys, requestState, timelineFromCurrent, type DecisionOutcome, type ReviewOutcome
} from '../../src/domain/trust';
import { groupMembers, rawRecords } from './counting';
import type { CellResult, ChannelResult } from './runner';
import { listDef, upnOf, type MatrixSite } from './site';

const listPath = (title: string) => `web/lists/getbytitle('${title.replace(/'/g, "''")}')`;

interface Special {
  name: string;
  role: MatrixRole;
  list: MatrixList;
  verb: MatrixVerb;
  expected: MatrixOutcome;
  /** Returns the channels tried, each ok or not. */
  run: (site: MatrixSite) => Promise<ChannelResult[]>;
}

async function itemAsOwner(site: MatrixSite, list: MatrixList, id: number): Promise<{ status: number; text: string }> {
  const a = await site.rest.send(upnOf('siteOwner'), { method: 'GET', path: `${listPath(listDef(list)!.title)}/items(${id})` });
  return { status: a.status, text: a.text };
}

/** A comms officer's MERGE or DELETE of Sam's request: refused, and it reads back unchanged. */
function commsRewritesRequest(verb: 'updateOthers' | 'deleteOthers'): Special {
  return {
    name: `a comms officer's ${verb === 'updateOthers' ? 'MERGE' : 'DELETE'} of someone's request is refused and the request reads back unchanged`,
    role: 'commsOfficer', list: 'requests', verb, expected: 'refused',
    run: async (site) => {
      const def = listDef('requests');
      const id = site.requestOf.staff;
      if (!def || id === undefined) return [{ channel: 'seed', observed: 'no request of Sam', ok: false }];
      const item = `${listPath(def.title)}/items(${id})`;
      const before = await itemAsOwner(site, 'requests', id);
      const headers: Record<string, string> = verb === 'updateOthers' ? { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } : { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' };
      const out: ChannelResult[] = [];
      for (const [channel, send] of [
        ['POST X-HTTP-Method', () => site.rest.send(upnOf('commsOfficer'), { method: 'POST', path: item, headers, body: verb === 'updateOthers' ? { Title: 'rewritten by comms' } : undefined })],
        ['$batch', async () => (await site.rest.batch(upnOf('commsOfficer'), [{ method: verb === 'updateOthers' ? 'MERGE' : 'DELETE', path: item, headers: { 'IF-MATCH': '*' }, body: verb === 'updateOthers' ? { Title: 'rewritten by comms' } : undefined }]))[0]]
      ] as const) {
        const answer = await send();
        const after = await itemAsOwner(site, 'requests', id);
        const unchanged = after.status === 200 && after.text === before.text;
        site.restore();
        const ok = (answer.status === 403 || answer.status === 404) && unchanged;
        out.push({ channel, observed: ok ? 'refused' : `answered ${answer.status}; request ${unchanged ? 'unchanged' : 'changed'}`, ok });
      }
      return out;
    }
  };
}

/** The requester reads the review or decision of their own request and not of someone else's. */
function requesterReads(list: 'reviews' | 'decisions'): Special {
  return {
    name: `a requester reads the ${list === 'reviews' ? 'review' : 'decision'} of their own request and of nobody else's`,
    role: 'staff', list, verb: 'readOthers', expected: 'opened',
    run: async (site) => {
      const def = listDef(list);
      const seeded = site.items[list] ?? [];
      if (!def) return [{ channel: 'schema', observed: `no list ${list}`, ok: false }];
      const out: ChannelResult[] = [];
      for (const [requester, other] of [['staff', 'accountOwner'], ['accountOwner', 'staff']] as const) {
        const mine = seeded.find((s) => s.openedTo.includes(requester));
        const theirs = seeded.find((s) => s.openedTo.includes(other));
        if (!mine || !theirs) { out.push({ channel: requester, observed: 'nothing opened to the requester', ok: false }); continue; }
        const get = (id: number) => site.rest.send(upnOf(requester), { method: 'GET', path: `${listPath(def.title)}/items(${id})?$select=Id` });
        const own = await get(mine.id);
        const foreign = await get(theirs.id);
        out.push({ channel: `${requester}: own`, observed: own.status === 200 ? 'opened' : `answered ${own.status}`, ok: own.status === 200 });
        out.push({ channel: `${requester}: someone else's`, observed: foreign.status === 404 ? 'refused' : `answered ${foreign.status}`, ok: foreign.status === 404 });
      }
      return out;
    }
  };
}

/** Adds an item as `role` through plain REST; answers its id, or the refusal as a channel result. */
async function addAs(site: MatrixSite, role: MatrixRole, list: MatrixList, values: Record<string, unknown>): Promise<number | ChannelResult> {
  const a = await site.rest.send(upnOf(role), { method: 'POST', path: `${listPath(listDef(list)!.title)}/items`, body: values });
  return a.status === 201 ? (a.json as { Id: number }).Id : { channel: `${role} adds to ${list}`, observed: `answered ${a.status}`, ok: false };
}

/** Sam revises Ben's request (written, ignored); Ben's own revision of it counts. */
async function revisionOfSomeoneElses(site: MatrixSite): Promise<ChannelResult[]> {
  const original = site.requestOf.backup;
  if (original === undefined) return [{ channel: 'seed', observed: "no request of Ben's", ok: false }];
  const samRevises = await addAs(site, 'staff', 'requests', site.valuesFor('requests', 'staff', { RevisionOf: original }));
  const benRevises = await addAs(site, 'backup', 'requests', site.valuesFor('requests', 'backup', { RevisionOf: original }));
  if (typeof samRevises !== 'number') return [samRevises];
  if (typeof benRevises !== 'number') return [benRevises];
  const requests = (await rawRecords(site, 'requests', ['RevisionOf', 'Withdrawn', 'SubmissionId'])).map((r) => ({
    ...r, revisionOf: (r.RevisionOf as number | null) ?? undefined, withdrawn: r.Withdrawn === true, submissionId: r.SubmissionId as string | undefined
  }));
  const reviews = (await rawRecords(site, 'reviews', ['RequestId', 'Outcome'])).map((r) => ({ ...r, requestId: r.RequestId as number, outcome: r.Outcome as ReviewOutcome }));
  const decisions = (await rawRecords(site, 'decisions', ['RequestId', 'Outcome'])).map((r) => ({ ...r, requestId: r.RequestId as number, outcome: r.Outcome as DecisionOutcome }));
  const state = requestState(original, { requests, reviews, decisions, comms: await groupMembers(site, 'comms'), commsHeads: await groupMembers(site, 'commsHeads') });
  site.restore();
  const samIgnored = state?.revisions.ignored.find((i) => i.record.id === samRevises);
  const benCounts = state?.revisions.counting.some((r) => r.id === benRevises) ?? false;
  return [
    { channel: "Sam's revision of Ben's request", observed: samIgnored ? `allowed-not-counted (${samIgnored.reason})` : 'counted', ok: samIgnored?.reason === 'not-original-author' },
    { channel: "Ben's revision of his own request", observed: benCounts ? 'counts' : 'ignored', ok: benCounts && state?.current.id === benRevises }
  ];
}

/** Chris's new key counts, as his alone; the site owner's does not; once Chris leaves comms, his stops counting. */
async function vaultKeyByAuthor(site: MatrixSite): Promise<ChannelResult[]> {
  const chris = await addAs(site, 'commsOfficer', 'vaultPublicKeys', site.valuesFor('vaultPublicKeys', 'commsOfficer'));
  const simon = await addAs(site, 'siteOwner', 'vaultPublicKeys', site.valuesFor('vaultPublicKeys', 'siteOwner'));
  if (typeof chris !== 'number') return [chris];
  if (typeof simon !== 'number') return [simon];
  const keys = await rawRecords(site, 'vaultPublicKeys', []);
  const current = currentVaultPublicKeys(keys, { comms: await groupMembers(site, 'comms') });
  const holders = [...current.entries()].filter(([, k]) => k.id === chris).map(([author]) => author);
  const out: ChannelResult[] = [
    { channel: "Chris's key", observed: `in force for user(s) [${holders.join(',')}]`, ok: holders.length === 1 && holders[0] === site.userIds.commsOfficer },
    { channel: "the site owner's key", observed: [...current.values()].some((k) => k.id === simon) ? 'counted' : 'allowed-not-counted', ok: ![...current.values()].some((k) => k.id === simon) }
  ];
  // Chris leaves comms: the site owner takes him out of the group, and his keys stop counting.
  const comms = GROUPS.find((g) => g.principal === 'comms')!.title;
  const removed = await site.rest.send(upnOf('siteOwner'), { method: 'POST', path: `web/sitegroups/getbyname('${comms}')/users/removebyid(${site.userIds.commsOfficer})` });
  const after = currentVaultPublicKeys(await rawRecords(site, 'vaultPublicKeys', []), { comms: await groupMembers(site, 'comms') });
  site.restore();
  out.push({ channel: 'after Chris left comms', observed: `answered ${removed.status}; his key ${after.has(site.userIds.commsOfficer) ? 'still counts' : 'no longer counts'}`, ok: removed.status === 200 && !after.has(site.userIds.commsOfficer) });
  return out;
}

/** Sam files a monthly report naming Olivia as its Author through the form endpoint: SharePoint keeps Sam. */
async function forgedAuthor(site: MatrixSite): Promise<ChannelResult[]> {
  const def = listDef('monthlyReports')!;
  const values = site.valuesFor('monthlyReports', 'staff');
  const formValues = [
    ...Object.entries(values).map(([k, v]) => ({ FieldName: k, FieldValue: String(v) })),
    { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: `i:0#.f|membership|${upnOf('accountOwner')}` }]) }
  ];
  const a = await site.rest.send(upnOf('staff'), {
    method: 'POST', path: `${listPath(def.title)}/AddValidateUpdateItemUsingPath`,
    body: { listItemCreateInfo: { FolderPath: {}, UnderlyingObjectType: 0 }, formValues, bNewDocumentUpdate: false }
  });
  const answered = ((a.json as { value?: Array<{ FieldName: string; FieldValue: string; HasException: boolean }> })?.value ?? []);
  const id = Number(answered.find((v) => v.FieldName === 'Id')?.FieldValue);
  if (a.status !== 200 || !Number.isInteger(id)) {
    // SharePoint takes the item and quietly keeps the caller as Author (see the emulator's
    // validate-update.ts for the sources); anything else is unexpected here.
    return [{ channel: 'AddValidateUpdateItemUsingPath', observed: `answered ${a.status}: ${a.text.slice(0, 200)}`, ok: false }];
  }
  const records = (await rawRecords(site, 'monthlyReports', ['AccountId', 'ReportMonth'])).map((r) => ({ ...r, accountId: r.AccountId as number, month: String(r.ReportMonth) }));
  const item = records.find((r) => r.id === id);
  const accounts = await rawRecords(site, 'accounts', ['OwnerId', 'BackupId']);
  const timeline = timelineFromCurrent(accounts.map((x) => ({ accountId: x.id, ownerId: (x.OwnerId as number | null) ?? undefined, backupId: (x.BackupId as number | null) ?? undefined, created: x.created })));
  const counted = countingMonthlyReports(records, { timeline }).counting.some((r) => r.id === id);
  site.restore();
  return [
    { channel: 'Author of the item', observed: item?.authorId === site.userIds.staff ? 'Sam (the caller)' : `user ${item?.authorId}`, ok: item?.authorId === site.userIds.staff },
    { channel: 'monthly report rule', observed: counted ? 'counted' : 'allowed-not-counted', ok: !counted }
  ];
}

/**
 * A list change SharePoint refuses is refused whole: the site owner asks for read-own-only on the
 * Settings list (its unique key cannot sit on a read-own list) together with a new description, and
 * neither lands.
 */
async function refusedListChangeIsWhole(site: MatrixSite): Promise<ChannelResult[]> {
  const p = listPath(listDef('settings')!.title);
  const read = async () => (await site.rest.send(upnOf('siteOwner'), { method: 'GET', path: `${p}?$select=Description,ReadSecurity` })).text;
  const before = await read();
  const a = await site.rest.send(upnOf('siteOwner'), {
    method: 'POST', path: p, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    body: { __metadata: { type: 'SP.List' }, Description: 'half a change', ReadSecurity: 2 }
  });
  const unchanged = (await read()) === before;
  site.restore();
  return [{ channel: 'POST X-HTTP-Method: MERGE (list)', observed: `answered ${a.status}; list ${unchanged ? 'unchanged' : 'changed'}`, ok: a.status === 400 && unchanged }];
}

const SPECIALS: Special[] = [
  {
    name: "a list change SharePoint refuses (read-own on a list with a unique column) changes nothing, not even the description sent with it",
    role: 'siteOwner', list: 'settings', verb: 'changeSettings', expected: 'refused',
    run: refusedListChangeIsWhole
  },
  commsRewritesRequest('updateOthers'),
  commsRewritesRequest('deleteOthers'),
  requesterReads('reviews'),
  requesterReads('decisions'),
  {
    name: "a revision of someone else's request is written but does not count",
    role: 'staff', list: 'requests', verb: 'add', expected: 'allowed-not-counted',
    run: revisionOfSomeoneElses
  },
  {
    name: 'a vault public key counts only for its author, and only while the author is in comms',
    role: 'commsOfficer', list: 'vaultPublicKeys', verb: 'add', expected: 'allowed',
    run: vaultKeyByAuthor
  },
  {
    name: 'an Author sent by staff to AddValidateUpdateItemUsingPath is ignored, and the report does not count',
    role: 'staff', list: 'monthlyReports', verb: 'add', expected: 'allowed-not-counted',
    run: forgedAuthor
  }
];

export async function specialCells(site: MatrixSite): Promise<CellResult[]> {
  const out: CellResult[] = [];
  for (const s of SPECIALS) {
    const channels = await s.run(site);
    out.push({ name: s.name, role: s.role, list: s.list, verb: s.verb, expected: s.expected, channels, ok: channels.length > 0 && channels.every((c) => c.ok) });
  }
  return out;
}
