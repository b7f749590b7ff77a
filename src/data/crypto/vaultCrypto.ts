// The vault's cryptography, on WebCrypto only (globalThis.crypto.subtle: the browser's, and Node's in
// tests and the bench). No primitive is written here; this file only chooses and combines them.
//
// Why ECDH P-256 rather than RSA-OAEP-3072: a P-256 key pair is made in milliseconds (RSA-3072 takes
// seconds in a browser), public keys are ~200 bytes of JWK instead of ~800, and each wrapping uses a
// fresh one-time key (ECIES-style: ECDH → HKDF-SHA-256 → AES-256-GCM key wrap), so no two wrapped
// keys share key material. Both are in every browser's WebCrypto; P-256 gives ~128-bit security,
// which RSA reaches only at 3072 bits.
//
// Private keys are wrapped under a key derived from the passphrase with PBKDF2-HMAC-SHA-256. OWASP's
// Password Storage Cheat Sheet asks for at least 600,000 iterations for PBKDF2-HMAC-SHA256
// (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2);
// WebCrypto offers no Argon2id or scrypt. The iteration count and salt are stored beside the
// ciphertext, so raising the count later only needs the next wrapping to use the new one.
//
// Every AES-GCM operation binds its context as additional authenticated data, so a ciphertext moved
// to another account or version, or a wrapped key swapped in from elsewhere, fails authentication.
// Any failure to open is a VaultError; nothing unauthenticated is ever returned.
import { VaultError } from '../../domain/vault/errors';
import { checkPassphrase, passphraseMessage } from '../../domain/vault/passphrase';
import type { KdfParams, PassphraseWrappedKey, SecretContext, SecretEnvelope, SecretPlain, WrappedDataKey } from '../../domain/vault/model';
import { fromB64u, fromUtf8, toB64u, utf8 } from './encoding';

export const PBKDF2_ITERATIONS = 600_000;
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;
const IV_BYTES = 12; // 96-bit GCM nonces, random per encryption
const SALT_BYTES = 16;

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('This browser offers no WebCrypto (it needs a secure https page).');
  return s;
};
const random = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

const tampered = (what: string): VaultError =>
  new VaultError('tampered', `The stored ${what} has been changed or damaged, so it cannot be trusted and was not opened. Ask the account's owner to share the credentials again.`);

// Context strings (AAD and HKDF info). Versioned so a later format cannot be confused with this one.
const privateKeyAad = (fingerprint: string): Uint8Array => utf8(`smh-vault/private-key/v1|fp=${fingerprint}`);
const secretAad = (c: SecretContext): Uint8Array => utf8(`smh-vault/secret/v1|account=${c.accountId}|version=${c.version}|secret=${c.secretId}`);
const dataKeyAad = (c: SecretContext, fp: string): Uint8Array => utf8(`smh-vault/data-key/v1|account=${c.accountId}|version=${c.version}|secret=${c.secretId}|fp=${fp}`);

