import { byCreated, type IgnoredRecord } from './records';
import { countingCredentials, type AccountRecord, type RegisterContext } from './accountRecords';

// Which shared secret is in force for an account. A secret is one encryption (its secret id); when a
// comms member joins, a colleague adds a copy of the same secret wrapped for them, a later item with
// the same secret id. So the latest item must not simply win: a copy of an older secret written after
// a newer share would bring the old password back. Secrets are ranked by their first item that counts
// (SharePoint's Created), and copies only add readers to the secret they copy.

export interface CredentialRecord extends AccountRecord {
  /** The secret's own id (inside its ciphertext envelope; copies carry the same). */
  secretId: string;
  version: number;
}

export interface SecretInForce<T extends CredentialRecord> {
  accountId: number;
  secretId: string;
  version: number;
  /** The first item of the secret that counts: its author and Created are the share's. */
  original: T;
  /** Every counting item of this secret, oldest first (the original and its re-wrapped copies). */
  items: T[];
}

export interface CredentialVerdict<T extends CredentialRecord> {
  current: Map<number, SecretInForce<T>>;
  /** Items that do not count (planted by someone neither owner, backup nor comms), shown to comms. */
  ignored: IgnoredRecord<T>[];
}

export function credentialSecrets<T extends CredentialRecord>(records: readonly T[], ctx: RegisterContext): CredentialVerdict<T> {
  const verdict = countingCredentials(records, ctx);
  const groups = new Map<string, SecretInForce<T>>();
  for (const r of [...verdict.counting].sort(byCreated)) {
    // A copy claiming another version than its original is not the same secret (it could not open).
    const key = `${r.accountId}|${r.secretId}|${r.version}`;
    const g = groups.get(key);
    if (g) g.items.push(r);
    else groups.set(key, { accountId: r.accountId, secretId: r.secretId, version: r.version, original: r, items: [r] });
  }
  const current = new Map<number, SecretInForce<T>>();
  for (const g of groups.values()) {
    const held = current.get(g.accountId);
    if (!held || byCreated(held.original, g.original) < 0) current.set(g.accountId, g);
  }
  return { current, ignored: verdict.ignored };
}
