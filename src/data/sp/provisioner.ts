import { FieldUserSelectionMode, PermissionKind, type SPFI } from './pnpAdmin';
import { ALL_LISTS, GROUPS, RETIRED_LISTS, ROLE_DEFINITIONS, type FieldDef, type ListDef, type Principal, type RoleName, type SiteSchema } from '../schema';
import type { IProvisioner, ManagePlaces, ProvisionStep } from '../../services/ports/provisioning';

// Brings a site to the schema. Each phase reads what is there (batched), compares it with the
// schema and returns only the differences, so a second run plans nothing. A site set up by an
// earlier version is upgraded in place: fields and permissions move to the schema, items are never
// touched, lists the schema no longer has are left as they are and reported.

export const CURRENT_SCHEMA: SiteSchema = { lists: ALL_LISTS, roles: ROLE_DEFINITIONS, groups: GROUPS, retired: RETIRED_LISTS };

interface FieldInfo {
  InternalName: string;
  Title: string;
  Indexed: boolean;
  Required: boolean;
  EnforceUniqueValues: boolean;
  MaxLength?: number;
  Choices?: string[] | { results: string[] };
}

const choicesOf = (f: FieldInfo): string[] => (Array.isArray(f.Choices) ? f.Choices : f.Choices?.results ?? []);

interface ListInfo {
  Title: string;
  ReadSecurity: number;
  WriteSecurity: number;
  EnableVersioning: boolean;
  HasUniqueRoleAssignments: boolean;
}

interface AssignmentInfo {
  PrincipalId: number;
  RoleDefinitionBindings: { Id: number; Name: string; RoleTypeKind?: number }[];
}

/**
 * SharePoint adds "Limited Access" (RoleTypeKind 1) by itself wherever something below has its own
 * permissions; removing it would break that access, so it is never counted as an extra.
 */
const LIMITED_ACCESS = 1;

interface GroupInfo { Title: string; Id: number; OnlyAllowMembersViewMembership: boolean }

export class SpProvisioner implements IProvisioner {
  private readonly lists: readonly ListDef[];

  public constructor(private readonly sp: SPFI, private readonly schema: SiteSchema = CURRENT_SCHEMA) {
    this.lists = schema.lists;
  }

  /** What set-up found and deliberately left alone: retired lists (with their items), nothing else. */
  public async notices(): Promise<string[]> {
    if (this.schema.retired.length === 0) return [];
    const lists = await this.sp.web.lists.select('Title', 'ItemCount')<{ Title: string; ItemCount: number }[]>();
    return this.schema.retired.flatMap((r) => {
      const found = lists.find((l) => l.Title === r.title);
      return found ? [`"${r.title}" is retired (${r.reason}); it was left in place with its ${found.ItemCount} item${found.ItemCount === 1 ? '' : 's'}.`] : [];
    });
  }

  public async whereToManage(): Promise<ManagePlaces> {
    const [web, groups] = await Promise.all([
      this.sp.web.select('Url')<{ Url: string }>(),
      this.sp.web.siteGroups.select('Title', 'Id')<{ Title: string; Id: number }[]>()
    ]);
    return {
      siteUrl: web.Url.replace(/\/$/, ''),
      groups: this.schema.groups.flatMap((g) => {
        const found = groups.find((x) => x.Title === g.title);
        return found ? [{ principal: g.principal, title: g.title, id: found.Id }] : [];
      })
    };
  }

  public async canProvision(): Promise<boolean> {
    const web = this.sp.web;
    const perms = await web.getCurrentUserEffectivePermissions();
    return web.hasPermissions(perms, PermissionKind.ManageLists) && web.hasPermissions(perms, PermissionKind.ManagePermissions);
  }

  public async planPhase(phase: number): Promise<ProvisionStep[] | undefined> {
    switch (phase) {
      case 0: return this.planPrincipals();
      case 1: return this.planLists();
      case 2: return this.planFieldsAndSettings();
      case 3: return this.planPermissions();
      default: return undefined;
    }
  }