/** The public parts only, in a fixed order: the same key always gives the same fingerprint. */
export function canonicalPublicJwk(jwk: JsonWebKey): JsonWebKey {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw tampered('public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** SHA-256 of the canonical public JWK, in hex: what people compare and what wrapped keys name. */
export async function fingerprintOf(jwk: JsonWebKey): Promise<string> {
  const c = canonicalPublicJwk(jwk);
  const digest = await subtle().digest('SHA-256', utf8(JSON.stringify({ crv: c.crv, kty: c.kty, x: c.x, y: c.y })));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function passphraseKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', utf8(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: fromB64u(kdf.salt) }, base, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

export interface NewVaultKey {
  publicJwk: JsonWebKey;
  fingerprint: string;
  /** JSON of PassphraseWrappedKey. */
  wrappedPrivateKey: string;
}

/** A comms member's key pair; refuses a weak passphrase before doing any work. */
export async function createVaultKey(passphrase: string, options: { iterations?: number } = {}): Promise<NewVaultKey> {
  const checked = checkPassphrase(passphrase);
  if (!checked.ok) throw new VaultError('weakPassphrase', passphraseMessage(checked.problem, checked.length));
  // Extractable once, only so it can be wrapped; after unlock the key is imported non-extractable.
  const pair = await subtle().generateKey(EC, true, ['deriveBits']) as CryptoKeyPair;
  const publicJwk = canonicalPublicJwk(await subtle().exportKey('jwk', pair.publicKey));
  const fingerprint = await fingerprintOf(publicJwk);
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations: options.iterations ?? PBKDF2_ITERATIONS, salt: toB64u(random(SALT_BYTES)) };
  const kek = await passphraseKey(checked.normalised, kdf);
  const iv = random(IV_BYTES);
  const ct = await subtle().wrapKey('pkcs8', pair.privateKey, kek, { name: 'AES-GCM', iv, additionalData: privateKeyAad(fingerprint) });
  const wrapped: PassphraseWrappedKey = { v: 1, kdf, alg: 'AES-GCM', iv: toB64u(iv), ct: toB64u(ct) };
  return { publicJwk, fingerprint, wrappedPrivateKey: JSON.stringify(wrapped) };
}

function parseWrappedPrivateKey(json: string): PassphraseWrappedKey {
  try {
    const w = JSON.parse(json) as PassphraseWrappedKey;
    if (w.v !== 1 || w.alg !== 'AES-GCM' || w.kdf?.name !== 'PBKDF2' || w.kdf.hash !== 'SHA-256' || !Number.isInteger(w.kdf.iterations) || w.kdf.iterations < 1 || typeof w.kdf.salt !== 'string' || typeof w.iv !== 'string' || typeof w.ct !== 'string') throw new Error('shape');
    return w;
  } catch {
    throw tampered('private key');
  }
}

/** The private key, held in memory only and non-extractable: it can derive, never be exported. */
export interface UnlockedKey {
  privateKey: CryptoKey;
  fingerprint: string;
}

export async function unlockVaultKey(wrappedPrivateKey: string, fingerprint: string, passphrase: string): Promise<UnlockedKey> {
  const w = parseWrappedPrivateKey(wrappedPrivateKey);
  let kek: CryptoKey;
  let iv: Uint8Array; let ct: Uint8Array;
  try {
    kek = await passphraseKey(passphrase, w.kdf);
    iv = fromB64u(w.iv); ct = fromB64u(w.ct);
  } catch {
    throw tampered('private key');
  }
  try {
    const privateKey = await subtle().unwrapKey('pkcs8', ct, kek, { name: 'AES-GCM', iv, additionalData: privateKeyAad(fingerprint) }, EC, false, ['deriveBits']);
    return { privateKey, fingerprint };
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed item; the first is far more likely.
    throw new VaultError('wrongPassphrase', 'That passphrase does not open your vault key. Check it and try again (it is case-sensitive).');
  }
}

/** The AES-GCM key that wraps a data key for one recipient, from ECDH between one-time and recipient keys. */
async function wrappingKey(privateKey: CryptoKey, publicKey: CryptoKey, salt: Uint8Array, info: Uint8Array): Promise<CryptoKey> {
  const shared = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

export interface Recipient {
  fingerprint: string;
  publicJwk: JsonWebKey;
}

async function wrapFor(dataKey: CryptoKey, ctx: SecretContext, r: Recipient): Promise<WrappedDataKey> {
  const recipientKey = await subtle().importKey('jwk', canonicalPublicJwk(r.publicJwk), EC, true, []);
  const oneTime = await subtle().generateKey(EC, false, ['deriveBits']) as CryptoKeyPair;
  const salt = random(SALT_BYTES);
  const aad = dataKeyAad(ctx, r.fingerprint);
  const kwk = await wrappingKey(oneTime.privateKey, recipientKey, salt, aad);
  const iv = random(IV_BYTES);
  const wk = await subtle().wrapKey('raw', dataKey, kwk, { name: 'AES-GCM', iv, additionalData: aad });
  const epk = canonicalPublicJwk(await subtle().exportKey('jwk', oneTime.publicKey));
  return { fp: r.fingerprint, epk, salt: toB64u(salt), iv: toB64u(iv), wk: toB64u(wk) };
}

export interface SealedSecret {
  /** JSON of SecretEnvelope (the Credentials item's Ciphertext). */
  envelope: string;
  wrappedKeys: WrappedDataKey[];
}

/** Encrypts a secret under a fresh AES-256-GCM data key and wraps that key for each recipient. */
export async function sealSecret(plain: SecretPlain, ctx: SecretContext, recipients: readonly Recipient[]): Promise<SealedSecret> {
  if (recipients.length === 0) throw new VaultError('noRecipients', 'Nobody in comms has a vault key yet, so nobody could read these credentials. Ask comms to create their vault keys first.');
  const dataKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']) as CryptoKey;
  const iv = random(IV_BYTES);
  const body = utf8(JSON.stringify({ username: plain.username, password: plain.password, recovery: plain.recovery, notes: plain.notes }));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: secretAad(ctx) }, dataKey, body);
  const envelope: SecretEnvelope = { v: 1, alg: 'AES-GCM', secretId: ctx.secretId, iv: toB64u(iv), ct: toB64u(ct) };
  const wrappedKeys = await Promise.all(recipients.map((r) => wrapFor(dataKey, ctx, r)));
  return { envelope: JSON.stringify(envelope), wrappedKeys };
}

/** Reads an envelope's JSON; the context's secret id comes from it (and is then authenticated). */
export function parseEnvelope(json: string): SecretEnvelope {
  try {
    const e = JSON.parse(json) as SecretEnvelope;
    if (e.v !== 1 || e.alg !== 'AES-GCM' || typeof e.secretId !== 'string' || typeof e.iv !== 'string' || typeof e.ct !== 'string') throw new Error('shape');
    return e;
  } catch {
    throw tampered('secret');
  }
}

export function parseWrappedKeys(json: string): WrappedDataKey[] {
  try {
    const list = JSON.parse(json) as WrappedDataKey[];
    if (!Array.isArray(list) || !list.every((w) => w && typeof w.fp === 'string' && typeof w.salt === 'string' && typeof w.iv === 'string' && typeof w.wk === 'string' && typeof w.epk === 'object')) throw new Error('shape');
    return list;
  } catch {
    throw tampered('list of wrapped keys');
  }
}

async function unwrapDataKey(wrapped: readonly WrappedDataKey[], ctx: SecretContext, me: UnlockedKey, extractable: boolean): Promise<CryptoKey> {
  const mine = wrapped.find((w) => w.fp === me.fingerprint);
  if (!mine) throw new VaultError('notForYou', 'These credentials were not shared with your vault key (they were shared before you had one, or while you were not in comms). A colleague in comms can share them with you by unlocking the vault.');
  try {
    const epk = await subtle().importKey('jwk', canonicalPublicJwk(mine.epk), EC, true, []);
    const aad = dataKeyAad(ctx, me.fingerprint);
    const kwk = await wrappingKey(me.privateKey, epk, fromB64u(mine.salt), aad);
    return await subtle().unwrapKey('raw', fromB64u(mine.wk), kwk, { name: 'AES-GCM', iv: fromB64u(mine.iv), additionalData: aad }, { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
  } catch {
    throw tampered('wrapped key');
  }
}

function asSecret(json: string): SecretPlain {
  const o = JSON.parse(json) as Partial<SecretPlain>;
  const field = (v: unknown): string => (typeof v === 'string' ? v : '');
  return { username: field(o.username), password: field(o.password), recovery: field(o.recovery), notes: field(o.notes) };
}

/** Opens a secret for the unlocked key; any change to what was stored is a 'tampered' VaultError. */
export async function openSecret(envelopeJson: string, wrapped: readonly WrappedDataKey[], ctx: Omit<SecretContext, 'secretId'>, me: UnlockedKey): Promise<SecretPlain> {
  const env = parseEnvelope(envelopeJson);
  const full: SecretContext = { ...ctx, secretId: env.secretId };
  const dataKey = await unwrapDataKey(wrapped, full, me, false);
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromB64u(env.iv), additionalData: secretAad(full) }, dataKey, fromB64u(env.ct));
    return asSecret(fromUtf8(plain));
  } catch {
    throw tampered('secret');
  }
}

/**
 * Wraps an existing secret's data key for more recipients (a newcomer to comms). The secret is opened
 * first, so a damaged one is never passed on.
 */
export async function rewrapSecret(envelopeJson: string, wrapped: readonly WrappedDataKey[], ctx: Omit<SecretContext, 'secretId'>, me: UnlockedKey, recipients: readonly Recipient[]): Promise<WrappedDataKey[]> {
  await openSecret(envelopeJson, wrapped, ctx, me);
  const full: SecretContext = { ...ctx, secretId: parseEnvelope(envelopeJson).secretId };
  const dataKey = await unwrapDataKey(wrapped, full, me, true);
  return Promise.all(recipients.map((r) => wrapFor(dataKey, full, r)));
}
