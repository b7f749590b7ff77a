// Applies the generated PnP provisioning template (sharepoint/provisioning/social-media-hub.xml) to a
// site the way the PnP engine does, through SharePoint REST, so a test can compare a template-made
// site with a set-up-made one. It reads only the XML, never the schema module: whatever the template
// cannot express shows up as a difference.
//
// What it does, in PnP's order (SiteSecurity, then ListInstances): role definitions from their
// permission names, site groups, lists (title, description, template 100), list settings, fields
// (a field whose ID or name the list already has is updated, as PnP updates built-in fields; any other
// is added), then BreakRoleInheritance with its two flags and each RoleAssignment, with
// {associatedownergroup}/{associatedvisitorgroup} resolved to the site's own groups and
// {currentuserloginname} to the applying user (a RoleAssignment with Remove="true" removes). PnP adds fields
// with CSOM's AddFieldAsXml; the emulator has no createfieldasxml, so each <Field> is turned into the
// equivalent REST field creation (FieldTypeKind and the same properties).
import { JSDOM } from 'jsdom';
import type { SPFI } from '@pnp/sp';
import { BASE_PERMISSION_BITS } from '../../scripts/provisioning-template';

const PNP_NS = 'http://schemas.dev.office.com/PnP/2022/09/ProvisioningSchema';

const FIELD_TYPE_KINDS: Record<string, number> = { Text: 2, Note: 3, DateTime: 4, Choice: 6, Boolean: 8, Number: 9, User: 20 };

const truthy = (v: string | null): boolean => (v ?? '').toUpperCase() === 'TRUE';

function children(el: Element, localName: string): Element[] {
  return Array.from(el.children).filter((c) => c.localName === localName);
}

function child(el: Element, localName: string): Element | undefined {
  return children(el, localName)[0];
}

function basePermissionsFrom(names: string[]): { High: number; Low: number } {
  const out = { High: 0, Low: 0 };
  for (const n of names) {
    const found = BASE_PERMISSION_BITS.find(([name]) => name === n);
    if (!found) throw new Error(`The template names a permission PnP would not know: ${n}`);
    out[found[1]] = (out[found[1]] | found[2]) >>> 0;
  }
  return out;
}

/** The REST properties of a field from its template attributes. */
function fieldProperties(f: Element): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (f.hasAttribute('Required')) props.Required = truthy(f.getAttribute('Required'));
  if (f.hasAttribute('Indexed')) props.Indexed = truthy(f.getAttribute('Indexed'));
  if (f.hasAttribute('EnforceUniqueValues')) props.EnforceUniqueValues = truthy(f.getAttribute('EnforceUniqueValues'));
  if (f.hasAttribute('MaxLength')) props.MaxLength = Number(f.getAttribute('MaxLength'));
  if (f.hasAttribute('Description')) props.Description = f.getAttribute('Description');
  const choices = child(f, 'CHOICES');
  if (choices) props.Choices = children(choices, 'CHOICE').map((c) => c.textContent ?? '');
  return props;
}

export interface AppliedTemplate {
  lists: string[];
  roleDefinitions: string[];
  groups: string[];
}