  private async planPrincipals(): Promise<ProvisionStep[]> {
    const steps: ProvisionStep[] = [];
    const defs = await this.sp.web.roleDefinitions.select('Name', 'Id', 'BasePermissions')<{ Name: string; Id: number; BasePermissions: { High: string | number; Low: string | number } }[]>();
    for (const def of this.schema.roles) {
      if (!def.basePermissions) continue;
      const perms = def.basePermissions;
      const found = defs.find((d) => d.Name === def.name);
      if (!found) {
        steps.push({
          description: `Create the permission level "${def.name}"`,
          kind: 'permission',
          apply: async () => { await this.sp.web.roleDefinitions.add(def.name, def.description ?? '', 100, perms); }
        });
      } else if (Number(found.BasePermissions.High) >>> 0 !== perms.High >>> 0 || Number(found.BasePermissions.Low) >>> 0 !== perms.Low >>> 0) {
        // Someone widened (or narrowed) our level by hand: every list using it would follow.
        steps.push({
          description: `Reset the rights of the permission level "${def.name}"`,
          kind: 'permission',
          apply: async () => { await this.sp.web.roleDefinitions.getById(found.Id).update({ BasePermissions: perms }); }
        });
      }
    }
    const groups = await this.sp.web.siteGroups.select('Title', 'Id', 'OnlyAllowMembersViewMembership')<GroupInfo[]>();
    for (const g of this.schema.groups) {
      const found = groups.find((x) => x.Title === g.title);
      if (!found) {
        steps.push({ description: `Create the SharePoint group "${g.title}" (no members yet)`, kind: 'group', apply: () => this.createGroup(g.title, g.description) });
      } else if (found.OnlyAllowMembersViewMembership) {
        steps.push({
          description: `Let everyone see who is in "${g.title}"`,
          kind: 'group',
          apply: async () => { await this.sp.web.siteGroups.getById(found.Id).update({ OnlyAllowMembersViewMembership: false }); }
        });
      }
    }
    return steps;
  }

  /**
   * SharePoint makes whoever creates a group its first member. The site owner running set-up is not
   * by that a comms officer, so they are taken out at once; later runs never touch membership, which
   * belongs to the site owner. Membership is visible to everyone, because every reader must tell
   * whether an author is in comms.
   */
  private async createGroup(title: string, description: string): Promise<void> {
    const created = await this.sp.web.siteGroups.add({ Title: title, Description: description, OnlyAllowMembersViewMembership: false }) as { Id: number };
    const me = await this.sp.web.currentUser.select('Id')<{ Id: number }>();
    const group = this.sp.web.siteGroups.getById(created.Id);
    const members = await group.users.select('Id')<{ Id: number }[]>();
    if (members.some((m) => m.Id === me.Id)) await group.users.removeById(me.Id);
  }

  private async existingLists(): Promise<Map<string, ListInfo>> {
    const lists = await this.sp.web.lists.select('Title', 'ReadSecurity', 'WriteSecurity', 'EnableVersioning', 'HasUniqueRoleAssignments')<ListInfo[]>();
    return new Map(lists.map((l) => [l.Title, l]));
  }

  private async planLists(): Promise<ProvisionStep[]> {
    const existing = await this.existingLists();
    return this.lists.filter((l) => !existing.has(l.title)).map((l) => ({
      description: `Create the list "${l.title}"`,
      kind: 'list' as const,
      apply: async () => { await this.sp.web.lists.add(l.title, l.description, 100, false); }
    }));
  }

