import './pnp';
import type { SPFI } from './pnp';
import { SPQueryable } from '@pnp/sp';
import { BUILT_IN, LISTS, PERSON, fieldNames, lookupId, through } from '../schema';
import { guarded } from '../errors/normalise';
import { isAppError } from '../../domain/errors';
import type { EmergencyRole, RoleDraft, RolePerson } from '../../domain/emergency';
import type { IEmergencyRoles, RolePeople } from '../../services/ports/emergency';
import { upnOf } from './claims';

// The emergency plan's roles in SMH Emergency Roles (comms hold Contribute, everyone else reads).
// A change carries the ETag it was read with, so two comms people editing the same role cannot
// overwrite each other: SharePoint answers 412 and the second sees what is saved now.

const F = fieldNames(LISTS.emergencyRoles);
const LIST = LISTS.emergencyRoles.title;
const PERSON_PROPS = [PERSON.Id, PERSON.Title, PERSON.EMail, PERSON.Name];
const SELECT = [BUILT_IN.Id, F.Role, F.AccountsCovered, ...[F.Person, F.BackupPerson].flatMap((f) => PERSON_PROPS.map((p) => through(f, p)))];
/** SP.PermissionKind.EditListItems (3) as a bit of EffectiveBasePermissions.Low. */
const EDIT_LIST_ITEMS = 0x4;
/** A plan has a handful of roles; far more than any organisation's plan names. */
const MAX_ROLES = 5000;

interface PersonValue { Id?: number; Title?: string; EMail?: string; Name?: string }
type RoleItem = { Id: number; Role?: string; AccountsCovered?: string | null; Person?: PersonValue; BackupPerson?: PersonValue; 'odata.etag'?: string; __metadata?: { etag?: string } };

const person = (p?: PersonValue): RolePerson | undefined => (p?.Id ? { userId: p.Id, name: p.Title ?? '', email: p.EMail ?? '', login: upnOf(p.Name, p.EMail ?? '') } : undefined);

/** The covered accounts' ids; a hand-edited or truncated value reads as none rather than failing the plan. */
function accountIds(raw: string | null | undefined): number[] {
  try {
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0) : [];
  } catch {
    return [];
  }
}

function toRole(i: RoleItem): EmergencyRole {
  const accounts = accountIds(i.AccountsCovered);
  return { id: i.Id, etag: i['odata.etag'] ?? i.__metadata?.etag ?? '', role: i.Role ?? '', person: person(i.Person), backup: person(i.BackupPerson), accounts };
}

export class SpEmergencyRoles implements IEmergencyRoles {
  public constructor(private readonly sp: SPFI) {}

  private get list() {
    return this.sp.web.lists.getByTitle(LIST);
  }

  public roles(): Promise<EmergencyRole[]> {
    return guarded(async () => (await this.list.items.select(...SELECT).expand(F.Person, F.BackupPerson).top(MAX_ROLES)<RoleItem[]>()).map(toRole));
  }

  public role(id: number): Promise<EmergencyRole | undefined> {
    return guarded(async () => toRole(await this.list.items.getById(id).select(...SELECT).expand(F.Person, F.BackupPerson)<RoleItem>())).catch((e: unknown) => {
      if (isAppError(e) && e.kind === 'notFound') return undefined;
      throw e;
    });
  }

  public canEdit(): Promise<boolean> {
    return guarded(async () => {
      const perms = await SPQueryable(this.list, 'EffectiveBasePermissions')<{ Low: number | string }>();
      return (Number(perms.Low) & EDIT_LIST_ITEMS) !== 0;
    });
  }

  public personId(email: string): Promise<number | undefined> {
    return guarded(async () => (await this.sp.web.ensureUser(`i:0#.f|membership|${email}`)).Id).catch((e: unknown) => {
      if (isAppError(e) && e.kind === 'notFound') return undefined;
      throw e;
    });
  }

  private body(d: RoleDraft, people: RolePeople): Record<string, unknown> {
    return { [BUILT_IN.Title]: d.role, [F.Role]: d.role, [lookupId(F.Person)]: people.personId, [lookupId(F.BackupPerson)]: people.backupId, [F.AccountsCovered]: JSON.stringify(d.accounts) };
  }

  public add(d: RoleDraft, people: RolePeople): Promise<{ id: number }> {
    return guarded(async () => ({ id: ((await this.list.items.add(this.body(d, people))) as { Id: number }).Id }));
  }

  public update(id: number, etag: string, d: RoleDraft, people: RolePeople): Promise<void> {
    return guarded(async () => {
      await this.list.items.getById(id).update(this.body(d, people), etag);
    });
  }
}
