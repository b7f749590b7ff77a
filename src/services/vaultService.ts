import { AppError, isAppError } from '../domain/errors';
import { credentialSecrets, currentVaultPublicKeys, timelineFromCurrent, type SecretInForce } from '../domain/trust';
import { VaultError, type SecretPlain, type WrappedDataKey } from '../domain/vault';
import { checkPassphrase, passphraseMessage } from '../domain/vault/passphrase';
import { createVaultKey, fingerprintOf, openSecret, parseWrappedKeys, rewrapSecret, sealSecret, unlockVaultKey, type Recipient, type UnlockedKey } from '../data/crypto/vaultCrypto';
import type { ICredentials, IVaultKeys, StoredCredential, StoredPrivateKey, StoredPublicKey } from './ports/vault';
import type { IGroupMembership } from './ports/groups';
import type { IActivityLog } from './ports/activity';
import type { ISettingsRepository } from './ports/settings';
import type { INotifier } from './ports/notifier';
import type { AccountHolders } from './accountUpdatesService';
import { notifyCommsGroup, type CommsNotified } from './commsNotice';

// Credential custody (PRODUCT.md C6). Owners and backups share an account's credentials encrypted in
// their browser for every comms member whose vault key counts now; comms unlock their own key with
// their passphrase and open one secret at a time. SharePoint only ever receives ciphertext, wrapped
// keys and the parameters to open them; the passphrase and the unlocked key never leave this object,
// which forgets the key on lock or after a quiet spell.

export interface ShareInput extends SecretPlain {
  twoStepOn: boolean;
  recoveryIsOrganisational: boolean;
  /** When the password was last changed ("YYYY-MM-DD"); empty means now. */
  rotatedOn?: string;
}

export interface ShareAccount extends AccountHolders {
  name: string;
}

/** How telling comms of a shared or changed password went (the same answer as for requests). */
export type CommsNotice = CommsNotified;

export interface ShareOutcome {
  credential: StoredCredential;
  /** How many comms members' keys it was wrapped for. */
  wrappedFor: number;
  notified: CommsNotice;
}

export type ShareProblem = 'username' | 'password' | 'rotatedOn';

export type CredentialState = 'shared' | 'notShared';

/** What comms see per account, without opening anything. */
export interface AccountCredentialStatus {
  accountId: number;
  name: string;
  platform: string;
  state: CredentialState;
  sharedBy?: string;
  sharedAt?: string;
  twoStepOn?: boolean;
  recoveryIsOrganisational?: boolean;
  rotatedAt?: string;
  /** rotatedAt + the rotation period. */
  rotationDue?: string;
  rotationOverdue: boolean;
  /** People who could read the secret in force and are no longer in comms: change the password. */
  rotateBecause: string[];
  /** Whether the signed-in comms member's key can open it. */
  readable: boolean;
  /** Items someone not entitled stored for this account (never shown as current). */
  planted: { authorName: string; created: string }[];
}

export interface VaultAccount {
  accountId: number;
  name: string;
  platform: string;
  ownerId?: number;
  backupId?: number;
  created: string;
}

export interface VaultDeps {
  keys: IVaultKeys;
  credentials: ICredentials;
  groups: IGroupMembership;
  settings: ISettingsRepository;
  notifier: INotifier;
  activity: IActivityLog;
  /** Every register entry (comms' overview). */
  accounts: () => Promise<VaultAccount[]>;
  me: () => Promise<number>;
  newId: () => string;
  now?: () => Date;
  /** Forget the unlocked key after this long without use (default 10 minutes). */
  idleMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

const DAY_MS = 86_400_000;
const DEFAULT_IDLE_MS = 10 * 60_000;

interface CountingKey { record: StoredPublicKey; recipient: Recipient }

export class VaultService {
  private unlocked?: UnlockedKey;
  private timer: unknown;
  private listeners = new Set<(unlocked: boolean) => void>();
  private readonly now: () => Date;
  /** The register as last read: reveal does not read every entry again for each secret. */
  private accountsSeen?: VaultAccount[];

  public constructor(private readonly d: VaultDeps) {
    this.now = d.now ?? (() => new Date());
  }

  // ---- keys and lock -------------------------------------------------------------------------

  public get isUnlocked(): boolean {
    return this.unlocked !== undefined;
  }

