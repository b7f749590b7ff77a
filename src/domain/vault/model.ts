// The vault's stored shapes. Everything here is what SharePoint holds, so none of it is secret:
// ciphertext, wrapped keys and the parameters needed to open them (which are kept beside the
// ciphertext so the work factor can be raised later without losing anything written before).

/** What an owner shares: only ever held in memory in clear. */
export interface SecretPlain {
  username: string;
  password: string;
  recovery: string;
  notes: string;
}

/**
 * What a secret is bound to (additional authenticated data): moving a ciphertext to another account,
 * passing it off as another version, or swapping in a wrapped key of another secret fails to open.
 */
export interface SecretContext {
  accountId: number;
  version: number;
  /** A random id made when the secret is encrypted; re-wrapped copies carry the same one. */
  secretId: string;
}

/** PBKDF2 parameters as stored: raising `iterations` later only changes keys wrapped from then on. */
export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64url, random per wrapping. */
  salt: string;
}

/** A private key wrapped under a passphrase-derived key (the Vault private keys item's JSON). */
export interface PassphraseWrappedKey {
  v: 1;
  kdf: KdfParams;
  alg: 'AES-GCM';
  iv: string;
  /** The PKCS#8 private key, AES-GCM encrypted, base64url. */
  ct: string;
}

/** A secret's data key wrapped for one comms member's public key (ECDH P-256 → HKDF-SHA-256 → AES-GCM). */
export interface WrappedDataKey {
  /** Fingerprint of the recipient's public key. */
  fp: string;
  /** The sender's one-time public key (JWK). */
  epk: JsonWebKey;
  /** HKDF salt, base64url. */
  salt: string;
  iv: string;
  /** The wrapped 256-bit data key, base64url. */
  wk: string;
}

/** The encrypted secret (the Credentials item's Ciphertext JSON). */
export interface SecretEnvelope {
  v: 1;
  alg: 'AES-GCM';
  secretId: string;
  iv: string;
  ct: string;
}

export const EMPTY_SECRET: SecretPlain = { username: '', password: '', recovery: '', notes: '' };
