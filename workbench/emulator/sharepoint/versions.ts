// List item versions: a list with EnableVersioning keeps every saved state of an item, served at
// items(N)/versions and items(N)/versions(V) (also items(N)/versions/getById(V)).
//
// What SharePoint does, and where it is written:
// - A version is kept on each save while the list has versioning on; a list item's versions are major
//   only, labelled "1.0", "2.0"…, and VersionId is major × 512 (so "1.0" is 512): PnP PowerShell
//   restores "the list item version with Id 512" as label "1.0",
//   https://pnp.github.io/powershell/cmdlets/Restore-PnPListItemVersion.html; the collection and its
//   GetById(versionId) are the CSOM ListItemVersionCollection,
//   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/mt827826(v=office.15).
// - The REST collection is items(N)/versions (pnp/pnpjs items: `versions` → defaultPath("versions");
//   https://github.com/pnp/cli-microsoft365/issues/3895 uses _api/web/lists/getbytitle('…')/items(1)/versions).
// - Newest first: the versions listing answers 3.0, 2.0, 1.0,
//   https://learn.microsoft.com/en-us/graph/api/listitem-list-versions (the same store behind REST).
// - Each version carries VersionId, VersionLabel, IsCurrentVersion, Created (when that version was
//   saved) and the item's field values as they were then (SP.ListItemVersion, FieldValues in CSOM:
//   https://pnp.github.io/script-samples/spo-get-list-item-version-history/README.html reads
//   $version.FieldValues); person fields come as SP.FieldUserValue {LookupId, LookupValue, Email}
//   under the field's own name (Editor, Owner), not the item's "EditorId" form.
// - Reading versions needs View Versions (SPBasePermissions.ViewVersions, 0x40) on the item, on top of
//   seeing the item; "read only own items" hides others' items, versions included (the item is not
//   found). https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms412690(v=office.15)
// - Paging: $top limits the page and $select picks version properties. $skip is honoured too; no
//   source found says whether SharePoint pages this collection by $skip (it is an ordinary OData
//   collection, not list items, where $skip is refused), so clients should read a page large enough
//   for an item's history and treat a full page as "maybe more". Other query options are refused as
//   not emulated rather than silently ignored.
import { isoNow, ok, type SpContext, type SpResult } from './context';
import { spErrors } from './errors';
import { entityPropertyName } from './fields';
import { itemEditLink } from './item-query';
import type { ItemRecord, ItemVersionRecord, ListRecord } from './model';
import { Complex, Entity } from './odata-format';
import type { Segment } from './path-segments';
import { Perm, demand } from './permissions';
import { listParam } from './projection';

const VERSION_ID_STEP = 512;

/**
 * The next server time for an item: now, but always after the item's last save, so two saves in the
 * same second never share a stamp and versions sort by time as they do by number.
 */