  /** Called with true on unlock, false on lock (including the idle timeout). */
  public onLockChange(listener: (unlocked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether the signed-in person has a vault key (their latest wrapped private key). */
  public async hasKey(): Promise<boolean> {
    return (await this.ownKeys()).length > 0;
  }

  /**
   * The signed-in person's wrapped private keys. SharePoint answers someone outside comms as if the
   * list did not exist (it hides lists a person has no rights on): for them there is simply no key.
   */
  private async ownKeys(): Promise<StoredPrivateKey[]> {
    try {
      return await this.d.keys.ownPrivateKeys();
    } catch (e) {
      if (isAppError(e) && (e.kind === 'notSetUp' || e.kind === 'notFound' || e.kind === 'forbidden')) return [];
      throw e;
    }
  }

  /** Creates the signed-in comms member's key pair once; the passphrase is asked twice. */
  public async createKey(passphrase: string, again: string, options: { iterations?: number } = {}): Promise<{ fingerprint: string }> {
    const checked = checkPassphrase(passphrase);
    if (!checked.ok) throw new VaultError('weakPassphrase', passphraseMessage(checked.problem, checked.length));
    if (passphrase !== again) throw new VaultError('weakPassphrase', 'The two passphrases are not the same. Type it again in both boxes.');
    if (await this.hasKey()) throw new VaultError('keyExists', 'You already have a vault key. Unlock it with your passphrase.');
    const key = await createVaultKey(passphrase, options);
    // The private key first: a public key nobody can open would have secrets wrapped for it.
    await this.d.keys.addPrivateKey(key.wrappedPrivateKey, key.fingerprint);
    await this.d.keys.addPublicKey(key.publicJwk, key.fingerprint);
    await this.log('vault.keyCreated', { fingerprint: key.fingerprint });
    return { fingerprint: key.fingerprint };
  }

  /**
   * Opens the signed-in person's key with their passphrase (held only here, non-extractable), then
   * shares every secret they can read with comms colleagues whose key it is not yet wrapped for.
   */
  public async unlock(passphrase: string): Promise<{ fingerprint: string; rewrapped: number }> {
    const own = await this.ownKeys();
    const latest = own[own.length - 1];
    if (!latest) throw new VaultError('noKey', 'You have no vault key yet. Create one first.');
    this.unlocked = await unlockVaultKey(latest.wrappedPrivateKey, latest.fingerprint, passphrase);
    this.touch();
    this.emit(true);
    let rewrapped = 0;
    try {
      rewrapped = await this.shareWithNewcomers();
    } catch {
      // Re-wrapping for colleagues is a courtesy of this unlock; the next unlock tries again.
    }
    return { fingerprint: latest.fingerprint, rewrapped };
  }

  public lock(): void {
    const was = this.unlocked !== undefined;
    this.unlocked = undefined;
    if (this.timer !== undefined) (this.d.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = undefined;
    if (was) this.emit(false);
  }

  private emit(unlocked: boolean): void {
    for (const l of this.listeners) l(unlocked);
  }

  private touch(): void {
    if (this.timer !== undefined) (this.d.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = (this.d.setTimer ?? setTimeout)(() => this.lock(), this.d.idleMs ?? DEFAULT_IDLE_MS);
  }

  private key(): UnlockedKey {
    if (!this.unlocked) throw new VaultError('locked', 'The vault is locked. Unlock it with your passphrase.');
    this.touch();
    return this.unlocked;
  }

  private async accounts(fresh: boolean): Promise<VaultAccount[]> {
    if (fresh || !this.accountsSeen) this.accountsSeen = await this.d.accounts();
    return this.accountsSeen;
  }

  // ---- who counts ------------------------------------------------------------------------------

  /** Comms members' keys in force, each checked: its fingerprint is computed here, never read from the item. */
  private async countingKeys(comms: number[]): Promise<{ current: CountingKey[]; fingerprints: Map<string, StoredPublicKey> }> {
    const all = await this.d.keys.publicKeys();
    const fingerprints = new Map<string, StoredPublicKey>();
    const checked = new Map<number, Recipient>();
    for (const r of all) {
      try {
        const jwk = JSON.parse(r.publicKey) as JsonWebKey;
        const fp = await fingerprintOf(jwk);
        // The first author of a key owns it: someone re-publishing a colleague's key gains nothing.
        if (!fingerprints.has(fp)) fingerprints.set(fp, r);
        if (fingerprints.get(fp) === r) checked.set(r.id, { fingerprint: fp, publicJwk: jwk });
      } catch {
        // An unreadable key counts for nobody.
      }
    }
    const usable = all.filter((r) => checked.has(r.id));
    const current = [...currentVaultPublicKeys(usable, { comms }).values()].map((record) => ({ record, recipient: checked.get(record.id)! }));
    return { current, fingerprints };
  }

  private judge(accounts: readonly VaultAccount[], records: readonly StoredCredential[], comms: number[]) {
    const timeline = timelineFromCurrent(accounts.map((a) => ({ accountId: a.accountId, ownerId: a.ownerId, backupId: a.backupId, created: a.created })));
    return credentialSecrets(records, { timeline, comms });
  }

  /** Fingerprints a secret is wrapped for, with the item holding each. */
  private static readers(secret: SecretInForce<StoredCredential>): Map<string, { item: StoredCredential; wrapped: WrappedDataKey[] }> {
    const out = new Map<string, { item: StoredCredential; wrapped: WrappedDataKey[] }>();
    for (const item of secret.items) {
      let wrapped: WrappedDataKey[];
      try { wrapped = parseWrappedKeys(item.wrappedKeys); } catch { continue; }
      for (const w of wrapped) if (!out.has(w.fp)) out.set(w.fp, { item, wrapped });
    }
    return out;
  }

  // ---- sharing (owners, backups, comms) --------------------------------------------------------

  public static checkShare(input: ShareInput): Partial<Record<ShareProblem, string>> {
    const problems: Partial<Record<ShareProblem, string>> = {};
    if (!input.username.trim()) problems.username = 'Enter the username or e-mail address the account signs in with.';
    if (!input.password) problems.password = 'Enter the password.';
    if (input.rotatedOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.rotatedOn)) problems.rotatedOn = 'Enter the date as day, month and year.';
    return problems;
  }

  /**
   * Encrypts the credentials for every comms member whose key counts now and adds them as the
   * account's newest secret. `change` says whether the password was just changed ("I changed the
   * password") or shared as it is. Comms are told in Teams either way.
   */
  public async share(account: ShareAccount, input: ShareInput, change: 'shared' | 'changed', submissionId: string): Promise<ShareOutcome> {
    const problems = VaultService.checkShare(input);
    const first = Object.values(problems)[0];
    if (first) throw new AppError('validation', first);
    const comms = await this.d.groups.memberIds('comms');
    const { current } = await this.countingKeys(comms);
    const mine = await this.d.credentials.forAccount(account.accountId);
    const version = mine.reduce((n, r) => Math.max(n, r.version), 0) + 1;
    const secretId = this.d.newId();
    const sealed = await sealSecret(input, { accountId: account.accountId, version, secretId }, current.map((k) => k.recipient));
    const rotatedAt = change === 'changed' || !input.rotatedOn ? this.now().toISOString() : new Date(`${input.rotatedOn}T12:00:00Z`).toISOString();
    const credential = await this.d.credentials.add({
      accountId: account.accountId, version, envelope: sealed.envelope, wrappedKeys: sealed.wrappedKeys,
      twoStepOn: input.twoStepOn, recoveryIsOrganisational: input.recoveryIsOrganisational, rotatedAt
    }, submissionId);
    await this.log(change === 'changed' ? 'credentials.changed' : 'credentials.shared', { credentialId: credential.id, version, wrappedFor: current.length }, account.accountId);
    const notified = await this.notifyComms(account, change);
    return { credential, wrappedFor: current.length, notified };
  }

  private notifyComms(account: ShareAccount, change: 'shared' | 'changed'): Promise<CommsNotice> {
    const verb = change === 'changed' ? 'changed' : 'shared';
    return notifyCommsGroup(this.d.groups, this.d.notifier, {
      activityType: 'credentialsShared',
      previewText: `Credentials ${verb} for ${account.name}`.slice(0, 150),
      templateParameters: { change: verb, accountName: account.name },
      deepLink: { pageId: 'vault', subPageId: String(account.accountId), label: account.name }
    });
  }

  private async log(action: string, data: Record<string, unknown>, accountId?: number): Promise<void> {
    try {
      await this.d.activity.append({ action, targetList: accountId === undefined ? 'vaultPublicKeys' : 'accounts', targetId: accountId, data });
    } catch {
      // The log records what happened; failing to write it changes nothing that was saved.
    }
  }

  // ---- comms' side -------------------------------------------------------------------------------

  /** Every account with the state of its credentials, opening nothing. */
  public async overview(): Promise<AccountCredentialStatus[]> {
    const [accounts, records, comms, settings] = await Promise.all([this.accounts(true), this.d.credentials.all(), this.d.groups.memberIds('comms'), this.d.settings.load()]);
    const { fingerprints } = await this.countingKeys(comms);
    const verdict = this.judge(accounts, records, comms);
    const myFp = this.unlocked?.fingerprint;
    const now = this.now().getTime();
    return accounts.map((a): AccountCredentialStatus => {
      const secret = verdict.current.get(a.accountId);
      const planted = verdict.ignored.filter((i) => i.record.accountId === a.accountId).map((i) => ({ authorName: i.record.authorName ?? 'Someone', created: i.record.created }));
      const base = { accountId: a.accountId, name: a.name, platform: a.platform, planted, rotateBecause: [] as string[], rotationOverdue: false, readable: false };
      if (!secret) return { ...base, state: 'notShared' };
      const readers = VaultService.readers(secret);
      const o = secret.original;
      const rotatedAt = o.rotatedAt ?? o.created;
      const due = Date.parse(rotatedAt) + settings.rotationDays * DAY_MS;
      const rotateBecause = new Set<string>();
      for (const fp of readers.keys()) {
        const holder = fingerprints.get(fp);
        // A reader whose key's author left comms (or whose key is gone) could still have the password.
        if (!holder) rotateBecause.add('an unknown key');
        else if (!comms.includes(holder.authorId)) rotateBecause.add(holder.authorName ?? 'A former comms member');
      }
      return {
        ...base, state: 'shared', sharedBy: o.authorName, sharedAt: o.created, twoStepOn: o.twoStepOn, recoveryIsOrganisational: o.recoveryIsOrganisational,
        rotatedAt, rotationDue: new Date(due).toISOString(), rotationOverdue: due <= now, rotateBecause: [...rotateBecause],
        readable: myFp !== undefined && readers.has(myFp)
      };
    });
  }

  /** Opens the secret in force for one account with the unlocked key. */
  public async reveal(accountId: number): Promise<SecretPlain> {
    const me = this.key();
    const [accounts, records, comms] = await Promise.all([this.accounts(false), this.d.credentials.forAccount(accountId), this.d.groups.memberIds('comms')]);
    const secret = this.judge(accounts.filter((a) => a.accountId === accountId), records, comms).current.get(accountId);
    if (!secret) throw new AppError('notFound', 'No credentials that count have been shared for this account.');
    const held = VaultService.readers(secret).get(me.fingerprint);
    if (!held) throw new VaultError('notForYou', 'These credentials were not shared with your vault key (they were shared before you had one). A colleague in comms shares them with you when they next unlock the vault.');
    const plain = await openSecret(held.item.envelope, held.wrapped, { accountId: held.item.accountId, version: held.item.version }, me);
    await this.log('credentials.revealed', { credentialId: held.item.id }, accountId);
    return plain;
  }

  /** Wraps every secret in force that this member can read for colleagues whose current key it lacks. */
  private async shareWithNewcomers(): Promise<number> {
    const me = this.key();
    const [accounts, records, comms] = await Promise.all([this.accounts(true), this.d.credentials.all(), this.d.groups.memberIds('comms')]);
    const { current } = await this.countingKeys(comms);
    const verdict = this.judge(accounts, records, comms);
    let added = 0;
    for (const secret of verdict.current.values()) {
      const readers = VaultService.readers(secret);
      const held = readers.get(me.fingerprint);
      const missing = current.filter((k) => !readers.has(k.recipient.fingerprint)).map((k) => k.recipient);
      if (!held || missing.length === 0) continue;
      const item = held.item;
      const wrapped = await rewrapSecret(item.envelope, held.wrapped, { accountId: item.accountId, version: item.version }, me, missing);
      await this.d.credentials.add({
        accountId: item.accountId, version: item.version, envelope: item.envelope, wrappedKeys: wrapped,
        twoStepOn: secret.original.twoStepOn, recoveryIsOrganisational: secret.original.recoveryIsOrganisational, rotatedAt: secret.original.rotatedAt ?? secret.original.created
      }, this.d.newId());
      await this.log('credentials.rewrapped', { secretOf: secret.original.id, for: missing.map((m) => m.fingerprint) }, item.accountId);
      added++;
    }
    return added;
  }
}
