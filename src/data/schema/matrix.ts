// The permission matrix: for every role, every list and every verb, what SharePoint (through the
// permissions set-up gives) and the domain rules (src/domain/trust) together must do. It is the spec
// of PRODUCT.md §3 "How trust works" and the trust model v2 design of issue 6, written as data, NOT derived from the
// schema's role assignments: the matrix test (tests/matrix) tries every cell through raw REST against
// the emulator after the real set-up, so a wrong grant in lists.ts shows up as an unexpected cell.
// Pure data, no I/O and no PnPjs, so the product's docs, the test and `npm run matrix` share it.

/** The people of the matrix (workbench/emulator/directory.ts personas plus one outsider). */
export const MATRIX_ROLES = [
  'staff', // Sam Patel: a member of staff (the site's visitors through the Everyone claim)
  'accountOwner', // Olivia Reed: owner of the register account the matrix creates
  'backup', // Ben Hughes: its backup
  'commsOfficer', // Chris Morgan: in the Comms group
  'commsHead', // Hannah Lewis: in the Comms Heads group only (not in Comms)
  'siteOwner', // Simon Clarke: the site's owners group (Full Control everywhere)
  'leaver', // Leah Ward: disabled in the directory, cannot sign in
  'unknown' // someone outside the tenant's directory: SharePoint does not know them at all
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** The verbs, in the order of the letters of a row. */
export const MATRIX_VERBS = [
  'readAll', // list the items: all of them, only one's own, or only those opened to one
  'readOthers', // read one item someone else wrote (and that was not opened to the caller)
  'add', // add an item
  'updateOwn', // change an item one wrote (MERGE)
  'updateOthers', // change an item someone else wrote
  'deleteOwn',
  'deleteOthers',
  'changePermissions', // add a role assignment on the list (the list already has unique permissions)
  'addField', // add a column to the list
  'changeSettings' // MERGE the list itself (Description, ReadSecurity)
] as const;
export type MatrixVerb = (typeof MATRIX_VERBS)[number];

export const MATRIX_LISTS = [
  'policyVersions', 'acknowledgements', 'accounts', 'accountUpdates', 'requests', 'reviews', 'decisions',
  'monthlyReports', 'credentials', 'vaultPublicKeys', 'vaultPrivateKeys', 'hashtags', 'emergencyRoles',
  'activity', 'notifications', 'settings', 'importRuns'
] as const;
export type MatrixList = (typeof MATRIX_LISTS)[number];

export type MatrixOutcome =
  | 'allowed' // SharePoint lets it happen, and where a domain rule applies the record counts
  | 'refused' // SharePoint refuses it and nothing changes
  | 'own' // read all answers only the caller's own items
  | 'opened' // read all answers only the items opened to the caller item by item (their reviews/decisions)
  | 'allowed-not-counted' // SharePoint lets it happen but the domain rule ignores the record
  | 'n/a'; // the verb cannot apply (see NOT_APPLICABLE)

/** One letter per outcome: rows of the table below and the printed matrix use them. */
export const OUTCOME_LETTERS: Readonly<Record<MatrixOutcome, string>> = {
  allowed: 'a',
  refused: '-',
  own: 'o',
  opened: 'p',
  'allowed-not-counted': 'n',
  'n/a': '.'
};

// Rows: one letter per verb, in MATRIX_VERBS order:
//   readAll readOthers add updateOwn updateOthers deleteOwn deleteOthers changePermissions addField changeSettings
// "own" items exist for every role that can sign in: the matrix plants one item per author in every
// list, standing for what a person wrote while entitled (a comms officer who has since left comms, a
// record a site owner migrated with its original Author).
const NOTHING = '----------'; // no permission on the list at all
const READER = 'aa--------'; // Read: sees every item, writes nothing
const ADDS_SEES_ALL = 'aaa-------'; // Read + Add only (append-only) on a list everyone reads
const ADDS_SEES_OWN = 'o-a-------'; // Add only on a "read own items" list: append-only, sees own
const OVERSEES_ADDS = 'aaa-------'; // read-all (Override List Behaviours) + Add via everyone; still no Edit/Delete
const EDITOR = 'aaaaaaa---'; // Contribute: every item verb, but no Manage Lists / Manage Permissions
const ADMIN = 'aaaaaaaaaa'; // Full Control: site owners are administrators (PRODUCT.md §3)
const SIGNED_OUT = '----------'; // a leaver cannot sign in: every call answers 403
const OUTSIDER = '---.-.----'; // unknown to the tenant: 401 everywhere, and never wrote an item

/** Why a cell is n/a (keyed by role, then verb). */
export const NOT_APPLICABLE: Readonly<Partial<Record<MatrixRole, Partial<Record<MatrixVerb, string>>>>> = {
  unknown: {
    updateOwn: 'someone outside the directory was never a site user, so no item has them as Author',
    deleteOwn: 'someone outside the directory was never a site user, so no item has them as Author'
  }
};

interface ListRows {
  /** The rule in one line (PRODUCT.md §3 and the design), printed with the table. */
  why: string;
  staff: string;
  /** Default: the staff row (owner and backup hold exactly what every member of staff holds). */
  accountOwner?: string;
  backup?: string;
  commsOfficer: string;
  commsHead: string;
  /** Default: ADMIN. */
  siteOwner?: string;
}

const ROWS: Readonly<Record<MatrixList, ListRows>> = {
  policyVersions: {
    why: 'everyone reads; comms add versions (append-only: a published version is never rewritten)',
    staff: READER,
    commsOfficer: ADDS_SEES_ALL,
    commsHead: READER
  },
  acknowledgements: {
    why: 'everyone adds their own (append-only) and sees only their own; comms and heads read all',
    staff: ADDS_SEES_OWN,
    // Override List Behaviours lifts read-own-only; the level has no Edit, so nothing else is lifted.
    commsOfficer: OVERSEES_ADDS,
    commsHead: OVERSEES_ADDS
  },
  accounts: {
    why: "the register is comms' record: everyone reads, comms edit; an owner changes nothing here (see account updates)",
    staff: READER,
    commsOfficer: EDITOR,
    commsHead: READER
  },
  accountUpdates: {
    why: "everyone adds (append-only); an update counts only from the account's owner or backup at the time, or comms",
    // Sam is neither owner nor backup of the register account: the write lands, no reader counts it.
    staff: 'aan-------',
    accountOwner: ADDS_SEES_ALL,
    backup: ADDS_SEES_ALL,
    commsOfficer: ADDS_SEES_ALL,
    // Heads are not in comms.
    commsHead: 'aan-------',
    // An administrator can write anything; the rule still does not count a site owner's update.
    siteOwner: 'aannaaaaaa'
  },
  requests: {
    why: 'everyone adds (original or revision, append-only) and sees own; comms and heads read all but change nothing',
    staff: ADDS_SEES_OWN,
    // The issue-6 finding: read-all used to lift edit-own-only. Now no Edit at all: MERGE/DELETE refused.
    commsOfficer: OVERSEES_ADDS,
    commsHead: OVERSEES_ADDS
  },
  reviews: {
    why: "comms add (append-only) and open each review to its requester; heads read; staff read only their own request's",
    // Staff hold nothing on the list; the review of their own request is opened to them item by item.
    staff: 'p---------',
    // Ben has no request in the matrix: nothing is opened to him, so he holds nothing on the list.
    backup: NOTHING,
    // "Add and share" includes Manage Permissions, which is list-scoped: the design accepts that comms
    // could change the list's permissions, and the domain ignores a review edited after writing.
    commsOfficer: 'aaa----a--',
    commsHead: READER,
    // Not in comms: a site owner's review does not count, nor does any review once edited.
    siteOwner: 'aannnaaaaa'
  },
  decisions: {
    why: "only heads add (append-only) and open each decision to its requester; comms read; staff read only their own request's",
    staff: 'p---------',
    backup: NOTHING,
    commsOfficer: READER,
    commsHead: 'aaa----a--',
    siteOwner: 'aannnaaaaa'
  },
  monthlyReports: {
    why: "everyone adds and sees own; a report counts only from the account's owner or backup at the time; comms and heads read all",
    staff: 'o-n-------',
    accountOwner: ADDS_SEES_OWN,
    backup: ADDS_SEES_OWN,
    // Comms and heads can add through everyone's level, but they are not the account's owner or backup.
    commsOfficer: 'aan-------',
    commsHead: 'aan-------',
    siteOwner: 'aannaaaaaa'
  },
  credentials: {
    why: "everyone adds and sees own; counts only from the account's owner or backup, or comms; comms read all",
    staff: 'o-n-------',
    accountOwner: ADDS_SEES_OWN,
    backup: ADDS_SEES_OWN,
    commsOfficer: OVERSEES_ADDS,
    // Heads are not in comms and hold no read-all here.
    commsHead: 'o-n-------',
    siteOwner: 'aannaaaaaa'
  },
  vaultPublicKeys: {
    why: 'everyone reads; comms add; a key belongs to its Author and counts only while the Author is in comms',
    staff: READER,
    commsOfficer: ADDS_SEES_ALL,
    commsHead: READER,
    siteOwner: 'aannaaaaaa'
  },
  vaultPrivateKeys: {
    why: 'comms add their own wrapped private key and see only their own; nobody else holds anything',
    staff: NOTHING,
    commsOfficer: ADDS_SEES_OWN,
    commsHead: NOTHING
  },
  hashtags: {
    why: 'everyone reads; comms edit',
    staff: READER,
    commsOfficer: EDITOR,
    commsHead: READER
  },
  importRuns: {
    why: 'register imports: everyone reads (every register reader asks which runs are complete); comms write',
    staff: READER,
    commsOfficer: EDITOR,
    commsHead: READER
  },
  emergencyRoles: {
    why: 'everyone reads; comms edit',
    staff: READER,
    commsOfficer: EDITOR,
    commsHead: READER
  },
  activity: {
    why: 'everyone adds their own (append-only log) and sees own; comms and heads read all',
    staff: ADDS_SEES_OWN,
    commsOfficer: OVERSEES_ADDS,
    commsHead: OVERSEES_ADDS
  },
  notifications: {
    why: 'comms add delivery reports (append-only: a retry is a new report); heads read; staff nothing',
    staff: NOTHING,
    commsOfficer: ADDS_SEES_ALL,
    commsHead: READER
  },
  settings: {
    why: 'everyone reads; only the site owner edits',
    staff: READER,
    commsOfficer: READER,
    commsHead: READER
  }
};

const LETTER_TO_OUTCOME = new Map(Object.entries(OUTCOME_LETTERS).map(([o, l]) => [l, o as MatrixOutcome]));

function rowOf(list: MatrixList, role: MatrixRole): string {
  const r = ROWS[list];
  switch (role) {
    case 'staff': return r.staff;
    case 'accountOwner': return r.accountOwner ?? r.staff;
    case 'backup': return r.backup ?? r.staff;
    case 'commsOfficer': return r.commsOfficer;
    case 'commsHead': return r.commsHead;
    case 'siteOwner': return r.siteOwner ?? ADMIN;
    case 'leaver': return SIGNED_OUT;
    case 'unknown': return OUTSIDER;
  }
}

/** The expected outcome of one cell. */
export function expectedOutcome(role: MatrixRole, list: MatrixList, verb: MatrixVerb): MatrixOutcome {
  const row = rowOf(list, role);
  const letter = row[MATRIX_VERBS.indexOf(verb)];
  const outcome = LETTER_TO_OUTCOME.get(letter);
  if (row.length !== MATRIX_VERBS.length || !outcome) throw new Error(`matrix row for ${role} on ${list} is malformed: '${row}'`);
  return outcome;
}

/** The row of letters for a role on a list, as printed. */
export function matrixRow(role: MatrixRole, list: MatrixList): string {
  return MATRIX_VERBS.map((v) => OUTCOME_LETTERS[expectedOutcome(role, list, v)]).join('');
}

/** The one-line rule of a list. */
export function listRule(list: MatrixList): string {
  return ROWS[list].why;
}

export interface MatrixCell {
  role: MatrixRole;
  list: MatrixList;
  verb: MatrixVerb;
  expected: MatrixOutcome;
}

/** Every cell, role by role, list by list, verb by verb. */
export function matrixCells(): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const role of MATRIX_ROLES) {
    for (const list of MATRIX_LISTS) {
      for (const verb of MATRIX_VERBS) cells.push({ role, list, verb, expected: expectedOutcome(role, list, verb) });
    }
  }
  return cells;
}
