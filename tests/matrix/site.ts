// The site every matrix cell runs against: an in-process emulator, the product's real set-up run by
// the site owner, the people put in the groups the way a site owner would, one register account with
// an owner and a backup, and one item per list per author. Built once; `restore()` puts the site back
// after a cell that may have written.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { setupServiceFor } from '../../workbench/seed';
import { SEED_PEOPLE, claimsLogin } from '../../workbench/emulator/directory';
import { GROUPS, LISTS, type FieldDef, type ListDef } from '../../src/data/schema';
import { MATRIX_LISTS, type MatrixList, type MatrixRole } from '../../src/data/schema/matrix';
import { spAs } from '../support/emulator-sharepoint';
import { RawRest } from './rest';

const PERSONA: Record<Exclude<MatrixRole, 'unknown'>, (typeof SEED_PEOPLE)[number]['persona']> = {
  staff: 'staff',
  accountOwner: 'owner',
  backup: 'backup',
  commsOfficer: 'comms',
  commsHead: 'commsHead',
  siteOwner: 'siteOwner',
  leaver: 'leaver'
};

/** Someone the tenant's directory does not know: the emulator, like SharePoint, answers 401. */
export const OUTSIDER_UPN = 'alex.stranger@contoso.example';

/** Roles that can have written an item (everyone the directory knows). */
export const AUTHORS = ['staff', 'accountOwner', 'backup', 'commsOfficer', 'commsHead', 'siteOwner', 'leaver'] as const;
export type Author = (typeof AUTHORS)[number];

export function upnOf(role: MatrixRole): string {
  if (role === 'unknown') return OUTSIDER_UPN;
  const p = SEED_PEOPLE.find((x) => x.persona === PERSONA[role]);
  if (!p) throw new Error(`no directory person for ${role}`);
  return p.upn;
}

/** The schema's definition of a matrix list, or undefined while the schema lacks it. */
export function listDef(list: MatrixList): ListDef | undefined {
  return (LISTS as unknown as Record<string, ListDef | undefined>)[list];
}

export interface SeededItem {
  id: number;
  author: Author;
  /** Roles the item was opened to item by item (reviews and decisions of their requests). */
  openedTo: MatrixRole[];
}

