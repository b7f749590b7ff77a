// List columns: the built-in ones every generic list has, fields.add* (verbose bodies), MERGE of
// Indexed/EnforceUniqueValues/Choices..., DELETE, and SharePoint's limits on them.
import { randomUUID } from 'node:crypto';
import { ok, emptyOk, jsonBody, unwrapResults, type SpContext, type SpResult } from './context';
import { spErrors, SpError } from './errors';
import type { FieldRecord, ListRecord } from './model';
import { Entity } from './odata-format';
import type { Segment } from './path-segments';
import { Perm, demand } from './permissions';
import { queryEntities, project, listParam } from './projection';

export const MAX_INDEXED_FIELDS = 20;

const KIND_INFO: Record<number, { type: string; odata: string }> = {
  1: { type: 'Integer', odata: 'SP.FieldNumber' },
  2: { type: 'Text', odata: 'SP.FieldText' },
  3: { type: 'Note', odata: 'SP.FieldMultiLineText' },
  4: { type: 'DateTime', odata: 'SP.FieldDateTime' },
  5: { type: 'Counter', odata: 'SP.Field' },
  6: { type: 'Choice', odata: 'SP.FieldChoice' },
  8: { type: 'Boolean', odata: 'SP.Field' },
  9: { type: 'Number', odata: 'SP.FieldNumber' },
  10: { type: 'Currency', odata: 'SP.FieldCurrency' },
  11: { type: 'URL', odata: 'SP.FieldUrl' },
  12: { type: 'Computed', odata: 'SP.FieldComputed' },
  14: { type: 'Guid', odata: 'SP.FieldGuid' },
  15: { type: 'MultiChoice', odata: 'SP.FieldMultiChoice' },
  19: { type: 'Attachments', odata: 'SP.Field' },
  20: { type: 'User', odata: 'SP.FieldUser' },
  25: { type: 'ContentTypeId', odata: 'SP.Field' }
};

/** Field kinds a client may create here; the rest answer "not emulated" so gaps are obvious. */
const CREATABLE = new Set([1, 2, 3, 4, 6, 8, 9, 10, 11, 15, 20]);

const ODATA_TO_KIND: Record<string, number> = {
  'SP.FieldText': 2, 'SP.FieldMultiLineText': 3, 'SP.FieldDateTime': 4, 'SP.FieldChoice': 6, 'SP.FieldNumber': 9,
  'SP.FieldCurrency': 10, 'SP.FieldUrl': 11, 'SP.FieldMultiChoice': 15, 'SP.FieldUser': 20
};

function field(partial: Partial<FieldRecord> & Pick<FieldRecord, 'InternalName' | 'Title' | 'FieldTypeKind'>): FieldRecord {
  return {
    Id: randomUUID(),
    TypeAsString: KIND_INFO[partial.FieldTypeKind]?.type ?? 'Text',
    Indexed: false,
    Required: false,
    EnforceUniqueValues: false,
    Hidden: false,
    ReadOnlyField: false,
    Description: '',
    Group: 'Custom Columns',
    FromBaseType: false,
    extra: {},
    ...partial
  };
}

/**
 * SharePoint's fixed ids for the columns every list has (SPBuiltInFieldId,
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms411768(v=office.15),
 * lists the names; the values are the same in every tenant and appear in each list's SchemaXml and in
 * PnP Framework's BuiltInFieldId, https://pnp.github.io/pnpframework/api/PnP.Framework.Enums.BuiltInFieldId.html).
 * Code that finds a column by id (provisioning templates, CAML FieldRef ID=) relies on them.
 */
export const BUILT_IN_FIELD_IDS = {
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  GUID: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0',
  Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
  ContentTypeId: '03e45e84-1992-4d42-9116-26f756012634',
  _UIVersionString: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
  // SharePoint's column is FSObjType; the emulator names it after the property items expose.
  FileSystemObjectType: '30bb605f-5bae-48fe-b4e3-1f81d9772af9'
} as const;

