import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { claimsLogin } from '../../workbench/emulator/directory';
import { spAs, person, rejection } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { SpVaultKeys } from '../../src/data/sp/vaultKeysRepository';
import { SpCredentials } from '../../src/data/sp/credentialsRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpSettingsRepository } from '../../src/data/sp/settingsRepository';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { VaultService, type ShareAccount, type ShareInput, type VaultAccount } from '../../src/services/vaultService';
import { createVaultKey, openSecret, parseWrappedKeys, unlockVaultKey } from '../../src/data/crypto/vaultCrypto';
import { fromB64u, toB64u } from '../../src/data/crypto/encoding';
import { VaultError } from '../../src/domain/vault';
import { GROUPS, LISTS } from '../../src/data/schema';
import { TEAMS_APP_ID } from '../../workbench/seed';

// Issue 9's acceptance for credential custody, against the emulator with the app's own repositories
// and WebCrypto: only ciphertext is ever stored or sent; only comms members whose key counts can open
// a secret; leaving comms, planting keys or credentials, and changing one byte are all caught.

jest.setTimeout(120_000);
type Persona = 'staff' | 'owner' | 'backup' | 'comms' | 'commsHead' | 'siteOwner';
let emu: Emulator;
const ids: Record<string, number> = {};
let account: ShareAccount;
let accounts: VaultAccount[];
const PASS: Record<string, string> = { comms: 'chris keeps the vault key safe', commsHead: 'hannah has a different long phrase' };
const PASSWORD = 'Libr4ries!-only-in-the-vault-7731';
const secret = (password: string): ShareInput => ({ username: 'northshire_libraries', password, recovery: 'Recovery phone: comms duty mobile', notes: 'Backup codes: 1122 3344', twoStepOn: true, recoveryIsOrganisational: true });

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms', 'commsHead', 'siteOwner'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
  const rows = await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.accounts.title).items
    .select('Id', 'Title', 'Platform', 'OwnerId', 'BackupId', 'Created').top(500)<{ Id: number; Title: string; Platform: string; OwnerId?: number; BackupId?: number; Created: string }[]>();
  accounts = rows.map((r) => ({ accountId: r.Id, name: r.Title, platform: r.Platform, ownerId: r.OwnerId ?? undefined, backupId: r.BackupId ?? undefined, created: r.Created }));
  const mine = accounts.find((a) => a.ownerId === ids.owner && a.backupId === ids.backup)!;
  account = { ...mine, name: mine.name };
});
afterAll(async () => { chris?.lock(); hannah?.lock(); await emu?.close(); });

