import { Collector } from './collect';
import { optionalText, registerId, requiredText } from './fields';
import { REQUEST_LIMITS as L } from './limits';
import type { CloseAccountDetails, CloseAccountInput, Validated } from './types';

export function emptyCloseAccount(): CloseAccountInput {
  return { kind: 'Close account', accountId: '', accountName: '', reason: '', followersPlan: '' };
}

export function validateCloseAccount(input: CloseAccountInput): Validated<CloseAccountDetails> {
  const c = new Collector();
  const accountId = c.field('accountId', registerId(input.accountId, 'Choose the account to close from the register.'));
  const accountName = c.field('accountName', requiredText(input.accountName, L.personNameLength, false, 'Choose the account to close from the register.'));
  const reason = c.field('reason', requiredText(input.reason, L.noteLength, true, 'Say why the account should close.'));
  const followersPlan = c.field('followersPlan', optionalText(input.followersPlan, L.shortNoteLength, true));
  return c.result(() => ({ kind: 'Close account', accountId: accountId!, accountName: accountName!, reason: reason!, followersPlan: followersPlan! }));
}

export function closeAccountInputFrom(d: CloseAccountDetails): CloseAccountInput {
  return { kind: 'Close account', accountId: String(d.accountId), accountName: d.accountName, reason: d.reason, followersPlan: d.followersPlan };
}