  private async planFieldsAndSettings(): Promise<ProvisionStep[]> {
    const lists = await this.existingLists();
    const [batched, execute] = this.sp.batched();
    const fieldsByList = new Map<string, FieldInfo[]>();
    // Only lists that exist are read; a list still to be created gets every field and setting below.
    for (const l of this.lists.filter((x) => lists.has(x.title))) {
      void batched.web.lists.getByTitle(l.title).fields.select('InternalName', 'Title', 'Indexed', 'Required', 'EnforceUniqueValues', 'MaxLength', 'Choices')<FieldInfo[]>()
        .then((f) => fieldsByList.set(l.title, f));
    }
    await execute();

    const steps: ProvisionStep[] = [];
    for (const l of this.lists) {
      const list = this.sp.web.lists.getByTitle(l.title);
      const have = fieldsByList.get(l.title) ?? [];
      for (const f of l.fields) {
        const found = have.find((x) => x.InternalName === f.name);
        if (!found) {
          steps.push({ description: `Add the field "${f.title}" to "${l.title}"`, apply: () => this.addField(l, f) });
          continue;
        }
        const wanted = { Title: f.title, Indexed: !!f.indexed || !!f.unique, Required: !!f.required, EnforceUniqueValues: !!f.unique };
        const changes: string[] = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((k) => found[k] !== wanted[k]);
        const patch: Record<string, unknown> = Object.fromEntries(changes.map((k) => [k, wanted[k as keyof typeof wanted]]));
        // A new platform or status in the schema reaches sites set up before it (choices are only added).
        if (f.kind === 'Choice') {
          const have = choicesOf(found);
          const missing = (f.choices ?? []).filter((c) => !have.includes(c));
          if (missing.length > 0) { changes.push('Choices'); patch.Choices = [...have, ...missing]; }
        }
        if (f.kind === 'Text' && found.MaxLength !== undefined && found.MaxLength < (f.maxLength ?? 255)) { changes.push('MaxLength'); patch.MaxLength = f.maxLength ?? 255; }
        if (changes.length > 0) {
          steps.push({
            description: `Update ${changes.join(', ')} of "${f.title}" in "${l.title}"`,
            apply: async () => { await list.fields.getByInternalNameOrTitle(f.name).update(patch); }
          });
        }
      }
      for (const builtIn of l.indexedBuiltIns ?? []) {
        const found = have.find((x) => x.InternalName === builtIn);
        // A new list has its built-in fields, none of them indexed.
        if (!lists.has(l.title) || (found && !found.Indexed)) {
          steps.push({
            description: `Index "${builtIn}" in "${l.title}"`,
            apply: async () => { await list.fields.getByInternalNameOrTitle(builtIn).update({ Indexed: true }); }
          });
        }
      }
      // A list still to be created starts with SharePoint's defaults.
      const info = lists.get(l.title) ?? { ReadSecurity: 1, WriteSecurity: 1, EnableVersioning: false };
      const settings = { ReadSecurity: l.readSecurity ?? 1, WriteSecurity: l.writeSecurity ?? 1, EnableVersioning: !!l.enableVersioning };
      const differing = (Object.keys(settings) as (keyof typeof settings)[]).filter((k) => info[k] !== settings[k]);
      if (differing.length > 0) {
        const patch = Object.fromEntries(differing.map((k) => [k, settings[k]]));
        steps.push({
          description: `Set ${differing.join(', ')} on "${l.title}"`,
          apply: async () => { await list.update(patch); }
        });
      }
    }
    return steps;
  }

  private async addField(l: ListDef, f: FieldDef): Promise<void> {
    const fields = this.sp.web.lists.getByTitle(l.title).fields;
    // Created under its internal name so SharePoint derives that name, then given its display title.
    const common = { Required: !!f.required, Indexed: !!f.indexed || !!f.unique, EnforceUniqueValues: !!f.unique, Description: f.description ?? '' };
    switch (f.kind) {
      case 'Text': await fields.addText(f.name, { ...common, MaxLength: f.maxLength ?? 255 }); break;
      case 'Note': await fields.addMultilineText(f.name, { ...common, RichText: !!f.richText, NumberOfLines: 6 }); break;
      case 'Number': await fields.addNumber(f.name, common); break;
      case 'DateTime': await fields.addDateTime(f.name, common); break;
      case 'Boolean': await fields.addBoolean(f.name, common); break;
      case 'Choice': await fields.addChoice(f.name, { ...common, Choices: [...(f.choices ?? [])] }); break;
      case 'User': await fields.addUser(f.name, { ...common, SelectionMode: FieldUserSelectionMode.PeopleOnly }); break;
    }
    if (f.title !== f.name) await fields.getByInternalNameOrTitle(f.name).update({ Title: f.title });
  }

  /** Ids of the principals; one not created yet is absent (set-up plans before it applies). */
  private async principalIds(): Promise<Partial<Record<Principal, number>>> {
    const web = this.sp.web;
    const [owners, visitors, groups] = await Promise.all([
      web.associatedOwnerGroup.select('Id')<{ Id: number }>(),
      web.associatedVisitorGroup.select('Id')<{ Id: number }>(),
      web.siteGroups.select('Title', 'Id')<{ Title: string; Id: number }[]>()
    ]);
    const out: Partial<Record<Principal, number>> = { owners: owners.Id, everyone: visitors.Id };
    for (const g of this.schema.groups) {
      const found = groups.find((x) => x.Title === g.title);
      if (found) out[g.principal] = found.Id;
    }
    return out;
  }

  /** Ids of the permission levels; one not created yet is absent. */
  private async roleIds(): Promise<Partial<Record<RoleName, number>>> {
    const defs = await this.sp.web.roleDefinitions.select('Name', 'Id', 'RoleTypeKind')<{ Name: string; Id: number; RoleTypeKind: number }[]>();
    const out: Partial<Record<RoleName, number>> = {};
    for (const def of this.schema.roles) {
      const found = defs.find((d) => (def.builtInRoleType ? d.RoleTypeKind === def.builtInRoleType : d.Name === def.name));
      if (found) out[def.role] = found.Id;
    }
    return out;
  }