export function builtInFields(): FieldRecord[] {
  const base = { FromBaseType: true, Group: '_Hidden' };
  const ids = BUILT_IN_FIELD_IDS;
  return [
    field({ ...base, Id: ids.ID, InternalName: 'ID', Title: 'ID', FieldTypeKind: 5, ReadOnlyField: true, Indexed: true }),
    field({ ...base, Id: ids.Title, InternalName: 'Title', Title: 'Title', FieldTypeKind: 2, Required: true, MaxLength: 255, Group: 'Custom Columns' }),
    field({ ...base, Id: ids.Created, InternalName: 'Created', Title: 'Created', FieldTypeKind: 4, ReadOnlyField: true }),
    field({ ...base, Id: ids.Modified, InternalName: 'Modified', Title: 'Modified', FieldTypeKind: 4, ReadOnlyField: true }),
    field({ ...base, Id: ids.Author, InternalName: 'Author', Title: 'Created By', FieldTypeKind: 20, ReadOnlyField: true }),
    field({ ...base, Id: ids.Editor, InternalName: 'Editor', Title: 'Modified By', FieldTypeKind: 20, ReadOnlyField: true }),
    field({ ...base, Id: ids.GUID, InternalName: 'GUID', Title: 'GUID', FieldTypeKind: 14, ReadOnlyField: true, Hidden: true }),
    field({ ...base, Id: ids.Attachments, InternalName: 'Attachments', Title: 'Attachments', FieldTypeKind: 19, ReadOnlyField: true }),
    field({ ...base, Id: ids.ContentTypeId, InternalName: 'ContentTypeId', Title: 'Content Type ID', FieldTypeKind: 25, ReadOnlyField: true, Hidden: true }),
    field({ ...base, Id: ids._UIVersionString, InternalName: '_UIVersionString', Title: 'Version', FieldTypeKind: 2, ReadOnlyField: true }),
    field({ ...base, Id: ids.FileSystemObjectType, InternalName: 'FileSystemObjectType', Title: 'Item Type', FieldTypeKind: 1, ReadOnlyField: true, Hidden: true })
  ];
}

/** The JSON property an item exposes for a field: user fields are written and read as <Name>Id. */
export function entityPropertyName(f: FieldRecord): string {
  const base = f.InternalName.startsWith('_') ? `OData_${f.InternalName}` : f.InternalName;
  return f.FieldTypeKind === 20 ? `${base}Id` : base;
}

/** SharePoint-style encoding for names: letters, digits and underscores stay, the rest become _xHHHH_. */
export function encodeName(title: string): string {
  let out = '';
  for (const ch of title) {
    out += /[A-Za-z0-9_]/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  }
  return out;
}

export function fieldEntity(list: ListRecord, f: FieldRecord): Entity {
  const props: Record<string, unknown> = {
    ...f.extra,
    CanBeDeleted: !f.FromBaseType,
    DefaultValue: f.DefaultValue ?? null,
    Description: f.Description,
    EnforceUniqueValues: f.EnforceUniqueValues,
    EntityPropertyName: f.InternalName.startsWith('_') ? `OData_${f.InternalName}` : f.InternalName,
    FieldTypeKind: f.FieldTypeKind,
    FromBaseType: f.FromBaseType,
    Group: f.Group,
    Hidden: f.Hidden,
    Id: f.Id,
    Indexed: f.Indexed,
    InternalName: f.InternalName,
    ReadOnlyField: f.ReadOnlyField,
    Required: f.Required,
    StaticName: f.InternalName,
    Title: f.Title,
    TypeAsString: f.TypeAsString,
    TypeDisplayName: f.TypeAsString
  };
  if (f.MaxLength !== undefined) props.MaxLength = f.MaxLength;
  if (f.Choices !== undefined) { props.Choices = [...f.Choices]; props.FillInChoice = !!f.FillInChoice; }
  if (f.FieldTypeKind === 20) props.AllowMultipleValues = !!f.AllowMultipleValues;
  if (f.MinimumValue !== undefined) props.MinimumValue = f.MinimumValue;
  if (f.MaximumValue !== undefined) props.MaximumValue = f.MaximumValue;
  const type = f.FieldTypeKind === 20 && f.AllowMultipleValues ? 'SP.FieldUser' : KIND_INFO[f.FieldTypeKind]?.odata ?? 'SP.Field';
  return new Entity(type, `Web/Lists(guid'${list.Id}')/Fields(guid'${f.Id}')`, props);
}

