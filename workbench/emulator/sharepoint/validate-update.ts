// The form-style write endpoints: items(N)/ValidateUpdateListItem and
// lists(...)/AddValidateUpdateItemUsingPath. Values arrive as strings the way a list form posts
// them; problems with a value come back per field (HasException/ErrorMessage) in a 200 answer and
// nothing is written, while a caller without the right to write gets the ordinary 403.
//
// Sources:
// - Return type and all-or-nothing commit: [MS-CSOMSPT] 3.2.5.79.2.1.19 AddValidateUpdateItemUsingPath,
//   https://learn.microsoft.com/en-us/openspecs/sharepoint_protocols/ms-csomspt/dd461c25-595c-45ea-adbf-139145dfc2b0
//   ("If there's any exception in any of the fields, the item will not be committed"), and the
//   ListItemFormUpdateValue members (ErrorCode, ErrorMessage, FieldName, FieldValue, HasException, ItemId),
//   https://learn.microsoft.com/en-us/dotnet/api/microsoft.sharepoint.client.listitemformupdatevalue
// - The new item's id comes back as an entry named "Id": PnP Core SDK reads it that way
//   (pnp/pnpcore src/sdk/PnP.Core/Model/SharePoint/Core/Internal/ListItem.cs, MappingHandler).
// - bNewDocumentUpdate=true is UpdateOverwriteVersion (no new version):
//   https://robertschouten.com/2018/04/30/update-file-metadata-with-rest-api-using-validateupdatelistitem-method/
// - Author/Editor/Created/Modified: honoured for administrators (https://github.com/pnp/pnpjs/issues/3265,
//   done "with an admin account"); for others the call answers 200 with HasException false on every
//   field and the author does not change ("quietly fails",
//   https://github.com/vgrem/office365-rest-python-client/issues/843). The emulator honours them only
//   for a caller whose permissions on the item are Full Control, and otherwise ignores them that quietly.
import { jsonBody, ok, unwrapResults, type SpContext, type SpResult } from './context';
import { spErrors, SpError } from './errors';
import { findField, entityPropertyName } from './fields';
import { assertUnique, validateWrite } from './item-values';
import { createItem } from './items';
import type { FieldRecord, ItemRecord, ListRecord } from './model';
import { Complex } from './odata-format';
import { FULL_MASK, Perm, assertWriteSecurity, demand, has } from './permissions';
import { findUserByLogin, ensureDirectoryPerson } from './principals';
import { visibility } from './item-query';
import { keepPreviousVersion, nextStamp } from './versions';

interface FormValue {
  FieldName: string;
  FieldValue: string;
}

interface Outcome {
  FieldName: string;
  FieldValue: string;
  HasException: boolean;
  ErrorCode: number;
  ErrorMessage: string | null;
}

/** Columns SharePoint keeps itself; only a Full Control caller may set them through these endpoints. */
const SYSTEM_COLUMNS = new Set(['Author', 'Editor', 'Created', 'Modified']);

function readFormValues(body: Record<string, unknown>): FormValue[] {
  const raw = unwrapResults(body.formValues);
  if (!Array.isArray(raw)) throw spErrors.invalidRequest("The parameter 'formValues' is missing or is not a collection.");
  return raw.map((v) => {
    const o = (v ?? {}) as Record<string, unknown>;
    if (typeof o.FieldName !== 'string' || o.FieldName === '') throw spErrors.invalidRequest('Each form value needs a FieldName.');
    const value = o.FieldValue;
    return { FieldName: o.FieldName, FieldValue: value === null || value === undefined ? '' : String(value) };
  });
}

function codeNumber(err: SpError): number {
  const n = Number(err.code.split(',')[0]);
  return Number.isFinite(n) ? n : -1;
}

function failed(fv: FormValue, code: number, message: string): Outcome {
  return { FieldName: fv.FieldName, FieldValue: fv.FieldValue, HasException: true, ErrorCode: code, ErrorMessage: message };
}

