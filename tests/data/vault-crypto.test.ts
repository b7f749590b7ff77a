import { createVaultKey, unlockVaultKey, sealSecret, openSecret, rewrapSecret, fingerprintOf, parseWrappedKeys, PBKDF2_ITERATIONS, type Recipient } from '../../src/data/crypto/vaultCrypto';
import { fromB64u, toB64u } from '../../src/data/crypto/encoding';
import { checkPassphrase } from '../../src/domain/vault/passphrase';
import { VaultError, type SecretPlain, type WrappedDataKey } from '../../src/domain/vault';

// The vault's crypto core on the runtime's own WebCrypto. A low iteration count keeps these quick;
// one test checks the default is OWASP's figure and that the count travels with the key.

const FAST = { iterations: 1000 };
const PASS = 'correct horse battery staple';
const SECRET: SecretPlain = { username: 'libraries_northshire', password: 'Tr0ub4dor&3-very-secret', recovery: 'comms-recovery@northshire.gov.uk', notes: 'Backup codes in the safe' };

async function member(passphrase = PASS) {
  const key = await createVaultKey(passphrase, FAST);
  const recipient: Recipient = { fingerprint: key.fingerprint, publicJwk: key.publicJwk };
  return { key, recipient, unlocked: () => unlockVaultKey(key.wrappedPrivateKey, key.fingerprint, passphrase) };
}

async function failure(p: Promise<unknown>): Promise<VaultError> {
  try { await p; } catch (e) { if (e instanceof VaultError) return e; throw e; }
  throw new Error('expected a VaultError');
}

/** Flips one bit of one byte inside a base64url value. */
const flip = (b64u: string, at = 0): string => { const b = fromB64u(b64u); b[at % b.length] ^= 0x01; return toB64u(b); };

const ctx = { accountId: 7, version: 1 };

