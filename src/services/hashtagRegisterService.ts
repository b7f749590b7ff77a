import { checkHashtag, validateHashtag, type TagMatch, type TagStatus } from '../domain/hashtags';
import { storableTextProblem } from '../domain/requests/text';
import { isAppError } from '../domain/errors';
import type { IHashtagRegister, RegisteredTag } from './ports/hashtags';

// The register of hashtags as comms keep it (PRODUCT.md C7): everyone reads it; comms add a tag once
// it passes the clean check, change a tag's status (retire it) and which account or campaign uses it.
// SharePoint refuses anyone else.

export type TagAddOutcome =
  | { kind: 'added'; tag: RegisteredTag }
  /** The tag as typed is not a hashtag; the message says why. */
  | { kind: 'invalid'; field: 'tag' | 'usedBy'; message: string }
  /** The same tag, or one we retired, is in the register: never added. Messages are the clean check's. */
  | { kind: 'refused'; matches: TagMatch<RegisteredTag>[] }
  /** Near matches only: added only when comms confirm they are different enough. */
  | { kind: 'near'; matches: TagMatch<RegisteredTag>[] };

export type TagChangeOutcome =
  | { kind: 'saved'; tag: RegisteredTag }
  /** Someone changed the entry since it was read; nothing was written; `current` is how it is now. */
  | { kind: 'conflict'; current: RegisteredTag }
  | { kind: 'gone' };

/** The Account or campaign field is one line of at most 255 characters. */
const USED_BY_MAX = 255;

export class HashtagRegisterService {
  public constructor(private readonly register: IHashtagRegister) {}

  public list(): Promise<RegisteredTag[]> {
    return this.register.list();
  }

  public canEdit(): Promise<boolean> {
    return this.register.canEdit();
  }

  /** Checks and registers a tag; near matches stop it unless `acceptNear` (comms looked and decided). */
  public async add(input: { tag: string; usedBy: string; status: TagStatus }, acceptNear = false): Promise<TagAddOutcome> {
    const valid = validateHashtag(input.tag);
    if (!valid.ok) return { kind: 'invalid', field: 'tag', message: valid.message };
    const usedByProblem = storableTextProblem(input.usedBy, { max: USED_BY_MAX, multiLine: false });
    if (usedByProblem) return { kind: 'invalid', field: 'usedBy', message: usedByProblem };
    const check = checkHashtag(valid.tag, await this.register.candidates(valid.normalised));
    const refused = check.matches.filter((m) => m.comparison.kind === 'exact' || m.registered.status === 'Retired');
    if (refused.length) return { kind: 'refused', matches: refused };
    if (!check.clean && !acceptNear) return { kind: 'near', matches: check.matches };
    return { kind: 'added', tag: await this.register.add({ tag: valid.tag, usedBy: input.usedBy, status: input.status }) };
  }

  /** Changes a tag's status from the entry as read (its ETag). */
  public setStatus(tag: RegisteredTag, status: TagStatus): Promise<TagChangeOutcome> {
    return this.change(tag, { status });
  }

  /**
   * Changes which account or campaign uses a tag, from the entry as read (its ETag): stored exactly as
   * typed (empty clears it), or refused with a message. Someone's change in between wins; nothing is written.
   */
  public async setUsedBy(tag: RegisteredTag, usedBy: string): Promise<TagChangeOutcome | { kind: 'invalid'; message: string }> {
    const problem = storableTextProblem(usedBy, { max: USED_BY_MAX, multiLine: false });
    if (problem) return { kind: 'invalid', message: problem };
    return this.change(tag, { usedBy });
  }

  private async change(tag: RegisteredTag, change: { status?: TagStatus; usedBy?: string }): Promise<TagChangeOutcome> {
    try {
      await this.register.update(tag.id, tag.etag ?? '', change);
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'conflict' && e.kind !== 'notFound')) throw e;
      const current = await this.register.get(tag.id);
      return current ? { kind: 'conflict', current } : { kind: 'gone' };
    }
    const now = await this.register.get(tag.id);
    return now ? { kind: 'saved', tag: now } : { kind: 'gone' };
  }
}