/** A form date: ISO 8601 or the US form "12/31/2025 10:00 AM". */
function parseFormDate(s: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(s.trim());
  let ms: number;
  if (us) {
    let h = Number(us[4] ?? 0);
    if (us[7]) h = (h % 12) + (us[7].toUpperCase() === 'PM' ? 12 : 0);
    ms = Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), h, Number(us[5] ?? 0), Number(us[6] ?? 0));
  } else if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    ms = Date.parse(s);
  } else {
    return undefined;
  }
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** People-picker values: [{"Key":"i:0#.f|membership|upn"}] (JSON), or a site user id. */
function parsePeople(ctx: SpContext, text: string): number[] | undefined {
  if (text.trim() === '') return [];
  if (/^\d+$/.test(text.trim())) return [Number(text.trim())];
  let parsed: unknown;
  try { parsed = JSON.parse(text.replace(/'/g, '"')); } catch { return undefined; }
  if (!Array.isArray(parsed)) return undefined;
  const ids: number[] = [];
  for (const entry of parsed) {
    const key = (entry as { Key?: unknown })?.Key;
    if (typeof key !== 'string') return undefined;
    let user = findUserByLogin(ctx.site, key);
    if (!user) {
      // The form's people picker resolves a directory person and adds them to the site.
      const upn = key.split('|').pop()!.toLowerCase();
      const person = ctx.directory.find((p) => p.upn.toLowerCase() === upn);
      if (!person) return undefined;
      user = ensureDirectoryPerson(ctx.site, person, ctx.dirty);
    }
    ids.push(user.Id);
  }
  return ids;
}

/** Converts a form string to the JSON value validateWrite takes for the column. */
function fromFormString(ctx: SpContext, f: FieldRecord, text: string): { value: unknown } | { error: string } {
  const empty = text.trim() === '';
  switch (f.FieldTypeKind) {
    case 2: case 3: case 6: return { value: empty && f.FieldTypeKind === 6 ? null : text };
    case 1: case 9: case 10: {
      if (empty) return { value: null };
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: 'Invalid number value. A number field contains invalid data. Please check the value and try again.' };
    }
    case 4: {
      if (empty) return { value: null };
      const iso = parseFormDate(text);
      return iso ? { value: iso } : { error: 'Invalid date/time value. A date/time field contains invalid data. Please check the value and try again.' };
    }
    case 8: {
      const t = text.trim().toLowerCase();
      if (['1', 'true', 'yes'].includes(t)) return { value: true };
      if (['0', 'false', 'no', ''].includes(t)) return { value: false };
      return { error: 'Invalid Yes/No value. A Yes/No field contains invalid data. Please check the value and try again.' };
    }
    case 15: return { value: text.split(';#').filter((s) => s !== '') };
    case 11: {
      if (empty) return { value: null };
      const comma = text.indexOf(', ');
      return { value: comma < 0 ? { Url: text } : { Url: text.slice(0, comma), Description: text.slice(comma + 2) } };
    }
    case 20: {
      const ids = parsePeople(ctx, text);
      if (!ids) return { error: `The user does not exist or is not unique.` };
      return { value: f.AllowMultipleValues ? ids : ids[0] ?? null };
    }
    default: return { error: `The field '${f.InternalName}' cannot be set from a form value.` };
  }
}

interface Planned {
  outcomes: Outcome[];
  values: Record<string, unknown>;
  system: Partial<Pick<ItemRecord, 'AuthorId' | 'EditorId' | 'Created' | 'Modified'>>;
}

function plan(ctx: SpContext, list: ListRecord, formValues: FormValue[], fullControl: boolean, selfId: number | undefined): Planned {
  const outcomes: Outcome[] = [];
  const values: Record<string, unknown> = {};
  const system: Planned['system'] = {};
  for (const fv of formValues) {
    const f = findField(list, fv.FieldName);
    if (!f) {
      outcomes.push(failed(fv, -2147024809, `Column '${fv.FieldName}' does not exist. It may have been deleted by another user.`));
      continue;
    }
    if (SYSTEM_COLUMNS.has(f.InternalName)) {
      const converted = fromFormString(ctx, f, fv.FieldValue);
      if ('error' in converted) { outcomes.push(failed(fv, -2146233088, converted.error)); continue; }
      if (fullControl && converted.value !== null) {
        if (f.InternalName === 'Author') system.AuthorId = converted.value as number;
        else if (f.InternalName === 'Editor') system.EditorId = converted.value as number;
        else if (f.InternalName === 'Created') system.Created = converted.value as string;
        else system.Modified = converted.value as string;
      }
      outcomes.push({ FieldName: fv.FieldName, FieldValue: fv.FieldValue, HasException: false, ErrorCode: 0, ErrorMessage: null });
      continue;
    }
    if (f.ReadOnlyField) {
      outcomes.push(failed(fv, -2147352571, `The field '${f.InternalName}' is read-only.`));
      continue;
    }
    const converted = fromFormString(ctx, f, fv.FieldValue);
    if ('error' in converted) { outcomes.push(failed(fv, -2146233088, converted.error)); continue; }
    try {
      Object.assign(values, validateWrite(ctx.site, list, { [entityPropertyName(f)]: converted.value }));
      if (f.Required && (converted.value === null || converted.value === '')) {
        outcomes.push(failed(fv, -2146233088, 'You must specify a value for this required field.'));
        continue;
      }
      assertUnique(list, { [entityPropertyName(f)]: values[entityPropertyName(f)] }, selfId);
      outcomes.push({ FieldName: fv.FieldName, FieldValue: fv.FieldValue, HasException: false, ErrorCode: 0, ErrorMessage: null });
    } catch (err) {
      if (!(err instanceof SpError)) throw err;
      outcomes.push(failed(fv, codeNumber(err), err.message));
    }
  }
  return { outcomes, values, system };
}

function answer(name: string, outcomes: Outcome[], itemId: number): SpResult {
  const value = outcomes.map((o) => new Complex('SP.ListItemFormUpdateValue', {
    ErrorCode: o.ErrorCode, ErrorMessage: o.ErrorMessage, FieldName: o.FieldName, FieldValue: o.FieldValue,
    HasException: o.HasException, ItemId: itemId
  }));
  return ok({ kind: 'property', name, type: 'Collection(SP.ListItemFormUpdateValue)', value });
}

/** POST items(N)/ValidateUpdateListItem: the same checks as a MERGE, results per field. */
export function validateUpdateListItem(ctx: SpContext, list: ListRecord, item: ItemRecord): SpResult {
  if (ctx.req.method !== 'POST') throw spErrors.methodNotAllowed(ctx.req.method, 'ValidateUpdateListItem');
  const vis = visibility(ctx, list);
  const mask = vis.mask(item);
  demand(mask, Perm.EditListItems);
  assertWriteSecurity(list, item, ctx.who, vis.listLevel);
  const body = jsonBody(ctx);
  const planned = plan(ctx, list, readFormValues(body), has(mask, FULL_MASK), item.Id);
  if (planned.outcomes.some((o) => o.HasException)) return answer('ValidateUpdateListItem', planned.outcomes, item.Id);
  // bNewDocumentUpdate=true overwrites the current version (none is kept); the ETag still moves on.
  if (body.bNewDocumentUpdate !== true) keepPreviousVersion(list, item);
  Object.assign(item.values, planned.values);
  item.version++;
  item.Modified = nextStamp(item.Modified);
  item.EditorId = ctx.who.user.Id;
  Object.assign(item, planned.system);
  list.LastItemModifiedDate = item.Modified;
  ctx.dirty();
  return answer('ValidateUpdateListItem', planned.outcomes, item.Id);
}

/** POST lists(...)/AddValidateUpdateItemUsingPath: the same checks as items.add, results per field. */
export function addValidateUpdateItemUsingPath(ctx: SpContext, list: ListRecord): SpResult {
  if (ctx.req.method !== 'POST') throw spErrors.methodNotAllowed(ctx.req.method, 'AddValidateUpdateItemUsingPath');
  const vis = visibility(ctx, list);
  demand(vis.listLevel, Perm.AddListItems);
  assertWriteSecurity(list, undefined, ctx.who, vis.listLevel);
  const body = jsonBody(ctx);
  const info = (body.listItemCreateInfo ?? {}) as { UnderlyingObjectType?: unknown };
  if (info.UnderlyingObjectType !== undefined && Number(info.UnderlyingObjectType) !== 0) {
    throw spErrors.notEmulated('AddValidateUpdateItemUsingPath for folders or files (UnderlyingObjectType other than 0)');
  }
  const formValues = readFormValues(body);
  const planned = plan(ctx, list, formValues, has(vis.listLevel, FULL_MASK), undefined);
  const requiredMissing = list.fields.filter((f) => f.Required && !f.ReadOnlyField && !formValues.some((fv) => findField(list, fv.FieldName) === f));
  for (const f of requiredMissing) {
    planned.outcomes.push(failed({ FieldName: f.InternalName, FieldValue: '' }, -2146233088, 'You must specify a value for this required field.'));
  }
  if (planned.outcomes.some((o) => o.HasException)) return answer('AddValidateUpdateItemUsingPath', planned.outcomes, 0);
  const item = createItem(ctx.site, list, ctx.who.user.Id, planned.values);
  Object.assign(item, planned.system);
  ctx.dirty();
  const idEntry: Outcome = { FieldName: 'Id', FieldValue: String(item.Id), HasException: false, ErrorCode: 0, ErrorMessage: null };
  return answer('AddValidateUpdateItemUsingPath', [...planned.outcomes, idEntry], item.Id);
}