it('uses 600,000 PBKDF2-SHA-256 iterations by default and stores them with a random salt beside the ciphertext', async () => {
  expect(PBKDF2_ITERATIONS).toBe(600_000);
  const a = await createVaultKey(PASS);
  const b = await createVaultKey(PASS);
  const wa = JSON.parse(a.wrappedPrivateKey);
  expect(wa.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
  expect(wa.kdf.salt).not.toBe(JSON.parse(b.wrappedPrivateKey).kdf.salt);
  expect(a.wrappedPrivateKey).not.toContain(PASS);
  // A key wrapped with another count (say, raised later) still opens: the count is read from the item.
  const older = await createVaultKey(PASS, { iterations: 2000 });
  await expect(unlockVaultKey(older.wrappedPrivateKey, older.fingerprint, PASS)).resolves.toMatchObject({ fingerprint: older.fingerprint });
});

it('refuses a short or one-character passphrase with a sentence that says why, by length not composition', async () => {
  const short = await failure(createVaultKey('Tr0ub4dor&3', FAST));
  expect(short.kind).toBe('weakPassphrase');
  expect(short.message).toContain('at least 15 characters (this one has 11)');
  expect((await failure(createVaultKey('a'.repeat(20), FAST))).kind).toBe('weakPassphrase');
  expect(checkPassphrase('plain lower case words only').ok).toBe(true);
});

it('a member unlocks with the passphrase; the private key is not extractable; a wrong passphrase is refused', async () => {
  const m = await member();
  const unlocked = await m.unlocked();
  expect(unlocked.privateKey.extractable).toBe(false);
  await expect(globalThis.crypto.subtle.exportKey('pkcs8', unlocked.privateKey)).rejects.toThrow();
  expect((await failure(unlockVaultKey(m.key.wrappedPrivateKey, m.key.fingerprint, 'correct horse battery stapler'))).kind).toBe('wrongPassphrase');
  // The wrapped key is bound to its own public key's fingerprint.
  const other = await member();
  expect((await failure(unlockVaultKey(m.key.wrappedPrivateKey, other.key.fingerprint, PASS))).kind).toBe('wrongPassphrase');
});

it('fingerprints are SHA-256 of the public key and do not depend on JWK extras or order', async () => {
  const m = await member();
  expect(m.key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  const { kty, crv, x, y } = m.key.publicJwk;
  expect(await fingerprintOf({ y, x, crv, kty, ext: true, key_ops: [] } as JsonWebKey)).toBe(m.key.fingerprint);
});

it('seals for every recipient: each opens it, someone else cannot, and nothing in the stored form is plaintext', async () => {
  const [chris, hannah, outsider] = await Promise.all([member(), member('another long passphrase here'), member()]);
  const sealed = await sealSecret(SECRET, { ...ctx, secretId: 's-1' }, [chris.recipient, hannah.recipient]);
  const stored = sealed.envelope + JSON.stringify(sealed.wrappedKeys);
  for (const v of Object.values(SECRET)) expect(stored).not.toContain(v);
  expect(await openSecret(sealed.envelope, sealed.wrappedKeys, ctx, await chris.unlocked())).toEqual(SECRET);
  expect(await openSecret(sealed.envelope, sealed.wrappedKeys, ctx, await hannah.unlocked())).toEqual(SECRET);
  expect((await failure(openSecret(sealed.envelope, sealed.wrappedKeys, ctx, await outsider.unlocked()))).kind).toBe('notForYou');
  // A wrapped key relabelled with the outsider's fingerprint does not open for them either.
  const relabelled = sealed.wrappedKeys.map((w) => ({ ...w, fp: outsider.key.fingerprint }));
  expect((await failure(openSecret(sealed.envelope, relabelled, ctx, await outsider.unlocked()))).kind).toBe('tampered');
  // Each seal uses a fresh data key and IV: the same secret twice gives different ciphertexts.
  const again = await sealSecret(SECRET, { ...ctx, secretId: 's-1' }, [chris.recipient]);
  expect(JSON.parse(again.envelope).ct).not.toBe(JSON.parse(sealed.envelope).ct);
  expect(fromB64u(JSON.parse(again.envelope).iv)).toHaveLength(12);
});

it('one changed byte anywhere, a moved ciphertext or a swapped wrapped key is reported as tampered, never opened', async () => {
  const chris = await member();
  const me = await chris.unlocked();
  const sealed = await sealSecret(SECRET, { ...ctx, secretId: 's-2' }, [chris.recipient]);
  const env = JSON.parse(sealed.envelope);
  const [wk] = sealed.wrappedKeys;
  const bad: [string, string, WrappedDataKey[], { accountId: number; version: number }][] = [
    ['ciphertext byte', JSON.stringify({ ...env, ct: flip(env.ct, 5) }), sealed.wrappedKeys, ctx],
    ['last ciphertext byte (the tag)', JSON.stringify({ ...env, ct: flip(env.ct, fromB64u(env.ct).length - 1) }), sealed.wrappedKeys, ctx],
    ['IV', JSON.stringify({ ...env, iv: flip(env.iv) }), sealed.wrappedKeys, ctx],
    ['secret id', JSON.stringify({ ...env, secretId: 's-3' }), sealed.wrappedKeys, ctx],
    ['wrapped key byte', sealed.envelope, [{ ...wk, wk: flip(wk.wk, 3) }], ctx],
    ['wrapped key salt', sealed.envelope, [{ ...wk, salt: flip(wk.salt) }], ctx],
    ['one-time public key', sealed.envelope, [{ ...wk, epk: { ...wk.epk, x: flip(wk.epk.x!) } }], ctx],
    ['moved to another account', sealed.envelope, sealed.wrappedKeys, { accountId: 8, version: 1 }],
    ['passed off as another version', sealed.envelope, sealed.wrappedKeys, { accountId: 7, version: 2 }],
    ['not JSON any more', sealed.envelope.slice(0, -1), sealed.wrappedKeys, ctx]
  ];
  for (const [what, envelope, wrapped, c] of bad) {
    const e = await failure(openSecret(envelope, wrapped, c, me));
    expect([what, e.kind]).toEqual([what, 'tampered']);
    expect(e.message).toContain('changed or damaged');
  }
  // A wrapped key from another secret (same recipient) swapped in: its context differs.
  const other = await sealSecret(SECRET, { ...ctx, secretId: 's-other' }, [chris.recipient]);
  expect((await failure(openSecret(sealed.envelope, other.wrappedKeys, ctx, me))).kind).toBe('tampered');
  expect(() => parseWrappedKeys('[{"fp":1}]')).toThrow(VaultError);
});

it('re-wraps an existing secret for a newcomer without changing it, and refuses to pass on a damaged one', async () => {
  const [chris, newcomer] = await Promise.all([member(), member()]);
  const sealed = await sealSecret(SECRET, { ...ctx, secretId: 's-4' }, [chris.recipient]);
  const added = await rewrapSecret(sealed.envelope, sealed.wrappedKeys, ctx, await chris.unlocked(), [newcomer.recipient]);
  expect(added.map((w) => w.fp)).toEqual([newcomer.key.fingerprint]);
  expect(await openSecret(sealed.envelope, added, ctx, await newcomer.unlocked())).toEqual(SECRET);
  const env = JSON.parse(sealed.envelope);
  const damaged = JSON.stringify({ ...env, ct: flip(env.ct, 2) });
  expect((await failure(rewrapSecret(damaged, sealed.wrappedKeys, ctx, await chris.unlocked(), [newcomer.recipient]))).kind).toBe('tampered');
});