  /**
   * Ids as they are when the first permission step runs (after the groups and levels the plan creates),
   * read once for the whole plan.
   */
  private idsWhenApplied(): () => Promise<{ principals: Record<Principal, number>; roles: Record<RoleName, number> }> {
    let ids: Promise<{ principals: Record<Principal, number>; roles: Record<RoleName, number> }> | undefined;
    return () => {
      ids ??= Promise.all([this.principalIds(), this.roleIds()]).then(([principals, roles]) => {
        for (const g of this.schema.groups) if (principals[g.principal] === undefined) throw new Error(`The group "${g.title}" is missing; run set-up again.`);
        for (const r of this.schema.roles) if (roles[r.role] === undefined) throw new Error(`The permission level "${r.name}" is missing; run set-up again.`);
        return { principals: principals as Record<Principal, number>, roles: roles as Record<RoleName, number> };
      });
      return ids;
    };
  }

  private async planPermissions(): Promise<ProvisionStep[]> {
    const [principals, roles, lists] = await Promise.all([this.principalIds(), this.roleIds(), this.existingLists()]);
    const ids = this.idsWhenApplied();
    const [batched, execute] = this.sp.batched();
    const assignments = new Map<string, AssignmentInfo[]>();
    for (const l of this.lists.filter((x) => lists.get(x.title)?.HasUniqueRoleAssignments)) {
      void batched.web.lists.getByTitle(l.title).roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id', 'RoleDefinitionBindings/Name', 'RoleDefinitionBindings/RoleTypeKind')<AssignmentInfo[]>()
        .then((a) => assignments.set(l.title, a));
    }
    await execute();

    const steps: ProvisionStep[] = [];
    for (const l of this.lists) {
      const list = this.sp.web.lists.getByTitle(l.title);
      const unique = lists.get(l.title)?.HasUniqueRoleAssignments ?? false;
      if (!unique) {
        steps.push({
          description: `Give "${l.title}" its own permissions`,
          apply: async () => { await list.breakRoleInheritance(false, true); }
        });
      }
      const have = unique ? (assignments.get(l.title) ?? []).flatMap((a) => a.RoleDefinitionBindings.filter((b) => b.RoleTypeKind !== LIMITED_ACCESS).map((b) => `${a.PrincipalId}:${b.Id}`)) : [];
      // A principal or level that does not exist yet has no assignment anywhere: its key matches nothing.
      const want = l.permissions.map((p) => `${principals[p.principal]}:${roles[p.role]}`);
      for (const p of l.permissions) {
        const key = `${principals[p.principal]}:${roles[p.role]}`;
        if (have.includes(key)) continue;
        steps.push({
          description: `Grant ${p.role} on "${l.title}" to ${p.principal}`,
          kind: 'permission',
          apply: async () => { const now = await ids(); await list.roleAssignments.add(now.principals[p.principal], now.roles[p.role]); }
        });
      }
      // Breaking inheritance leaves the person who ran it with their own entry; anything the schema
      // does not name is removed so the list's security is exactly the documented model.
      const extraAfterBreak = !unique;
      for (const key of have.filter((k) => !want.includes(k))) {
        const [principalId, roleId] = key.split(':').map(Number);
        steps.push({
          description: `Remove a permission on "${l.title}" that the security model does not include`,
          kind: 'permission',
          apply: async () => { await list.roleAssignments.remove(principalId, roleId); }
        });
      }
      if (extraAfterBreak) {
        steps.push({
          description: `Check "${l.title}" has only the permissions of the security model`,
          apply: async () => {
            const { principals: p, roles: r } = await ids();
            const wanted = l.permissions.map((x) => `${p[x.principal]}:${r[x.role]}`);
            const now = await list.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id', 'RoleDefinitionBindings/RoleTypeKind')<AssignmentInfo[]>();
            for (const a of now) for (const b of a.RoleDefinitionBindings) {
              if (b.RoleTypeKind !== LIMITED_ACCESS && !wanted.includes(`${a.PrincipalId}:${b.Id}`)) await list.roleAssignments.remove(a.PrincipalId, b.Id);
            }
          }
        });
      }
    }
    return steps;
  }
}
