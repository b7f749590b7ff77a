import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, fieldNames } from '../schema';
import { SPQueryable } from '@pnp/sp';
import { normaliseTag, TAG_STATUSES, type TagStatus } from '../../domain/hashtags';
import { AppError, isAppError } from '../../domain/errors';
import type { IHashtagRegister, NewTag, RegisteredTag, TagChange } from '../../services/ports/hashtags';
import { guarded } from '../errors/normalise';
import { odataString } from './odata';

const F = fieldNames(LISTS.hashtags);
const SELECT = [BUILT_IN.Id, BUILT_IN.AuthorId, BUILT_IN.Created, F.Tag, F.NormalisedTag, F.TagStatus, F.UsedBy, F.EvidenceUrl, F.CheckedAt];
/** Page size: SharePoint's largest; the register of hashtags stays far below one page. */
const PAGE = 5000;

interface TagItem {
  Id: number;
  AuthorId: number;
  Created: string;
  Tag: string | null;
  NormalisedTag: string | null;
  TagStatus: string | null;
  UsedBy: string | null;
  EvidenceUrl: string | null;
  CheckedAt: string | null;
  'odata.etag'?: string;
  __metadata?: { etag?: string };
}

/** SP.PermissionKind.EditListItems (3) as a bit of EffectiveBasePermissions.Low. */
const EDIT_LIST_ITEMS = 0x4;

/** An item as the register entry it is; a status outside the choices (written by hand) reads as the first, proposed. */
function fromItem(i: TagItem): RegisteredTag {
  const status = (TAG_STATUSES as readonly string[]).includes(i.TagStatus ?? '') ? (i.TagStatus as TagStatus) : TAG_STATUSES[0];
  return {
    id: i.Id, tag: i.Tag ?? '', normalisedTag: i.NormalisedTag ?? '', status, usedBy: i.UsedBy ?? '', evidenceUrl: i.EvidenceUrl ?? '',
    checkedAt: i.CheckedAt ?? undefined, authorId: i.AuthorId, created: i.Created, etag: i['odata.etag'] ?? i.__metadata?.etag
  };
}

export class SpHashtagsRepository implements IHashtagRegister {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.hashtags.title).items;
  }

  public candidates(normalisedTag: string): Promise<RegisteredTag[]> {
    return guarded(async () => {
      // Equality on the indexed key, the value escaped: whatever the text, it is one literal, so the
      // query can neither break nor match more than that key.
      const query = this.items.filter(`${F.NormalisedTag} eq ${odataString(normalisedTag)}`).select(...SELECT).top(PAGE);
      const out: RegisteredTag[] = [];
      for await (const page of query as AsyncIterable<TagItem[]>) out.push(...page.map(fromItem));
      return out;
    });
  }

  /** The candidates of a proposed tag, for the clean check (domain/hashtags checkHashtag). */
  public candidatesFor(tag: string): Promise<RegisteredTag[]> {
    return this.candidates(normaliseTag(tag));
  }

  public add(tag: NewTag): Promise<RegisteredTag> {
    return guarded(async () => {
      const normalised = normaliseTag(tag.tag);
      if (normalised === '') throw new AppError('validation', 'A hashtag needs letters or numbers to be registered.');
      const added = await this.items.add({
        [BUILT_IN.Title]: tag.tag, [F.Tag]: tag.tag, [F.NormalisedTag]: normalised, [F.TagStatus]: tag.status, [F.UsedBy]: tag.usedBy,
        [F.EvidenceUrl]: tag.evidenceUrl ?? null, [F.CheckedAt]: tag.checkedAt ?? null
      }) as TagItem;
      return fromItem(added);
    });
  }

  public list(): Promise<RegisteredTag[]> {
    return guarded(async () => {
      // No filter: SharePoint pages by Id, which stays under the list view threshold at any size.
      const out: RegisteredTag[] = [];
      for await (const page of this.items.select(...SELECT).top(PAGE) as AsyncIterable<TagItem[]>) out.push(...page.map(fromItem));
      return out;
    });
  }

  public canEdit(): Promise<boolean> {
    return guarded(async () => {
      // SharePoint's own answer for this person; tidiness only, since SharePoint refuses the write itself.
      const perms = await SPQueryable(this.sp.web.lists.getByTitle(LISTS.hashtags.title), 'EffectiveBasePermissions')<{ Low: number | string }>();
      return (Number(perms.Low) & EDIT_LIST_ITEMS) !== 0;
    });
  }

  public get(id: number): Promise<RegisteredTag | undefined> {
    return guarded(async () => fromItem(await this.items.getById(id).select(...SELECT)<TagItem>())).catch((e: unknown) => {
      if (isAppError(e) && e.kind === 'notFound') return undefined;
      throw e;
    });
  }

  public update(id: number, etag: string, change: TagChange): Promise<void> {
    return guarded(async () => {
      // If-Match: two comms people changing one tag at once cannot overwrite each other (412 for the second).
      await this.items.getById(id).update({
        ...(change.status !== undefined ? { [F.TagStatus]: change.status } : {}),
        ...(change.usedBy !== undefined ? { [F.UsedBy]: change.usedBy } : {})
      }, etag);
    });
  }
}
