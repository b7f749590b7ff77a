import { createHash } from 'node:crypto';
import { ALL_LISTS, GROUPS, ROLE_DEFINITIONS, type FieldDef, type ListDef, type Principal } from '../src/data/schema';

// Generates the PnP provisioning template in sharepoint/provisioning from the same schema module
// that set-up applies at run time, for organisations that provision sites with PnP PowerShell
// (Invoke-PnPSiteTemplate). tests/schema/provisioning-template.test.ts fails when the committed file drifts.

const xml = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A stable GUID per list field (name-based, SHA-1, version 5 layout) so re-generation is byte-identical. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(`social-media-hub:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// PnP's tokens for the site's own groups; the hub's groups are named by their titles.
const SITE_GROUP_TOKENS: Partial<Record<Principal, string>> = { owners: '{associatedownergroup}', everyone: '{associatedvisitorgroup}' };

export function principalToken(p: Principal): string {
  const token = SITE_GROUP_TOKENS[p] ?? GROUPS.find((g) => g.principal === p)?.title;
  if (!token) throw new Error(`The schema names a principal "${p}" that is neither a site group nor one of its GROUPS`);
  return token;
}

/**
 * SPBasePermissions by name, as PnP templates spell them, with each bit as the two 32-bit halves the
 * schema uses (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms412690(v=office.15)).
 * A bit the schema sets and this table lacks stops the generator, so no right is silently dropped.
 */
export const BASE_PERMISSION_BITS: readonly [name: string, half: 'Low' | 'High', bit: number][] = [
  ['ViewListItems', 'Low', 0x1], ['AddListItems', 'Low', 0x2], ['EditListItems', 'Low', 0x4], ['DeleteListItems', 'Low', 0x8],
  ['ApproveItems', 'Low', 0x10], ['OpenItems', 'Low', 0x20], ['ViewVersions', 'Low', 0x40], ['DeleteVersions', 'Low', 0x80],
  ['CancelCheckout', 'Low', 0x100], ['ManagePersonalViews', 'Low', 0x200], ['ManageLists', 'Low', 0x800], ['ViewFormPages', 'Low', 0x1000],
  ['AnonymousSearchAccessList', 'Low', 0x2000], ['Open', 'Low', 0x10000], ['ViewPages', 'Low', 0x20000], ['AddAndCustomizePages', 'Low', 0x40000],
  ['ApplyThemeAndBorder', 'Low', 0x80000], ['ApplyStyleSheets', 'Low', 0x100000], ['ViewUsageData', 'Low', 0x200000], ['CreateSSCSite', 'Low', 0x400000],
  ['ManageSubwebs', 'Low', 0x800000], ['CreateGroups', 'Low', 0x1000000], ['ManagePermissions', 'Low', 0x2000000], ['BrowseDirectories', 'Low', 0x4000000],
  ['BrowseUserInfo', 'Low', 0x8000000], ['AddDelPrivateWebParts', 'Low', 0x10000000], ['UpdatePersonalWebParts', 'Low', 0x20000000], ['ManageWeb', 'Low', 0x40000000],
  ['AnonymousSearchAccessWebLists', 'Low', 0x80000000],
  ['UseClientIntegration', 'High', 0x10], ['UseRemoteAPIs', 'High', 0x20], ['ManageAlerts', 'High', 0x40], ['CreateAlerts', 'High', 0x80],
  ['EditMyUserInfo', 'High', 0x100], ['EnumeratePermissions', 'High', 0x40000000]
];

export function permissionNames(p: { High: number; Low: number }): string[] {
  const names = BASE_PERMISSION_BITS.filter(([, half, bit]) => ((p[half] >>> 0) & bit) >>> 0 === bit).map(([n]) => n);
  const covered = { Low: 0, High: 0 };
  for (const [, half, bit] of BASE_PERMISSION_BITS) if (((p[half] >>> 0) & bit) >>> 0 === bit) covered[half] = (covered[half] | bit) >>> 0;
  if (covered.Low !== p.Low >>> 0 || covered.High !== p.High >>> 0) throw new Error(`A permission bit has no PnP name: ${JSON.stringify(p)}`);
  return names;
}

/**
 * Built-in fields keep fixed ids on every list (SharePoint's own field definitions). In the
 * template they appear as list fields with those ids and Indexed="TRUE": the PnP engine finds the
 * list's existing field by id and updates it instead of adding a new one.
 */
export const BUILT_IN_FIELDS: Readonly<Record<string, { id: string; type: string; displayName: string }>> = {
  Title: { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', type: 'Text', displayName: 'Title' },
  Author: { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', type: 'User', displayName: 'Created By' },
  Editor: { id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', type: 'User', displayName: 'Modified By' },
  Created: { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', type: 'DateTime', displayName: 'Created' },
  Modified: { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', type: 'DateTime', displayName: 'Modified' }
};

function builtInIndexXml(name: string): string {
  const f = BUILT_IN_FIELDS[name];
  if (!f) throw new Error(`No fixed id known for the built-in field "${name}"; add it to BUILT_IN_FIELDS`);
  return `          <Field ID="{${f.id}}" Name="${name}" StaticName="${name}" DisplayName="${xml(f.displayName)}" Type="${f.type}" Indexed="TRUE" />`;
}

function fieldXml(list: ListDef, f: FieldDef): string {
  const type = f.kind === 'User' ? 'User' : f.kind;
  const attrs = [
    `ID="{${stableGuid(`${list.key}.${f.name}`)}}"`, `Name="${f.name}"`, `StaticName="${f.name}"`, `DisplayName="${xml(f.title)}"`, `Type="${type}"`,
    f.required ? 'Required="TRUE"' : '', f.indexed || f.unique ? 'Indexed="TRUE"' : '', f.unique ? 'EnforceUniqueValues="TRUE"' : '',
    f.kind === 'Text' ? `MaxLength="${f.maxLength ?? 255}"` : '', f.kind === 'Note' ? `RichText="${f.richText ? 'TRUE' : 'FALSE'}" NumLines="6"` : '',
    f.kind === 'User' ? 'UserSelectionMode="PeopleOnly"' : '', f.description ? `Description="${xml(f.description)}"` : ''
  ].filter(Boolean).join(' ');
  if (f.kind === 'Choice') {
    const choices = (f.choices ?? []).map((c) => `<CHOICE>${xml(c)}</CHOICE>`).join('');
    return `          <Field ${attrs}><CHOICES>${choices}</CHOICES></Field>`;
  }
  return `          <Field ${attrs} />`;
}

function listXml(l: ListDef): string {
  const attrs = [
    `Title="${xml(l.title)}"`, `Description="${xml(l.description)}"`, 'TemplateType="100"', `Url="Lists/${l.title.replace(/\s+/g, '')}"`,
    `EnableVersioning="${l.enableVersioning ? 'true' : 'false'}"`, `ReadSecurity="${l.readSecurity ?? 1}"`, `WriteSecurity="${l.writeSecurity ?? 1}"`
  ].join(' ');
  const assignments = l.permissions.map((p) => {
    const role = ROLE_DEFINITIONS.find((r) => r.role === p.role)!;
    return `            <pnp:RoleAssignment Principal="${xml(principalToken(p.principal))}" RoleDefinition="${xml(role.name)}" />`;
  });
  // Breaking inheritance without copying leaves whoever applies the template with Full Control of
  // their own on the list; set-up removes that entry, so the template does too.
  const fullControl = ROLE_DEFINITIONS.find((r) => r.builtInRoleType === 5)!;
  assignments.push(`            <pnp:RoleAssignment Principal="{currentuserloginname}" RoleDefinition="${xml(fullControl.name)}" Remove="true" />`);
  return [
    `      <pnp:ListInstance ${attrs}>`,
    '        <pnp:Fields>',
    ...l.fields.map((f) => fieldXml(l, f)),
    ...(l.indexedBuiltIns ?? []).map((n) => builtInIndexXml(n)),
    '        </pnp:Fields>',
    '        <pnp:Security>',
    '          <pnp:BreakRoleInheritance CopyRoleAssignments="false" ClearSubscopes="true">',
    ...assignments,
    '          </pnp:BreakRoleInheritance>',
    '        </pnp:Security>',
    '      </pnp:ListInstance>'
  ].join('\n');
}

function roleDefinitionsXml(): string {
  return ROLE_DEFINITIONS.filter((r) => r.basePermissions).map((r) => {
    const names = permissionNames(r.basePermissions!);
    return [
      `          <pnp:RoleDefinition Name="${xml(r.name)}" Description="${xml(r.description ?? '')}">`,
      '            <pnp:Permissions>',
      ...names.map((n) => `              <pnp:Permission>${n}</pnp:Permission>`),
      '            </pnp:Permissions>',
      '          </pnp:RoleDefinition>'
    ].join('\n');
  }).join('\n');
}

export function provisioningTemplateXml(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from src/data/schema by `npm run provisioning`. Do not edit by hand. -->',
    '<pnp:Provisioning xmlns:pnp="http://schemas.dev.office.com/PnP/2022/09/ProvisioningSchema">',
    '  <pnp:Preferences Generator="social-media-hub" />',
    '  <pnp:Templates ID="SocialMediaHubTemplates">',
    '    <pnp:ProvisioningTemplate ID="SocialMediaHub" Version="1" Scope="RootSite">',
    '      <pnp:Security>',
    '        <pnp:SiteGroups>',
    ...GROUPS.map((g) => `          <pnp:SiteGroup Title="${xml(g.title)}" Description="${xml(g.description)}" Owner="{associatedownergroup}" OnlyAllowMembersViewMembership="false" />`),
    '        </pnp:SiteGroups>',
    '        <pnp:Permissions>',
    '          <pnp:RoleDefinitions>',
    roleDefinitionsXml(),
    '          </pnp:RoleDefinitions>',
    '        </pnp:Permissions>',
    '      </pnp:Security>',
    '      <pnp:Lists>',
    ...ALL_LISTS.map(listXml),
    '      </pnp:Lists>',
    '    </pnp:ProvisioningTemplate>',
    '  </pnp:Templates>',
    '</pnp:Provisioning>',
    ''
  ].join('\n');
}

export const TEMPLATE_PATH = 'sharepoint/provisioning/social-media-hub.xml';
