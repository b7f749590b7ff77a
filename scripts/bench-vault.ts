import { startEmulator } from '../workbench/emulator';
import { seedDemo, person } from '../workbench/seed';
import { spAs } from '../tests/support/emulator-sharepoint';
import { LISTS } from '../src/data/schema';
import { SpVaultKeys } from '../src/data/sp/vaultKeysRepository';
import { SpCredentials } from '../src/data/sp/credentialsRepository';
import { SpGroupMembership } from '../src/data/sp/groupMembership';
import { SpActivityLog } from '../src/data/sp/activityLog';
import { SpSettingsRepository } from '../src/data/sp/settingsRepository';
import { newSubmissionId } from '../src/data/sp/submissionId';
import { fingerprintOf, sealSecret } from '../src/data/crypto/vaultCrypto';
import { VaultService, type VaultAccount } from '../src/services/vaultService';
import type { INotifier } from '../src/services/ports/notifier';

// The vault part of `npm run bench`: a comms member with 500 shared secrets unlocks (PBKDF2 at the
// stored work factor, then the check for colleagues to share with), lists every account's status, and
// reveals secrets. Figures are printed, never asserted.

const SECRETS = 500;
const PASSPHRASE = 'a bench passphrase that is long enough';
const quiet: INotifier = { notify: async () => [], postChannelCard: async () => ({ status: 'failed', reason: 'forbidden' }) };

export async function benchVault(): Promise<string[]> {
  const emu = await startEmulator({ quiet: true });
  try {
    await seedDemo(emu.siteUrl);
    const upn = person('comms').upn;
    const sp = spAs(emu, upn);
    const myId = (await sp.web.currentUser.select('Id')<{ Id: number }>()).Id;
    const me = async () => myId;
    const accounts: VaultAccount[] = Array.from({ length: SECRETS }, (_, i) => ({ accountId: 10_000 + i, name: `Account ${i + 1}`, platform: 'X', created: '2026-01-01T00:00:00Z' }));
    const vault = new VaultService({
      keys: new SpVaultKeys(sp, me), credentials: new SpCredentials(sp, me), groups: new SpGroupMembership(sp), settings: new SpSettingsRepository(sp),
      notifier: quiet, activity: new SpActivityLog(sp), accounts: async () => accounts, me, newId: newSubmissionId
    });
    await vault.createKey(PASSPHRASE, PASSPHRASE);
    const [key] = await new SpVaultKeys(sp, me).publicKeys();
    const publicJwk = JSON.parse(key.publicKey) as JsonWebKey;
    const r = { fingerprint: await fingerprintOf(publicJwk), publicJwk };
    // 500 secrets shared by comms (who may share for any account), written 100 to a $batch.
    for (let from = 0; from < SECRETS; from += 100) {
      const [batched, execute] = sp.batched();
      const list = batched.web.lists.getByTitle(LISTS.credentials.title);
      const adds: Promise<unknown>[] = [];
      for (const a of accounts.slice(from, from + 100)) {
        const sealed = await sealSecret({ username: `user${a.accountId}`, password: `pw-${a.accountId}-${newSubmissionId()}`, recovery: '', notes: '' }, { accountId: a.accountId, version: 1, secretId: newSubmissionId() }, [r]);
        adds.push(list.items.add({ Title: 'bench', AccountId: a.accountId, Ciphertext: sealed.envelope, WrappedKeys: JSON.stringify(sealed.wrappedKeys), SecretVersion: 1, RotatedAt: new Date().toISOString(), SubmissionId: newSubmissionId() }));
      }
      await execute();
      await Promise.all(adds);
    }
    const before = emu.requestLog.all().length;
    const t0 = performance.now();
    const unlocked = await vault.unlock(PASSPHRASE);
    const unlockMs = performance.now() - t0;
    const unlockRequests = emu.requestLog.all().length - before;
    const t1 = performance.now();
    const overview = await vault.overview();
    const overviewMs = performance.now() - t1;
    const t2 = performance.now();
    await vault.reveal(accounts[250].accountId);
    const revealMs = performance.now() - t2;
    const t3 = performance.now();
    for (const a of accounts.slice(0, 50)) await vault.reveal(a.accountId);
    const reveal50Ms = performance.now() - t3;
    vault.lock();
    const requests = emu.requestLog.all().length - before;
    return [
      `  vault as a comms member with ${SECRETS} shared secrets (PBKDF2-SHA-256, 600,000 iterations):`,
      `    unlock (passphrase → key, then the check for colleagues to share with; ${unlocked.rewrapped} re-wrapped): ${unlockMs.toFixed(0)} ms, ${unlockRequests} SharePoint requests`,
      `    status of every account (${overview.filter((o) => o.state === 'shared').length} shared): ${overviewMs.toFixed(0)} ms`,
      `    reveal one secret: ${revealMs.toFixed(0)} ms; 50 in a row: ${(reveal50Ms / 50).toFixed(0)} ms each`,
      `    SharePoint requests in all after seeding: ${requests}`
    ];
  } finally {
    await emu.close();
  }
}