export interface MatrixSite {
  emu: Emulator;
  rest: RawRest;
  userIds: Record<Author, number>;
  accountId: number;
  /** The requests of Sam (staff) and Olivia (account owner): the reviews and decisions concern them. */
  requestOf: Partial<Record<Author, number>>;
  items: Partial<Record<MatrixList, SeededItem[]>>;
  /** Problems found while building the site that the matrix must report (never hidden). */
  setupFindings: string[];
  /** Values for a new item of the list, written by `author` (domain fields filled in). */
  valuesFor(list: MatrixList, author: MatrixRole, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Puts the site back as it was built; pass the list a cell wrote to for a cheaper restore. */
  restore(list?: MatrixList): void;
  close(): Promise<void>;
}

function requiredValue(f: FieldDef, unique: () => number, ids: Record<Author, number>): unknown {
  switch (f.kind) {
    case 'Text': return f.unique ? `m-${unique()}` : 'matrix'.slice(0, f.maxLength ?? 255);
    case 'Note': return '{}';
    case 'Number': return f.unique ? unique() : 1;
    case 'DateTime': return new Date().toISOString();
    case 'Boolean': return false;
    case 'Choice': return f.choices?.[0] ?? 'matrix';
    case 'User': return ids.siteOwner;
  }
}

export async function buildMatrixSite(): Promise<MatrixSite> {
  const emu = await startEmulator({ port: 0, quiet: true });
  const rest = new RawRest(emu);
  const setupFindings: string[] = [];
  const owner = spAs(emu, upnOf('siteOwner'));
  await setupServiceFor(owner).run({ organisationName: 'Northshire Council', commsHeadName: 'Hannah Lewis' });

  // The people in the groups, as the site owner chooses them: the comms officer in Comms, the head
  // in Comms Heads only. Staff, owner and backup reach the site through Everyone in Visitors.
  const groupTitle = (p: string) => GROUPS.find((g) => g.principal === p)?.title;
  await owner.web.siteGroups.getByName(groupTitle('comms')!).users.add(claimsLogin(upnOf('commsOfficer')));
  await owner.web.siteGroups.getByName(groupTitle('commsHeads')!).users.add(claimsLogin(upnOf('commsHead')));

  const userIds = {} as Record<Author, number>;
  for (const a of AUTHORS) userIds[a] = (await owner.web.ensureUser(claimsLogin(upnOf(a)))).Id;

  let accountId = 0;
  const requestOf: Partial<Record<Author, number>> = {};
  let counter = 900000;
  const unique = () => counter++;
  let month = 0;
  const valuesFor = (list: MatrixList, author: MatrixRole, extra: Record<string, unknown> = {}): Record<string, unknown> => {
    const def = listDef(list);
    const v: Record<string, unknown> = { Title: `matrix ${author} ${list}` };
    for (const f of def?.fields ?? []) {
      const key = f.kind === 'User' ? `${f.name}Id` : f.name;
      // Fields that tie a record to the register account, a request or the policy in force.
      if (f.name === 'AccountId') v[key] = accountId;
      else if (f.name === 'RequestId') v[key] = requestOf.staff;
      else if (f.name === 'PolicyMajor' || f.name === 'Major') v[key] = 1;
      // A month per record, so "the latest report per account and month" never merges two records.
      else if (f.name === 'ReportMonth') v[key] = `2025-${String((month++ % 12) + 1).padStart(2, '0')}`;
      else if (f.required || f.unique) v[key] = requiredValue(f, unique, userIds);
    }
    return { ...v, ...extra };
  };

  // The register account: Olivia owns it, Ben is its backup.
  const accountsTitle = listDef('accounts')?.title;
  if (accountsTitle) {
    const a = await rest.send(upnOf('siteOwner'), {
      method: 'POST', path: `web/lists/getbytitle('${accountsTitle}')/items`,
      body: { ...valuesFor('accounts', 'siteOwner'), Title: 'Northshire Libraries', OwnerId: userIds.accountOwner, BackupId: userIds.backup }
    });
    if (a.status !== 201) throw new Error(`matrix: could not create the register account (${a.status}): ${a.text}`);
    accountId = (a.json as { Id: number }).Id;
  }

  // One item per list per author: what each person wrote while entitled to it (seeded below
  // SharePoint's permission checks, which is what a past entitlement amounts to now).
  const items: Partial<Record<MatrixList, SeededItem[]>> = {};
  const seedOrder: MatrixList[] = ['requests', ...MATRIX_LISTS.filter((l) => l !== 'requests')];
  for (const list of seedOrder) {
    const def = listDef(list);
    if (!def) continue;
    const seeded: SeededItem[] = [];
    for (const author of AUTHORS) {
      const [id] = emu.sharepoint.bulkAddItemsAs(def.title, [{ authorId: userIds[author], values: valuesFor(list, author) }]);
      seeded.push({ id, author, openedTo: [] });
      if (list === 'requests') requestOf[author] = id;
    }
    items[list] = seeded;
  }

  // Reviews and decisions of Sam's and Olivia's requests, each opened to its requester alone by its
  // writer (comms for reviews, heads for decisions) the way the product does it: break the item's
  // inheritance, keep the list's assignments, grant the requester Read.
  const readRole = (await owner.web.roleDefinitions.getByType(2).select('Id')<{ Id: number }>()).Id;
  for (const [list, writer] of [['reviews', 'commsOfficer'], ['decisions', 'commsHead']] as const) {
    const def = listDef(list);
    const seeded = items[list];
    if (!def || !seeded) continue;
    const base = `web/lists/getbytitle('${def.title}')/items`;
    const ofSam = seeded.find((s) => s.author === writer)!;
    const [ofOliviaId] = emu.sharepoint.bulkAddItemsAs(def.title, [{
      authorId: userIds[writer], values: valuesFor(list, writer, { RequestId: requestOf.accountOwner })
    }]);
    const ofOlivia: SeededItem = { id: ofOliviaId, author: writer, openedTo: [] };
    seeded.push(ofOlivia);
    for (const [item, requester] of [[ofSam, 'staff'], [ofOlivia, 'accountOwner']] as const) {
      const open = async (as: MatrixRole) => {
        const b = await rest.send(upnOf(as), { method: 'POST', path: `${base}(${item.id})/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)` });
        const g = await rest.send(upnOf(as), { method: 'POST', path: `${base}(${item.id})/roleassignments/addroleassignment(principalid=${userIds[requester]},roledefid=${readRole})` });
        return b.status < 300 && g.status < 300 ? undefined : `${b.status}/${g.status}`;
      };
      const refused = await open(writer);
      if (refused) {
        setupFindings.push(`${writer} could not open a ${list} item to its requester (${refused}); the site owner opened it so the other cells can run`);
        const again = await open('siteOwner');
        if (again) throw new Error(`matrix: even the site owner could not open ${list} item ${item.id} (${again})`);
      }
      item.openedTo.push(requester);
    }
  }

  // Everything so far was written "earlier": server times from an hour ago, a second apart in the order
  // written (the register account first), so any change a cell makes is later than its Created and
  // the rules that ignore edited records can tell. Harness-only, like the restore point below.
  let t = Date.now() - 3_600_000;
  const state = emu.sharepoint.site();
  const all = state.lists.flatMap((l) => l.items).sort((a, b) => a.Created.localeCompare(b.Created));
  const accountsList = state.lists.find((l) => l.Title === accountsTitle);
  const first = accountsList?.items.find((i) => i.Id === accountId);
  for (const item of first ? [first, ...all.filter((i) => i !== first)] : all) {
    t += 1_000;
    item.Created = item.Modified = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  // Harness-only restore point: the assertions all read back through REST as the site owner; this
  // just makes the next cell start from the same site without re-running set-up.
  // A cell writes to one list (and at most to the web's role assignments, users, groups or recycle
  // bin), so restoring that list and the small site-wide records is enough, and far cheaper than the
  // whole site; without a list, or if lists came or went, everything is restored.
  const live = emu.sharepoint.site();
  const snapshot = structuredClone(live);
  const restore = (list?: MatrixList) => {
    const title = list ? listDef(list)?.title : undefined;
    const whole = !title || live.lists.length !== snapshot.lists.length
      || live.lists.some((l, i) => l.Id !== snapshot.lists[i].Id);
    if (whole) {
      Object.assign(live, structuredClone(snapshot));
      return;
    }
    const { lists, ...siteWide } = snapshot;
    Object.assign(live, structuredClone(siteWide));
    const at = snapshot.lists.findIndex((l) => l.Title === title);
    live.lists[at] = structuredClone(lists[at]);
  };

  return {
    emu, rest, userIds, accountId, requestOf, items, setupFindings, valuesFor, restore,
    close: () => emu.close()
  };
}