function vaultAs(p: Persona): VaultService {
  const sp = spAs(emu, person(p).upn);
  const me = async () => ids[p];
  const graph = createWorkbenchGraphClient({ origin: emu.url, user: person(p).upn, retry: { maxRetries: 0 } });
  return new VaultService({
    keys: new SpVaultKeys(sp, me), credentials: new SpCredentials(sp, me), groups: new SpGroupMembership(sp), settings: new SpSettingsRepository(sp),
    notifier: new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${emu.url}/sharepoint`, sleep: async () => undefined }),
    activity: new SpActivityLog(sp), accounts: async () => accounts, me, newId: newSubmissionId
  });
}

async function vaultError(p: Promise<unknown>): Promise<VaultError> {
  try { await p; } catch (e) { if (e instanceof VaultError) return e; throw e; }
  throw new Error('expected a VaultError');
}

const everythingStored = async (): Promise<string> => {
  const log = (await (await fetch(`${emu.url}/__emulator/log`)).json()) as { body?: string }[];
  return JSON.stringify(emu.store) + '\n' + log.map((e) => e.body ?? '').join('\n');
};

// One service each for the two comms people, so an unlock lasts across steps as it does on a page.
let chris: VaultService;
let hannah: VaultService;
beforeAll(() => { chris = vaultAs('comms'); hannah = vaultAs('commsHead'); });

it('a comms member creates a key once; the private key is stored wrapped and only its author can read it', async () => {
  await expect(vaultError(chris.createKey('too short', 'too short'))).resolves.toMatchObject({ kind: 'weakPassphrase' });
  await expect(vaultError(chris.createKey(PASS.comms, PASS.comms + '!'))).resolves.toMatchObject({ kind: 'weakPassphrase' });
  await chris.createKey(PASS.comms, PASS.comms);
  await expect(vaultError(chris.createKey(PASS.comms, PASS.comms))).resolves.toMatchObject({ kind: 'keyExists' });
  // Nobody else reads it: a colleague in comms sees none of Chris's wrapped private keys, staff are refused the list.
  const asHannah = await spAs(emu, person('commsHead').upn).web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items.select('Id', 'AuthorId')<{ AuthorId: number }[]>();
  expect(asHannah.filter((i) => i.AuthorId === ids.comms)).toEqual([]);
  // SharePoint answers someone with no rights on a list as if it did not exist.
  expect((await rejection(spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items())).status).toBe(404);
  // Staff cannot make themselves a recipient: adding a public key is comms' alone.
  const own = await createVaultKey('staff would like to read it', { iterations: 1000 });
  expect((await rejection(spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.vaultPublicKeys.title).items.add({ Title: 'mine', PublicKey: JSON.stringify(own.publicJwk), KeyFingerprint: own.fingerprint }))).status).toBe(403);
  expect(await vaultAs('comms').hasKey()).toBe(true);
  expect(await vaultAs('staff').hasKey()).toBe(false);
});

it('the owner shares: only ciphertext is stored or sent anywhere, comms are told, and Chris opens it', async () => {
  const outcome = await vaultAs('owner').share(account, secret(PASSWORD), 'shared', newSubmissionId());
  expect(outcome.wrappedFor).toBe(1);
  expect(outcome.notified.recipients).toBe(2);
  expect(outcome.notified.results.some((r) => r.status === 'sent')).toBe(true);
  const stored = await everythingStored();
  for (const clear of [PASSWORD, 'Backup codes: 1122 3344', 'comms duty mobile', PASS.comms]) expect(stored).not.toContain(clear);
  expect(stored).toContain('"credentialsShared"');

  await chris.unlock(PASS.comms);
  expect(await chris.reveal(account.accountId)).toEqual({ username: 'northshire_libraries', password: PASSWORD, recovery: 'Recovery phone: comms duty mobile', notes: 'Backup codes: 1122 3344' });
  const [status] = (await chris.overview()).filter((s) => s.accountId === account.accountId);
  expect(status).toMatchObject({ state: 'shared', readable: true, twoStepOn: true, recoveryIsOrganisational: true, rotationOverdue: false, rotateBecause: [], planted: [] });
  // Rotation due is the last change plus the period in settings (90 days by default).
  expect(Date.parse(status.rotationDue!) - Date.parse(status.rotatedAt!)).toBe(90 * 86_400_000);
  expect(await everythingStored()).not.toContain(PASSWORD);
  chris.lock();
  await expect(vaultError(chris.reveal(account.accountId))).resolves.toMatchObject({ kind: 'locked' });
});

it('staff and the account owner cannot decrypt, through raw REST or the app', async () => {
  // Staff see no credentials at all; the owner sees only their own item, which is ciphertext.
  expect(await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.credentials.title).items()).toEqual([]);
  const ownItems = await spAs(emu, person('owner').upn).web.lists.getByTitle(LISTS.credentials.title).items<{ Ciphertext: string; WrappedKeys: string; AccountId: number; SecretVersion: number }[]>();
  expect(ownItems).toHaveLength(1);
  expect(JSON.stringify(ownItems)).not.toContain(PASSWORD);
  // With a key pair of their own, the wrapped data key still is not for them.
  const theirs = await createVaultKey('owner tries their own key', { iterations: 1000 });
  const unlocked = await unlockVaultKey(theirs.wrappedPrivateKey, theirs.fingerprint, 'owner tries their own key');
  const [item] = ownItems;
  await expect(vaultError(openSecret(item.Ciphertext, parseWrappedKeys(item.WrappedKeys), { accountId: item.AccountId, version: item.SecretVersion }, unlocked))).resolves.toMatchObject({ kind: 'notForYou' });
  // The app's own calls: no key to unlock, and reveal is refused while locked.
  for (const p of ['staff', 'owner'] as const) {
    await expect(vaultError(vaultAs(p).unlock('whatever they try here'))).resolves.toMatchObject({ kind: 'noKey' });
    await expect(vaultError(vaultAs(p).reveal(account.accountId))).resolves.toMatchObject({ kind: 'locked' });
  }
});

it('a newcomer to comms gets existing secrets when a colleague unlocks', async () => {
  await hannah.createKey(PASS.commsHead, PASS.commsHead);
  await hannah.unlock(PASS.commsHead);
  await expect(vaultError(hannah.reveal(account.accountId))).resolves.toMatchObject({ kind: 'notForYou' });
  expect((await chris.unlock(PASS.comms)).rewrapped).toBe(1);
  expect((await hannah.reveal(account.accountId)).password).toBe(PASSWORD);
  // The copy is comms' item carrying the same secret; a second unlock adds nothing more.
  expect((await chris.unlock(PASS.comms)).rewrapped).toBe(0);
  expect(await everythingStored()).not.toContain(PASS.commsHead);
});

it('a credential planted by someone not entitled is flagged to comms and never current', async () => {
  const fake = await createVaultKey('an attacker passphrase', { iterations: 1000 });
  await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.credentials.title).items.add({
    Title: 'x', AccountId: account.accountId, Ciphertext: JSON.stringify({ v: 1, alg: 'AES-GCM', secretId: 'planted', iv: 'AAAA', ct: 'AAAA' }),
    WrappedKeys: JSON.stringify([{ fp: fake.fingerprint, epk: fake.publicJwk, salt: 'AA', iv: 'AA', wk: 'AA' }]), SecretVersion: 99
  });
  const [status] = (await chris.overview()).filter((s) => s.accountId === account.accountId);
  expect(status.planted.map((p) => p.authorName)).toEqual([person('staff').displayName]);
  expect((await chris.reveal(account.accountId)).password).toBe(PASSWORD);
});

it('someone who leaves comms is flagged for rotation, and cannot open what is shared after', async () => {
  const owner = spAs(emu, person('siteOwner').upn);
  const comms = GROUPS.find((g) => g.principal === 'comms')!.title;
  const own = await spAs(emu, person('commsHead').upn).web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items<{ WrappedPrivateKey: string; KeyFingerprint: string }[]>();
  await owner.web.siteGroups.getByName(comms).users.removeById(ids.commsHead);
  const [flagged] = (await chris.overview()).filter((s) => s.accountId === account.accountId);
  expect(flagged.rotateBecause).toEqual([person('commsHead').displayName]);

  const NEW = 'Changed-after-Hannah-left-5521';
  const changed = await vaultAs('backup').share(account, secret(NEW), 'changed', newSubmissionId());
  expect(changed.wrappedFor).toBe(1);
  expect((await chris.reveal(account.accountId)).password).toBe(NEW);
  // Hannah no longer reads the list; even given the item by an administrator, it is not for her key.
  await expect(hannah.reveal(account.accountId)).rejects.toMatchObject({ kind: 'notFound' });
  const [item] = await owner.web.lists.getByTitle(LISTS.credentials.title).items.filter(`Id eq ${changed.credential.id}`)<{ Ciphertext: string; WrappedKeys: string; AccountId: number; SecretVersion: number }[]>();
  const hannahKey = await unlockVaultKey(own[0].WrappedPrivateKey, own[0].KeyFingerprint, PASS.commsHead);
  await expect(vaultError(openSecret(item.Ciphertext, parseWrappedKeys(item.WrappedKeys), { accountId: item.AccountId, version: item.SecretVersion }, hannahKey))).resolves.toMatchObject({ kind: 'notForYou' });
  const [after] = (await chris.overview()).filter((s) => s.accountId === account.accountId);
  expect(after.rotateBecause).toEqual([]);
  await owner.web.siteGroups.getByName(comms).users.add(claimsLogin(person('commsHead').upn));
  // Back in comms, Chris's next unlock shares the new secret with her again.
  expect((await chris.unlock(PASS.comms)).rewrapped).toBe(1);
  expect((await hannah.reveal(account.accountId)).password).toBe(NEW);
});

it("a public key one comms member adds in another's name is theirs, never the other's", async () => {
  const forged = await createVaultKey('a key chris made for hannah', { iterations: 1000 });
  // Author in a body is ignored by SharePoint: the item is Chris's whatever it claims.
  await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.vaultPublicKeys.title).items.add({ Title: 'Hannah Lewis', AuthorId: ids.commsHead, PublicKey: JSON.stringify(forged.publicJwk), KeyFingerprint: forged.fingerprint });
  const keys = await new SpVaultKeys(spAs(emu, person('staff').upn), async () => ids.staff).publicKeys();
  expect(keys.find((k) => k.publicKey.includes(String(forged.publicJwk.x)))?.authorId).toBe(ids.comms);
  const shared = await vaultAs('owner').share(account, secret('After-the-forged-key-9090'), 'changed', newSubmissionId());
  // Hannah's own key still receives it: the forged one replaced nobody's but its author's.
  expect((await hannah.reveal(account.accountId)).password).toBe('After-the-forged-key-9090');
  const fps = parseWrappedKeys((await new SpCredentials(spAs(emu, person('comms').upn), async () => ids.comms).forAccount(account.accountId)).find((c) => c.id === shared.credential.id)!.wrappedKeys).map((w) => w.fp);
  const hannahs = await spAs(emu, person('commsHead').upn).web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items<{ KeyFingerprint: string }[]>();
  expect(fps).toContain(hannahs[0].KeyFingerprint);
  expect(fps).toContain(forged.fingerprint);
  expect(fps).toHaveLength(2);
});

it('one changed byte in a stored secret makes reveal fail with a clear message', async () => {
  const items = await new SpCredentials(spAs(emu, person('comms').upn), async () => ids.comms).forAccount(account.accountId);
  const target = items.filter((c) => c.authorId === ids.owner).pop()!;
  const env = JSON.parse(target.envelope);
  const ct = fromB64u(env.ct); ct[3] ^= 0x01;
  // Only an administrator can change an item at all (the list is append-only for everyone else).
  await spAs(emu, person('siteOwner').upn).web.lists.getByTitle(LISTS.credentials.title).items.getById(target.id).update({ Ciphertext: JSON.stringify({ ...env, ct: toB64u(ct) }) });
  const failed = await vaultError(hannah.reveal(account.accountId));
  expect(failed.kind).toBe('tampered');
  expect(failed.message).toMatch(/changed or damaged/);
});
