// What the vault needs from SharePoint. Everything crossing this port is already encrypted; the
// repositories never see a passphrase, a private key or a secret in clear.
import type { TrustRecord } from '../../domain/trust';
import type { CredentialRecord } from '../../domain/trust/credentialSecrets';
import type { WrappedDataKey } from '../../domain/vault';

export interface StoredPublicKey extends TrustRecord {
  /** As stored; the service checks it and computes its fingerprint itself. */
  publicKey: string;
  authorName?: string;
}

export interface StoredPrivateKey extends TrustRecord {
  wrappedPrivateKey: string;
  fingerprint: string;
}

export interface StoredCredential extends CredentialRecord {
  /** The Ciphertext item field (SecretEnvelope JSON), as stored. */
  envelope: string;
  /** The WrappedKeys item field (JSON), as stored. */
  wrappedKeys: string;
  twoStepOn: boolean;
  recoveryIsOrganisational: boolean;
  rotatedAt?: string;
  submissionId?: string;
  authorName?: string;
}

export interface NewCredential {
  accountId: number;
  version: number;
  envelope: string;
  wrappedKeys: WrappedDataKey[];
  twoStepOn: boolean;
  recoveryIsOrganisational: boolean;
  rotatedAt: string;
}

export interface IVaultKeys {
  publicKeys(): Promise<StoredPublicKey[]>;
  addPublicKey(publicKey: JsonWebKey, fingerprint: string): Promise<void>;
  /** The signed-in person's own wrapped private keys (the list lets nobody read anyone else's). */
  ownPrivateKeys(): Promise<StoredPrivateKey[]>;
  addPrivateKey(wrappedPrivateKey: string, fingerprint: string): Promise<void>;
}

export interface ICredentials {
  /** Every item the reader may see (comms: all; anyone else: their own). */
  all(): Promise<StoredCredential[]>;
  forAccount(accountId: number): Promise<StoredCredential[]>;
  /** Adds one item; a retry with the same submission id returns the first instead of adding again. */
  add(credential: NewCredential, submissionId: string): Promise<StoredCredential>;
}
