// IVaultKeys on SharePoint. A public key belongs to its Author (no member field to forge); a wrapped
// private key list lets each comms member read only their own items.
import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber } from './odata';
import type { IVaultKeys, StoredPrivateKey, StoredPublicKey } from '../../services/ports/vault';

const PUB = fieldNames(LISTS.vaultPublicKeys);
const PRIV = fieldNames(LISTS.vaultPrivateKeys);
const { Id, Title, Created, Modified, AuthorId, Author } = BUILT_IN;
/** Comms is a handful of people; a few keys each over the years stays far below one page. */
const MAX_KEYS = 5000;

interface PubItem { Id: number; Created: string; Modified?: string; AuthorId: number; Author?: { Title?: string }; PublicKey?: string | null }
interface PrivItem { Id: number; Created: string; Modified?: string; AuthorId: number; WrappedPrivateKey?: string | null; KeyFingerprint?: string | null }

export class SpVaultKeys implements IVaultKeys {
  public constructor(private readonly sp: SPFI, private readonly me: () => Promise<number>) {}

  public publicKeys(): Promise<StoredPublicKey[]> {
    return guarded(async () => {
      const items = await this.sp.web.lists.getByTitle(LISTS.vaultPublicKeys.title).items
        .select(Id, Created, Modified, AuthorId, PUB.PublicKey, through(Author, PERSON.Title)).expand(Author).orderBy(Id, true).top(MAX_KEYS)<PubItem[]>();
      return items.map((i) => ({ id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, publicKey: i.PublicKey ?? '', authorName: i.Author?.Title }));
    });
  }

  public addPublicKey(publicKey: JsonWebKey, fingerprint: string): Promise<void> {
    return guarded(async () => {
      await this.sp.web.lists.getByTitle(LISTS.vaultPublicKeys.title).items.add({ [Title]: 'Vault public key', [PUB.PublicKey]: JSON.stringify(publicKey), [PUB.KeyFingerprint]: fingerprint });
    });
  }

  public ownPrivateKeys(): Promise<StoredPrivateKey[]> {
    return guarded(async () => {
      // Filtered by Author too: a site owner (who can read every item) must still only unlock their own.
      const me = await this.me();
      const items = await this.sp.web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items
        .filter(`${AuthorId} eq ${odataNumber(me)}`).select(Id, Created, Modified, AuthorId, PRIV.WrappedPrivateKey, PRIV.KeyFingerprint).orderBy(Id, true).top(MAX_KEYS)<PrivItem[]>();
      return items.map((i) => ({ id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, wrappedPrivateKey: i.WrappedPrivateKey ?? '', fingerprint: i.KeyFingerprint ?? '' }));
    });
  }

  public addPrivateKey(wrappedPrivateKey: string, fingerprint: string): Promise<void> {
    return guarded(async () => {
      await this.sp.web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items.add({ [Title]: 'Vault private key (wrapped)', [PRIV.WrappedPrivateKey]: wrappedPrivateKey, [PRIV.KeyFingerprint]: fingerprint });
    });
  }
}
