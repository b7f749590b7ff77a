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

const PRINCIPAL_TOKENS: Record<Principal, string> = {
  owners: '{associatedownergroup}',
  everyone: '{associatedvisitorgroup}',
  comms: GROUPS.find((g) => g.principal === 'comms')!.title,
  commsHeads: GROUPS.find((g) => g.principal === 'commsHeads')!.title
};

// PnP's permission names for the custom role definitions' bits (SPBasePermissions).
const PERMISSION_NAMES: [number, string][] = [
  [0x1, 'ViewListItems'], [0x2, 'AddListItems'], [0x4, 'EditListItems'], [0x8, 'DeleteListItems'], [0x20, 'OpenItems'],
  [0x40, 'ViewVersions'], [0x100, 'CancelCheckout'], [0x1000, 'ViewFormPages'], [0x10000, 'Open'], [0x20000, 'ViewPages'],
  [0x400000, 'CreateSSCSite'], [0x2000000, 'ManagePermissions'], [0x8000000, 'BrowseUserInfo']
];
const HIGH_PERMISSION_NAMES: [number, string][] = [[0x10, 'UseClientIntegration'], [0x20, 'UseRemoteAPIs'], [0x80, 'CreateAlerts'], [0x40000000, 'EnumeratePermissions']];

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
    return `            <pnp:RoleAssignment Principal="${xml(PRINCIPAL_TOKENS[p.principal])}" RoleDefinition="${xml(role.name)}" />`;
  }).join('\n');
  const builtIns = (l.indexedBuiltIns ?? []).map((n) => `        <!-- index the built-in field ${n}: Set-PnPField -List "${xml(l.title)}" -Identity ${n} -Values @{Indexed=$true} -->`).join('\n');
  return [
    `      <pnp:ListInstance ${attrs}>`,
    '        <pnp:Fields>',
    ...l.fields.map((f) => fieldXml(l, f)),
    '        </pnp:Fields>',
    ...(builtIns ? [builtIns] : []),
    '        <pnp:Security>',
    '          <pnp:BreakRoleInheritance CopyRoleAssignments="false" ClearSubscopes="true">',
    assignments,
    '          </pnp:BreakRoleInheritance>',
    '        </pnp:Security>',
    '      </pnp:ListInstance>'
  ].join('\n');
}

function roleDefinitionsXml(): string {
  return ROLE_DEFINITIONS.filter((r) => r.basePermissions).map((r) => {
    const p = r.basePermissions!;
    const low = PERMISSION_NAMES.filter(([bit]) => (p.Low & bit) !== 0);
    const high = HIGH_PERMISSION_NAMES.filter(([bit]) => (p.High & bit) !== 0);
    // A right without a name here would silently drop out of the template's permission level.
    const covered = (bits: [number, string][]) => bits.reduce((m, [bit]) => (m | bit) >>> 0, 0);
    if (covered(low) !== p.Low >>> 0 || covered(high) !== p.High >>> 0) throw new Error(`The permission level "${r.name}" has a right the template generator cannot name.`);
    const names = [...low, ...high].map(([, n]) => n);
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
