import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { AcknowledgementRecord, IAcknowledgementRepository } from '../../services/ports/acknowledgements';
import { InjectHeaders } from '@pnp/queryable';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';

interface AckItem {
  Id: number;
  PolicyMajor: number;
  VersionLabel?: string | null;
  Created: string;
  AuthorId: number;
  Author?: { Title?: string; EMail?: string };
}

const toRecord = (i: AckItem): AcknowledgementRecord => ({
  id: i.Id, major: i.PolicyMajor, label: i.VersionLabel ?? undefined, at: i.Created, userId: i.AuthorId, name: i.Author?.Title, email: i.Author?.EMail
});

/** SharePoint's page size limit for one query. */
const PAGE = 5000;

export class SpAcknowledgementRepository implements IAcknowledgementRepository {
  public constructor(private readonly sp: SPFI) {}

  private items(sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(LISTS.acknowledgements.title).items;
  }

  public add(major: number, label: string): Promise<AcknowledgementRecord> {
    return guarded(async () => toRecord(await this.items().add({ Title: `Acknowledged version ${label}`, PolicyMajor: major, VersionLabel: label }) as AckItem));
  }

  public recentFor(userId: number): Promise<AcknowledgementRecord[]> {
    return guarded(async () => {
      // Author first: an indexed filter that narrows 100,000s of items to one person's few.
      const found = await this.items().filter(`AuthorId eq ${odataNumber(userId)}`).orderBy('Created', false).top(20)
        .select('Id', 'PolicyMajor', 'VersionLabel', 'Created', 'AuthorId')<AckItem[]>();
      return found.map(toRecord);
    });
  }

  public forUsers(userIds: number[], major: number): Promise<Map<number, AcknowledgementRecord>> {
    return guarded(async () => {
      const out = new Map<number, AcknowledgementRecord>();
      if (userIds.length === 0) return out;
      const [batched, execute] = this.sp.batched();
      for (const id of new Set(userIds)) {
        void this.items(batched).filter(`AuthorId eq ${odataNumber(id)} and PolicyMajor eq ${odataNumber(major)}`).orderBy('Created', true).top(20)
          .select('Id', 'PolicyMajor', 'VersionLabel', 'Created', 'AuthorId')<AckItem[]>()
          .then((found) => { if (found.length > 0) out.set(id, toRecord(found[found.length - 1])); });
      }
      await execute();
      return out;
    });
  }

  public forEachPage(major: number, onPage: (page: AcknowledgementRecord[]) => void, options: { withNames?: boolean; since?: string } = {}): Promise<number> {
    return guarded(async () => {
      let total = 0;
      const since = options.since ? ` and Created ge datetime${odataString(new Date(options.since).toISOString())}` : '';
      const base = this.items().filter(`PolicyMajor eq ${odataNumber(major)}${since}`).top(PAGE)
        // No per-row OData metadata: at 100,000 rows it is most of the bytes.
        .using(InjectHeaders({ Accept: 'application/json;odata=nometadata' }));
      const query = options.withNames
        ? base.select('Id', 'PolicyMajor', 'Created', 'AuthorId', 'Author/Title', 'Author/EMail').expand('Author')
        : base.select('Id', 'PolicyMajor', 'Created', 'AuthorId');
      for await (const page of query as AsyncIterable<AckItem[]>) {
        total += page.length;
        onPage(page.map(toRecord));
      }
      return total;
    });
  }
}
