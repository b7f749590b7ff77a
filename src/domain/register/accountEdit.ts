import { ACCOUNT_STATUSES, PLATFORMS, isPlatform, type Platform } from './choices';
import { handleKeyOf, normaliseHandle } from './accountHandle';
import { choiceOf, emailAddress, optionalText, requiredText, webAddress, type FieldResult } from '../requests/fields';
import { isBlank } from '../requests/text';

// What comms may write into an account of the register (PRODUCT.md C2), checked field by field before
// it reaches SharePoint. The handle is read the way "is this account ours?" reads it, so the key
// stored beside it is the one the lookup will ask for; text is stored exactly as typed.

/** The edit form's fields, as typed. Owner and backup are work e-mail addresses (the register's people). */
export interface AccountDraft {
  name: string;
  platform: string;
  handle: string;
  profileUrl: string;
  service: string;
  ownerEmail: string;
  backupEmail: string;
  status: string;
  objectives: string;
  hashtags: string;
}

export type AccountDraftField = keyof AccountDraft;

/** An accepted draft: empty optional fields are undefined (stored as empty). */
export interface AccountValues {
  name: string;
  platform: Platform;
  handle: string;
  /** The canonical key of the handle (accountHandle handleKeyOf): what the register's lookup asks for. */
  handleKey: string;
  profileUrl?: string;
  service?: string;
  ownerEmail?: string;
  backupEmail?: string;
  status: (typeof ACCOUNT_STATUSES)[number];
  objectives?: string;
  hashtags?: string;
}

export type AccountDraftCheck = { ok: true; value: AccountValues } | { ok: false; problems: Partial<Record<AccountDraftField, string>> };

/** The register's single-line text columns take 255 characters; its notes far more, kept readable here. */
export const ACCOUNT_LIMITS = { textLength: 255, objectivesLength: 4000 } as const;

export const EMPTY_DRAFT: AccountDraft = { name: '', platform: '', handle: '', profileUrl: '', service: '', ownerEmail: '', backupEmail: '', status: 'Proposed', objectives: '', hashtags: '' };

function handleCheck(handle: string, platform: string): FieldResult<string> {
  if (isBlank(handle)) return { ok: false, message: 'Write the account\'s handle, for example @NorthshireLibraries, or paste its address.' };
  if (handle.length > ACCOUNT_LIMITS.textLength) return { ok: false, message: `Keep the handle to ${ACCOUNT_LIMITS.textLength} characters or fewer.` };
  const read = normaliseHandle(handle);
  if (!read.ok) return { ok: false, message: read.message };
  if (read.platform && isPlatform(platform) && read.platform !== platform) {
    return { ok: false, message: `This address is on ${read.platform}, but the account's platform is ${platform}. Change one of them so they agree.` };
  }
  return { ok: true, value: handle.trim() };
}

const optionalEmail = (value: string): FieldResult<string | undefined> => (isBlank(value) ? { ok: true, value: undefined } : emailAddress(value.trim()));
const optionalUrl = (value: string): FieldResult<string | undefined> => (isBlank(value) ? { ok: true, value: undefined } : webAddress(value.trim()));
const optional = (r: FieldResult<string>): FieldResult<string | undefined> => (r.ok ? { ok: true, value: isBlank(r.value) ? undefined : r.value } : r);

/** Checks every field; each problem says what is wrong and how to put it right. */
export function checkAccountDraft(d: AccountDraft): AccountDraftCheck {
  const results: { [K in AccountDraftField]: FieldResult<unknown> } = {
    name: requiredText(d.name, ACCOUNT_LIMITS.textLength, false, 'Give the account\'s name as people see it, for example Northshire Libraries.'),
    platform: choiceOf(d.platform, PLATFORMS, 'Choose the platform the account is on.', 'Choose one of the platforms in the list.'),
    handle: handleCheck(d.handle, d.platform),
    profileUrl: optionalUrl(d.profileUrl),
    service: optional(optionalText(d.service, ACCOUNT_LIMITS.textLength, false)),
    ownerEmail: optionalEmail(d.ownerEmail),
    backupEmail: optionalEmail(d.backupEmail),
    status: choiceOf(d.status, ACCOUNT_STATUSES, 'Choose the account\'s status.', 'Choose one of the statuses in the list.'),
    objectives: optional(optionalText(d.objectives, ACCOUNT_LIMITS.objectivesLength, true)),
    hashtags: optional(optionalText(d.hashtags, ACCOUNT_LIMITS.textLength, false))
  };
  const problems: Partial<Record<AccountDraftField, string>> = {};
  for (const [field, r] of Object.entries(results) as [AccountDraftField, FieldResult<unknown>][]) if (!r.ok) problems[field] = r.message;
  if (!problems.ownerEmail && !problems.backupEmail && !isBlank(d.ownerEmail) && d.ownerEmail.trim().toLowerCase() === d.backupEmail.trim().toLowerCase()) {
    problems.backupEmail = 'The backup must be someone other than the owner, so the account is covered when the owner is away.';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const v = <T>(r: FieldResult<unknown>): T => (r as { value: T }).value;
  const platform = v<Platform>(results.platform);
  const handle = v<string>(results.handle);
  return {
    ok: true,
    value: {
      name: v(results.name), platform, handle, handleKey: handleKeyOf(handle, platform)!,
      profileUrl: v(results.profileUrl), service: v(results.service), ownerEmail: v(results.ownerEmail), backupEmail: v(results.backupEmail),
      status: v(results.status), objectives: v(results.objectives), hashtags: v(results.hashtags)
    }
  };
}

/** The fields whose values differ between two drafts (what a conflict shows). */
export function changedFields(a: AccountDraft, b: AccountDraft): AccountDraftField[] {
  return (Object.keys(EMPTY_DRAFT) as AccountDraftField[]).filter((k) => a[k] !== b[k]);
}

/**
 * After a conflict: my changes (fields where mine differs from what I started from) over what is
 * saved now, and what is saved for every field I did not touch.
 */
export function mergeDrafts(started: AccountDraft, mine: AccountDraft, saved: AccountDraft): AccountDraft {
  const out = { ...saved };
  for (const f of Object.keys(EMPTY_DRAFT) as AccountDraftField[]) if (mine[f] !== started[f]) out[f] = mine[f];
  return out;
}