export function nextStamp(after: string | undefined): string {
  const now = isoNow();
  if (!after || Date.parse(now) > Date.parse(after)) return now;
  return new Date(Date.parse(after) + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Keeps the item's state as it is now as a past version, just before a save changes it (versioning
 * on). Copy on write: the current version is the item itself, so adding items (100,000 in a bench)
 * copies nothing, and only an item saved again pays for its history.
 */
export function keepPreviousVersion(list: ListRecord, item: ItemRecord): void {
  if (!list.EnableVersioning) return;
  const versions = (item.versions ??= []);
  versions.push({ major: versions.length + 1, at: item.Modified, editorId: item.EditorId, values: structuredClone(item.values) });
}

/** The current version's major number: one after the versions kept. */
function currentMajor(item: ItemRecord): number {
  return (item.versions?.length ?? 0) + 1;
}

/** The label an item reports as OData__UIVersionString. */
export function currentLabel(item: ItemRecord): string {
  return `${currentMajor(item)}.0`;
}

function userValue(ctx: SpContext, id: unknown): unknown {
  if (typeof id !== 'number') return null;
  const u = ctx.site.users.find((x) => x.Id === id);
  const g = u ? undefined : ctx.site.groups.find((x) => x.Id === id);
  return new Complex('SP.FieldUserValue', { Email: u?.Email ?? '', LookupId: id, LookupValue: u?.Title ?? g?.Title ?? '' });
}

function versionEntity(ctx: SpContext, list: ListRecord, item: ItemRecord, v: ItemVersionRecord, current: boolean): Entity {
  const props: Record<string, unknown> = {};
  for (const f of list.fields) {
    if (f.FromBaseType && f.InternalName !== 'Title') continue;
    const raw = v.values[entityPropertyName(f)] ?? null;
    const name = f.InternalName.startsWith('_') ? `OData_${f.InternalName}` : f.InternalName;
    props[name] = f.FieldTypeKind === 20 ? (Array.isArray(raw) ? raw.map((x) => userValue(ctx, x)) : userValue(ctx, raw)) : raw;
  }
  Object.assign(props, {
    Author: userValue(ctx, item.AuthorId),
    Editor: userValue(ctx, v.editorId),
    Modified: v.at,
    Created: v.at,
    ID: item.Id,
    IsCurrentVersion: current,
    VersionId: v.major * VERSION_ID_STEP,
    VersionLabel: `${v.major}.0`
  });
  return new Entity('SP.ListItemVersion', `${itemEditLink(list, item.Id)}/Versions(${v.major * VERSION_ID_STEP})`, props);
}

function project(e: Entity, select: string[] | undefined): Entity {
  if (!select || select.includes('*')) return e;
  const props: Record<string, unknown> = {};
  for (const s of select) {
    const key = Object.keys(e.props).find((k) => k.toLowerCase() === s.toLowerCase());
    if (!key) throw spErrors.fieldOrPropertyNotFound(s);
    props[key] = e.props[key];
  }
  return new Entity(e.type, e.editLink, props);
}

function nonNegative(raw: string | null, name: string): number | undefined {
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw spErrors.invalidQuery(`Invalid ${name} value '${raw}'.`);
  return n;
}

/** items(N)/versions[...]: `mask` is the caller's permissions on the (visible) item. */
export function handleVersions(ctx: SpContext, list: ListRecord, item: ItemRecord, mask: bigint, seg: Segment, rest: Segment[]): SpResult {
  if (ctx.req.method !== 'GET') throw spErrors.methodNotAllowed(ctx.req.method, 'versions');
  demand(mask, Perm.ViewVersions);
  for (const k of ctx.query.keys()) {
    if (k.startsWith('$') && !['$top', '$skip', '$select'].includes(k)) throw spErrors.notEmulated(`${k} on item versions`);
  }
  const select = listParam(ctx.query, '$select');
  // The kept versions and the current one (the item itself); without versioning only the current, as "1.0".
  const last: ItemVersionRecord = { major: currentMajor(item), at: item.Modified, editorId: item.EditorId, values: item.values };
  const stored = [...(item.versions ?? []), last];
  let wanted: number | undefined;
  if (seg.hasArgs) wanted = Number(seg.positional[0]);
  else if (rest[0]?.key === 'getbyid') { wanted = Number(rest[0].positional[0]); rest = rest.slice(1); }
  if (rest.length > 0) throw spErrors.notEmulated(`versions/${rest.map((r) => r.name).join('/')}`);
  const set = 'SP.ListItemVersion';
  if (wanted !== undefined) {
    const v = stored.find((x) => x.major * VERSION_ID_STEP === wanted);
    if (!v) throw spErrors.itemNotFound();
    return ok({ kind: 'entity', set, entity: project(versionEntity(ctx, list, item, v, v === last), select) });
  }
  const top = nonNegative(ctx.query.get('$top'), '$top');
  const skip = nonNegative(ctx.query.get('$skip'), '$skip') ?? 0;
  const newestFirst = [...stored].reverse();
  const page = newestFirst.slice(skip, top === undefined ? undefined : skip + top);
  return ok({ kind: 'collection', set, entities: page.map((v) => project(versionEntity(ctx, list, item, v, v === last), select)) });
}