export function findField(list: ListRecord, nameOrTitle: string): FieldRecord | undefined {
  const n = nameOrTitle.toLowerCase();
  return list.fields.find((f) => f.InternalName.toLowerCase() === n) ?? list.fields.find((f) => f.Title.toLowerCase() === n);
}

function indexedCount(list: ListRecord): number {
  return list.fields.filter((f) => f.Indexed && f.InternalName !== 'ID').length;
}

function uniqueKey(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);
}

function assertNoDuplicates(list: ListRecord, f: FieldRecord): void {
  const seen = new Set<string>();
  const key = entityPropertyName(f);
  for (const item of list.items) {
    const k = uniqueKey(item.values[key]);
    if (k === undefined) continue;
    if (seen.has(k)) {
      throw new SpError(400, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
        `This field contains duplicate values. Remove all duplicate values and try the operation again.`);
    }
    seen.add(k);
  }
}

const choicesFrom = (v: unknown): string[] => {
  const arr = unwrapResults(v);
  if (!Array.isArray(arr)) throw spErrors.badValue('Choices must be a collection of strings.');
  return arr.map(String);
};

/** Applies client-settable field properties, enforcing SharePoint's rules on indexes and uniqueness. */
function applyFieldProps(list: ListRecord, f: FieldRecord, body: Record<string, unknown>, creating: boolean): void {
  const next = { ...f, extra: { ...f.extra } };
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.')) continue;
    switch (k) {
      case 'Title': next.Title = String(v); break;
      case 'FieldTypeKind': case 'TypeAsString':
        if (!creating && Number(v) !== f.FieldTypeKind && v !== f.TypeAsString) throw spErrors.badValue('Changing the type of a column is not emulated.');
        break;
      case 'Indexed': next.Indexed = v === true; break;
      case 'Required': next.Required = v === true; break;
      case 'EnforceUniqueValues': next.EnforceUniqueValues = v === true; break;
      case 'Hidden': next.Hidden = v === true; break;
      case 'Description': next.Description = String(v ?? ''); break;
      case 'Group': next.Group = String(v ?? ''); break;
      case 'MaxLength': next.MaxLength = Number(v); break;
      case 'Choices': next.Choices = choicesFrom(v); break;
      case 'FillInChoice': next.FillInChoice = v === true; break;
      case 'AllowMultipleValues': next.AllowMultipleValues = v === true; break;
      case 'MinimumValue': next.MinimumValue = Number(v); break;
      case 'MaximumValue': next.MaximumValue = Number(v); break;
      case 'DefaultValue': next.DefaultValue = v === null ? null : String(v); break;
      case 'StaticName': case 'InternalName': case 'Id': case 'ReadOnlyField':
        if (!creating) throw spErrors.badValue(`The property '${k}' of a field cannot be changed.`);
        break;
      default: next.extra[k] = v;
    }
  }
  if (next.FieldTypeKind === 2) {
    next.MaxLength ??= 255;
    if (!(next.MaxLength >= 1 && next.MaxLength <= 255)) throw spErrors.badValue('The maximum length of a single line of text column must be between 1 and 255.');
  }
  // SharePoint indexes the column for you in the UI; through the API an unindexed unique column is refused
  // (http://www.zquad.in/2010/03/unique-column.html: an index must exist while a column is unique).
  if (next.EnforceUniqueValues && !next.Indexed) {
    throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException',
      'The column must be indexed before it can enforce unique values. Set Indexed to true.');
  }
  if (next.EnforceUniqueValues && list.ReadSecurity === 2) throw spErrors.uniqueWithReadOwn();
  if (next.EnforceUniqueValues && [3, 15].includes(next.FieldTypeKind)) {
    throw spErrors.badValue('Unique values cannot be enforced on this type of column.');
  }
  if (next.Indexed && !f.Indexed && indexedCount(list) + (creating ? 1 : 1) > MAX_INDEXED_FIELDS) {
    throw new SpError(400, '-2130575340, Microsoft.SharePoint.SPException',
      `You cannot create more than ${MAX_INDEXED_FIELDS} indexed columns on a list. Remove an index before adding another.`);
  }
  if (next.EnforceUniqueValues && !f.EnforceUniqueValues && !creating) assertNoDuplicates(list, next);
  Object.assign(f, next);
}

