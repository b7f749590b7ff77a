import { VaultService } from '../../src/services/vaultService';
import { createVaultKey } from '../../src/data/crypto/vaultCrypto';
import { DEFAULT_SETTINGS } from '../../src/services/ports/settings';
import { VaultError } from '../../src/domain/vault';

// The unlocked key is forgotten after a quiet spell: each use restarts the countdown, and the timer
// firing locks the vault (listeners hear it). Time is driven by hand, nobody waits.

it('locks itself after the idle time, restarting the countdown on each use', async () => {
  const key = await createVaultKey('an idle test passphrase', { iterations: 1000 });
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const vault = new VaultService({
    keys: { publicKeys: async () => [], addPublicKey: async () => undefined, addPrivateKey: async () => undefined,
      ownPrivateKeys: async () => [{ id: 1, authorId: 4, created: '2026-01-01T00:00:00Z', wrappedPrivateKey: key.wrappedPrivateKey, fingerprint: key.fingerprint }] },
    credentials: { all: async () => [], forAccount: async () => [], add: async () => { throw new Error('not used'); } },
    groups: { memberIds: async () => [4], members: async () => [], memberLogins: async () => [] },
    settings: { load: async () => DEFAULT_SETTINGS, save: async () => DEFAULT_SETTINGS },
    notifier: { notify: async () => [], postChannelCard: async () => ({ status: 'failed' }) },
    activity: { append: async () => undefined },
    accounts: async () => [], me: async () => 4, newId: () => 'id',
    idleMs: 5000,
    setTimer: (fn, ms) => { const t = { fn, ms, cleared: false }; timers.push(t); return t; },
    clearTimer: (t) => { (t as { cleared: boolean }).cleared = true; }
  });
  const heard: boolean[] = [];
  vault.onLockChange((u) => heard.push(u));
  await vault.unlock('an idle test passphrase');
  expect(vault.isUnlocked).toBe(true);
  expect(timers.filter((t) => !t.cleared).map((t) => t.ms)).toEqual([5000]);
  await expect(vault.reveal(1)).rejects.toMatchObject({ kind: 'notFound' });
  // The use restarted the countdown: only the newest timer is live.
  expect(timers.filter((t) => !t.cleared)).toHaveLength(1);
  timers.filter((t) => !t.cleared)[0].fn();
  expect(vault.isUnlocked).toBe(false);
  expect(heard).toEqual([true, false]);
  await expect(vault.reveal(1)).rejects.toBeInstanceOf(VaultError);
});
