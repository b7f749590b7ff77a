import { AppError } from '../domain/errors';
import type { PersonInput } from '../domain/requests';
import type { DirectoryPerson, IPeopleDirectory } from './ports/directory';

// Who can be named owner or backup (PRODUCT.md C2, C3): someone the directory knows, enabled, a member
// of the organisation (guests and leavers cannot look after an organisational account). The people
// picker offers only them; an address pasted instead is looked up and, when refused, the form says why.

/** Fewer characters than this find too many people to be useful (and cost a directory call per letter). */
export const PEOPLE_MIN_SEARCH = 2;
/** Suggestions shown at once: enough to choose from, few enough to read with a screen reader. */
export const PEOPLE_TOP = 8;

export type PastedPerson =
  | { kind: 'member'; person: PersonInput }
  | { kind: 'disabled' | 'guest'; name: string }
  | { kind: 'unknown' };

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Whether what someone typed is an address (pasted) rather than words of a name. */
export const looksLikeEmail = (text: string): boolean => EMAIL.test(text.trim());

/** The person as the forms store them: the directory's display name and their e-mail address. */
export const personInputOf = (p: DirectoryPerson): PersonInput => ({ name: p.name, email: p.mail ?? p.upn });

export class PeopleService {
  /** `directory` is undefined where the hub has no Graph client (its permissions not approved yet). */
  public constructor(private readonly directory: IPeopleDirectory | undefined) {}

  private dir(): IPeopleDirectory {
    if (!this.directory) throw new AppError('forbidden', 'The directory cannot be searched yet: an administrator must approve the hub\'s Microsoft Graph permissions (User.Read.All) in the SharePoint admin centre.');
    return this.directory;
  }

  /** Enabled members for what was typed; nothing for fewer than two characters. */
  public async search(text: string): Promise<PersonInput[]> {
    if (text.trim().length < PEOPLE_MIN_SEARCH) return [];
    return (await this.dir().searchPeople(text, PEOPLE_TOP)).map(personInputOf);
  }

  /** Who a pasted address belongs to, and whether they can be named. */
  public async pasted(email: string): Promise<PastedPerson> {
    const standing = await this.dir().personByEmail(email);
    if (standing.kind === 'member') return { kind: 'member', person: personInputOf(standing.person) };
    if (standing.kind === 'unknown') return { kind: 'unknown' };
    return { kind: standing.kind, name: standing.person.name };
  }
}