export function createField(ctx: SpContext, list: ListRecord, body: Record<string, unknown>): FieldRecord {
  const meta = body.__metadata as { type?: string } | undefined;
  const kind = Number(body.FieldTypeKind ?? (meta?.type ? ODATA_TO_KIND[meta.type] : undefined));
  if (!CREATABLE.has(kind)) throw spErrors.notEmulated(`creating fields of FieldTypeKind ${body.FieldTypeKind ?? meta?.type}`);
  const title = String(body.Title ?? '').trim();
  if (!title) throw spErrors.badValue('The field needs a Title.');
  if (list.fields.some((f) => f.Title.toLowerCase() === title.toLowerCase() || f.InternalName.toLowerCase() === title.toLowerCase())) {
    throw new SpError(400, '-2130575245, Microsoft.SharePoint.SPException', `A duplicate field name "${title}" was found.`);
  }
  let internal = encodeName(title.replace(/\s+/g, ''));
  const base = internal;
  for (let n = 0; list.fields.some((f) => f.InternalName.toLowerCase() === internal.toLowerCase()); n++) internal = `${base}${n}`;
  const f = field({ InternalName: internal, Title: title, FieldTypeKind: kind });
  if (kind === 11) f.extra.DisplayFormat = 0;
  applyFieldProps(list, f, { ...body, Title: title }, true);
  list.fields.push(f);
  ctx.dirty();
  return f;
}

function resolveField(list: ListRecord, seg: Segment): FieldRecord {
  const arg = String(seg.positional[0] ?? '');
  let f: FieldRecord | undefined;
  switch (seg.key) {
    case 'getbyinternalnameortitle': f = findField(list, arg); break;
    case 'getbytitle': f = list.fields.find((x) => x.Title.toLowerCase() === arg.toLowerCase()); break;
    case 'getbyid': case 'fields': f = list.fields.find((x) => x.Id.toLowerCase() === arg.toLowerCase()); break;
    default: throw spErrors.notEmulated(`fields/${seg.name}`);
  }
  if (!f) throw new SpError(400, '-2147024809, System.ArgumentException', `Column '${arg}' does not exist. It may have been deleted by another user.`);
  return f;
}

/** list/fields[...] */
export function handleFields(ctx: SpContext, list: ListRecord, listMask: bigint, rest: Segment[], fieldsSeg: Segment): SpResult {
  const { req } = ctx;
  const set = 'SP.ApiData.Fields';
  if (rest.length === 0 && !fieldsSeg.hasArgs) {
    if (req.method === 'GET') return ok({ kind: 'collection', set, entities: queryEntities(list.fields.map((f) => fieldEntity(list, f)), ctx.query) });
    if (req.method === 'POST') {
      demand(listMask, Perm.ManageLists);
      const f = createField(ctx, list, jsonBody(ctx));
      return ok({ kind: 'entity', set, entity: fieldEntity(list, f) }, 201);
    }
    throw spErrors.methodNotAllowed(req.method, 'fields');
  }
  if (rest[0]?.key === 'addfield' || rest[0]?.key === 'createfieldasxml') throw spErrors.notEmulated(`fields/${rest[0].name} (use fields.add*)`);
  const f = resolveField(list, fieldsSeg.hasArgs ? fieldsSeg : rest[0]);
  const after = fieldsSeg.hasArgs ? rest : rest.slice(1);
  if (after.length) throw spErrors.notEmulated(`fields(...)/${after[0].name}`);
  if (req.method === 'GET') return ok({ kind: 'entity', set, entity: project(fieldEntity(list, f), listParam(ctx.query, '$select')) });
  demand(listMask, Perm.ManageLists);
  if (req.method === 'MERGE' || req.method === 'PATCH') {
    applyFieldProps(list, f, jsonBody(ctx), false);
    ctx.dirty();
    return { status: 204, payload: { kind: 'empty' } };
  }
  if (req.method === 'DELETE') {
    if (f.FromBaseType) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot delete this column because it is a built-in column.');
    list.fields = list.fields.filter((x) => x !== f);
    const key = entityPropertyName(f);
    for (const item of list.items) delete item.values[key];
    ctx.dirty();
    return emptyOk();
  }
  throw spErrors.methodNotAllowed(req.method, 'a field');
}
