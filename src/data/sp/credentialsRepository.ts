// ICredentials on SharePoint: append-only items holding only ciphertext and wrapped keys. Anyone may
// add (the list must take an owner's share); comms read all, others their own.
import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';
import type { ICredentials, NewCredential, StoredCredential } from '../../services/ports/vault';

const F = fieldNames(LISTS.credentials);
/** SharePoint's list view threshold: no query step may scan more rows. */
const WINDOW = 5000;
const WINDOWS_PER_BATCH = 5;
const { Id, Title, Created, Modified, AuthorId, Author } = BUILT_IN;
const SELECT = [Id, Created, Modified, AuthorId, F.AccountId, F.Ciphertext, F.WrappedKeys, F.SecretVersion, F.TwoStepOn, F.RecoveryIsOrganisational, F.RotatedAt, F.SubmissionId, through(Author, PERSON.Title)];

interface Item {
  Id: number; Created: string; Modified?: string; AuthorId: number; Author?: { Title?: string }; AccountId: number;
  Ciphertext?: string | null; WrappedKeys?: string | null; SecretVersion?: number | null; TwoStepOn?: boolean | null; RecoveryIsOrganisational?: boolean | null; RotatedAt?: string | null; SubmissionId?: string | null;
}

/** The secret id is inside the envelope; an unreadable envelope is its own secret (and will not open). */
function secretIdOf(envelope: string, itemId: number): string {
  try {
    const id = (JSON.parse(envelope) as { secretId?: unknown }).secretId;
    return typeof id === 'string' && id ? id : `item-${itemId}`;
  } catch {
    return `item-${itemId}`;
  }
}

const toRecord = (i: Item): StoredCredential => ({
  id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, accountId: i.AccountId, authorName: i.Author?.Title,
  envelope: i.Ciphertext ?? '', wrappedKeys: i.WrappedKeys ?? '[]', secretId: secretIdOf(i.Ciphertext ?? '', i.Id), version: typeof i.SecretVersion === 'number' ? i.SecretVersion : 0,
  twoStepOn: i.TwoStepOn === true, recoveryIsOrganisational: i.RecoveryIsOrganisational === true, rotatedAt: i.RotatedAt ?? undefined, submissionId: i.SubmissionId ?? undefined
});

export class SpCredentials implements ICredentials {
  public constructor(private readonly sp: SPFI, private readonly me: () => Promise<number>) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.credentials.title).items;
  }

  private async own(submissionId: string): Promise<Item | undefined> {
    const me = await this.me();
    const [found] = await this.items.filter(`${F.SubmissionId} eq ${odataString(submissionId)} and ${AuthorId} eq ${odataNumber(me)}`).select(...SELECT).expand(Author).orderBy(Id, true).top(1)<Item[]>();
    return found;
  }

  public add(c: NewCredential, submissionId: string): Promise<StoredCredential> {
    return guarded(async () => {
      const existing = await this.own(submissionId);
      if (existing) return toRecord(existing);
      await this.items.add({
        [Title]: `Credentials of account ${c.accountId}`, [F.AccountId]: c.accountId, [F.Ciphertext]: c.envelope, [F.WrappedKeys]: JSON.stringify(c.wrappedKeys),
        [F.SecretVersion]: c.version, [F.TwoStepOn]: c.twoStepOn, [F.RecoveryIsOrganisational]: c.recoveryIsOrganisational, [F.RotatedAt]: c.rotatedAt, [F.SubmissionId]: submissionId
      });
      const first = await this.own(submissionId);
      if (!first) throw new Error('The credentials were saved but could not be read back.');
      return toRecord(first);
    });
  }

  public all(): Promise<StoredCredential[]> {
    return this.windows();
  }

  public forAccount(accountId: number): Promise<StoredCredential[]> {
    return this.windows(`${F.AccountId} eq ${odataNumber(accountId)}`);
  }

  /** In Id windows of 5,000, five to a $batch: anyone can add items, so the list can pass the threshold. */
  private windows(extra?: string): Promise<StoredCredential[]> {
    return guarded(async () => {
      const [newest] = await this.items.select(Id).orderBy(Id, false).top(1)<{ Id: number }[]>();
      if (!newest) return [];
      const out: StoredCredential[] = [];
      for (let from = 1; from <= newest.Id; from += WINDOW * WINDOWS_PER_BATCH) {
        const [batched, execute] = this.sp.batched();
        const reads: Promise<Item[]>[] = [];
        for (let lo = from; lo < from + WINDOW * WINDOWS_PER_BATCH && lo <= newest.Id; lo += WINDOW) {
          const filter = `${Id} ge ${lo} and ${Id} lt ${lo + WINDOW}${extra ? ` and ${extra}` : ''}`;
          reads.push(batched.web.lists.getByTitle(LISTS.credentials.title).items.filter(filter).select(...SELECT).expand(Author).orderBy(Id, true).top(WINDOW)<Item[]>());
        }
        await execute();
        for (const page of await Promise.all(reads)) out.push(...page.map(toRecord));
      }
      return out;
    });
  }
}