export async function applyTemplate(sp: SPFI, xmlText: string): Promise<AppliedTemplate> {
  const doc = new JSDOM(xmlText, { contentType: 'text/xml' }).window.document;
  const template = doc.getElementsByTagNameNS(PNP_NS, 'ProvisioningTemplate')[0];
  if (!template) throw new Error('No pnp:ProvisioningTemplate in the XML');
  const web = sp.web;
  const applied: AppliedTemplate = { lists: [], roleDefinitions: [], groups: [] };

  const security = child(template, 'Security');
  for (const def of security ? Array.from(security.getElementsByTagNameNS(PNP_NS, 'RoleDefinition')) : []) {
    const names = Array.from(def.getElementsByTagNameNS(PNP_NS, 'Permission')).map((p) => p.textContent?.trim() ?? '');
    const name = def.getAttribute('Name')!;
    await web.roleDefinitions.add(name, def.getAttribute('Description') ?? '', 100, basePermissionsFrom(names));
    applied.roleDefinitions.push(name);
  }
  for (const g of security ? Array.from(security.getElementsByTagNameNS(PNP_NS, 'SiteGroup')) : []) {
    const title = g.getAttribute('Title')!;
    await web.siteGroups.add({
      Title: title,
      Description: g.getAttribute('Description') ?? '',
      OnlyAllowMembersViewMembership: truthy(g.getAttribute('OnlyAllowMembersViewMembership'))
    });
    applied.groups.push(title);
  }

  const [owners, visitors] = await Promise.all([web.associatedOwnerGroup.select('Id')<{ Id: number }>(), web.associatedVisitorGroup.select('Id')<{ Id: number }>()]);
  const principalId = async (token: string): Promise<number> => {
    if (token === '{associatedownergroup}') return owners.Id;
    // PnP resolves a principal that is not a group with EnsureUser; the token is the applying user.
    if (token === '{currentuserloginname}') return (await web.currentUser.select('Id')<{ Id: number }>()).Id;
    if (token === '{associatedvisitorgroup}') return visitors.Id;
    return (await web.siteGroups.getByName(token).select('Id')<{ Id: number }>()).Id;
  };
  const roleId = async (name: string): Promise<number> => (await web.roleDefinitions.getByName(name).select('Id')<{ Id: number }>()).Id;

  const lists = child(template, 'Lists');
  for (const l of lists ? children(lists, 'ListInstance') : []) {
    const title = l.getAttribute('Title')!;
    await web.lists.add(title, l.getAttribute('Description') ?? '', Number(l.getAttribute('TemplateType') ?? 100), false);
    const list = web.lists.getByTitle(title);
    await list.update({
      ReadSecurity: Number(l.getAttribute('ReadSecurity') ?? 1),
      WriteSecurity: Number(l.getAttribute('WriteSecurity') ?? 1),
      EnableVersioning: truthy(l.getAttribute('EnableVersioning'))
    });

    const existing = await list.fields.select('Id', 'InternalName')<{ Id: string; InternalName: string }[]>();
    for (const f of children(child(l, 'Fields') ?? l, 'Field')) {
      const id = (f.getAttribute('ID') ?? '').replace(/[{}]/g, '').toLowerCase();
      const name = f.getAttribute('Name')!;
      const props = fieldProperties(f);
      const match = existing.find((x) => x.Id.toLowerCase() === id || x.InternalName === name);
      if (match) {
        await list.fields.getByInternalNameOrTitle(match.InternalName).update(props);
        continue;
      }
      const kind = FIELD_TYPE_KINDS[f.getAttribute('Type') ?? ''];
      if (!kind) throw new Error(`Field type ${f.getAttribute('Type')} has no REST equivalent here`);
      // Created under its internal name, then given its display name, as AddFieldAsXml with
      // AddFieldInternalNameHint leaves it.
      await list.fields.add(name, kind, props);
      const display = f.getAttribute('DisplayName');
      if (display && display !== name) await list.fields.getByInternalNameOrTitle(name).update({ Title: display });
    }

    const breakInheritance = child(child(l, 'Security') ?? l, 'BreakRoleInheritance');
    if (breakInheritance) {
      await list.breakRoleInheritance(truthy(breakInheritance.getAttribute('CopyRoleAssignments')), truthy(breakInheritance.getAttribute('ClearSubscopes')));
      for (const a of children(breakInheritance, 'RoleAssignment')) {
        const principal = await principalId(a.getAttribute('Principal')!);
        const role = await roleId(a.getAttribute('RoleDefinition')!);
        if (truthy(a.getAttribute('Remove'))) await list.roleAssignments.remove(principal, role);
        else await list.roleAssignments.add(principal, role);
      }
    }
    applied.lists.push(title);
  }
  return applied;
}
