import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import type { AcknowledgementRecord, IAcknowledgementRepository } from '../../services/ports/acknowledgements';
import { InjectHeaders } from '@pnp/queryable';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';
import { upnOf } from './claims';

interface AckItem {
  Id: number;
  PolicyMajor: number;
  VersionLabel?: string | null;
  Created: string;
  AuthorId: number;
  Author?: { Title?: string; EMail?: string; Name?: string };
}

const toRecord = (i: AckItem): AcknowledgementRecord => ({
  id: i.Id, major: i.PolicyMajor, label: i.VersionLabel ?? undefined, at: i.Created, userId: i.AuthorId, name: i.Author?.Title, email: i.Author?.EMail,
  login: i.Author?.Name ? upnOf(i.Author.Name, i.Author.EMail ?? '') : undefined
});

const F = fieldNames(LISTS.acknowledgements);
const { Id, Created, AuthorId, Author } = BUILT_IN;
const RECORD_SELECT = [Id, F.PolicyMajor, F.VersionLabel, Created, AuthorId];

/** SharePoint's page size limit for one query, and the id window that keeps a query under the threshold. */
const PAGE = 5000;
/** Windows sent together in one $batch (each answers at most PAGE rows). */
const WINDOWS_PER_BATCH = 5;

export class SpAcknowledgementRepository implements IAcknowledgementRepository {
  public constructor(private readonly sp: SPFI) {}

  private items(sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(LISTS.acknowledgements.title).items;
  }

  public add(major: number, label: string): Promise<AcknowledgementRecord> {
    return guarded(async () => toRecord(await this.items().add({ [BUILT_IN.Title]: `Acknowledged version ${label}`, [F.PolicyMajor]: major, [F.VersionLabel]: label }) as AckItem));
  }

  public recentFor(userId: number): Promise<AcknowledgementRecord[]> {
    return guarded(async () => {
      // Author first: an indexed filter that narrows 100,000s of items to one person's few.
      const found = await this.items().filter(`${AuthorId} eq ${odataNumber(userId)}`).orderBy(Created, false).top(20)
        .select(...RECORD_SELECT)<AckItem[]>();
      return found.map(toRecord);
    });
  }

  public forUsers(userIds: number[], major: number): Promise<Map<number, AcknowledgementRecord>> {
    return guarded(async () => {
      const out = new Map<number, AcknowledgementRecord>();
      if (userIds.length === 0) return out;
      const [batched, execute] = this.sp.batched();
      for (const id of new Set(userIds)) {
        void this.items(batched).filter(`${AuthorId} eq ${odataNumber(id)} and ${F.PolicyMajor} eq ${odataNumber(major)}`).orderBy(Created, true).top(20)
          .select(...RECORD_SELECT)<AckItem[]>()
          .then((found) => { if (found.length > 0) out.set(id, toRecord(found[found.length - 1])); });
      }
      await execute();
      return out;
    });
  }

  /**
   * Every acknowledgement of a major version, in windows of 5,000 item ids. Each query's first
   * clause is an id range that SharePoint's index narrows to at most 5,000 rows, so it stays under
   * the list view threshold however many people acknowledged; five windows go in one $batch.
   */
  public forEachPage(major: number, onPage: (page: AcknowledgementRecord[]) => void, options: { withNames?: boolean; since?: string } = {}): Promise<number> {
    return guarded(async () => {
      const [newest] = await this.items().select(Id).orderBy(Id, false).top(1)<{ Id: number }[]>();
      if (!newest) return 0;
      const since = options.since ? ` and ${Created} ge datetime${odataString(new Date(options.since).toISOString())}` : '';
      const counted = [Id, F.PolicyMajor, Created, AuthorId];
      const fields = options.withNames ? [...counted, through(Author, PERSON.Title), through(Author, PERSON.EMail), through(Author, PERSON.Name)] : counted;
      let total = 0;
      for (let from = 1; from <= newest.Id; from += PAGE * WINDOWS_PER_BATCH) {
        const [batched, execute] = this.sp.batched();
        const windows: Promise<AckItem[]>[] = [];
        for (let lo = from; lo < from + PAGE * WINDOWS_PER_BATCH && lo <= newest.Id; lo += PAGE) {
          const q = this.items(batched).filter(`${Id} ge ${lo} and ${Id} lt ${lo + PAGE} and ${F.PolicyMajor} eq ${odataNumber(major)}${since}`)
            .select(...fields).top(PAGE)
            // No per-row OData metadata: at 100,000 rows it is most of the bytes.
            .using(InjectHeaders({ Accept: 'application/json;odata=nometadata' }));
          windows.push((options.withNames ? q.expand(Author) : q)<AckItem[]>());
        }
        await execute();
        for (const page of await Promise.all(windows)) {
          total += page.length;
          if (page.length > 0) onPage(page.map(toRecord));
        }
      }
      return total;
    });
  }
}
