// What can go wrong inside the vault, as kinds the UI turns into sentences. Decryption never hands
// back bytes it could not authenticate: any doubt about a stored item is one of these.

export type VaultErrorKind =
  /** A stored secret, wrapped key or private key failed its integrity check (changed, cut or moved). */
  | 'tampered'
  /** The passphrase did not open the private key (or the stored key was damaged: the two look alike). */
  | 'wrongPassphrase'
  /** The secret holds no wrapped key for this person's key: it was shared before they joined or after they left. */
  | 'notForYou'
  /** The passphrase is too short to protect a key someone can copy and attack offline. */
  | 'weakPassphrase'
  /** The vault is locked: unlock with the passphrase first. */
  | 'locked'
  /** This person has no vault key yet (or has one already, when creating). */
  | 'noKey'
  | 'keyExists'
  /** Nobody in comms has a vault key: a secret shared now could be read by nobody. */
  | 'noRecipients';

export class VaultError extends Error {
  public constructor(public readonly kind: VaultErrorKind, message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

export const isVaultError = (e: unknown): e is VaultError => e instanceof VaultError;
