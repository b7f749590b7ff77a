// Validation of list item writes: which properties exist on the item type, the type and length
// rules of each column kind, server-owned columns, and unique values.
import { unwrapResults } from './context';
import { spErrors, SpError } from './errors';
import type { FieldRecord, ListRecord, SiteState } from './model';
import { entityPropertyName } from './fields';

/** Multi-line text has no practical limit in SharePoint Online; this only bounds memory. */
export const NOTE_MAX_CHARS = 1_000_000;

/**
 * Columns SharePoint sets itself. A client sending them (to claim another author, or backdate an
 * item) is ignored rather than trusted.
 */
const SERVER_OWNED = new Set([
  'Id', 'ID', 'GUID', 'Author', 'AuthorId', 'AuthorStringId', 'Editor', 'EditorId', 'EditorStringId', 'Created', 'Modified',
  'Attachments', 'OData__UIVersionString', 'FileSystemObjectType', 'ContentTypeId', 'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl', 'ComplianceAssetId', 'OData__ColorTag'
]);

export function itemTypeName(list: ListRecord): string {
  return `SP.Data.${list.EntityName}ListItem`;
}

function writableFieldFor(list: ListRecord, prop: string): { field: FieldRecord; asString: boolean } | undefined {
  for (const f of list.fields) {
    if (f.ReadOnlyField) continue;
    const name = entityPropertyName(f);
    if (name === prop) return { field: f, asString: false };
    if (f.FieldTypeKind === 20 && `${name.slice(0, -2)}StringId` === prop) return { field: f, asString: true };
  }
  return undefined;
}

function userId(site: SiteState, v: unknown, f: FieldRecord): number | null {
  if (v === null || v === '' || v === undefined) return null;
  const id = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(id) || id <= 0) throw spErrors.badValue(`Invalid user id '${String(v)}' for the field '${f.Title}'.`);
  if (!site.users.some((u) => u.Id === id) && !site.groups.some((g) => g.Id === id)) {
    throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The user or group with id ${id} does not exist in this site. Use ensureUser first.`);
  }
  return id;
}

function validateValue(site: SiteState, list: ListRecord, f: FieldRecord, v: unknown): unknown {
  const wrongType = (expected: string) =>
    spErrors.badValue(`Cannot convert a primitive value to the expected type '${expected}' for the field '${f.Title}'.`);
  if (v === null) return null;
  switch (f.FieldTypeKind) {
    case 2: case 3: {
      if (typeof v !== 'string') throw wrongType('Edm.String');
      const max = f.FieldTypeKind === 2 ? (f.MaxLength ?? 255) : NOTE_MAX_CHARS;
      if (v.length > max) {
        throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException',
          `The value of the field '${f.Title}' is ${v.length} characters long; the maximum is ${max}.`);
      }
      return v;
    }
    case 1: case 9: case 10: {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw wrongType('Edm.Double');
      if (f.FieldTypeKind === 1 && !Number.isInteger(n)) throw wrongType('Edm.Int32');
      if ((f.MinimumValue !== undefined && n < f.MinimumValue) || (f.MaximumValue !== undefined && n > f.MaximumValue)) {
        throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of the field '${f.Title}' is outside the allowed range.`);
      }
      return n;
    }
    case 4: {
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}/.test(v)) throw wrongType('Edm.DateTime');
      return new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 8: {
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === 0) return v === 1;
      throw wrongType('Edm.Boolean');
    }
    case 6: {
      if (typeof v !== 'string') throw wrongType('Edm.String');
      if (!f.FillInChoice && !(f.Choices ?? []).includes(v)) {
        throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value '${v}' is not one of the choices of the field '${f.Title}'.`);
      }
      return v;
    }
    case 15: {
      const arr = unwrapResults(v);
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'string')) throw wrongType('Collection(Edm.String)');
      for (const c of arr as string[]) {
        if (!f.FillInChoice && !(f.Choices ?? []).includes(c)) {
          throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value '${c}' is not one of the choices of the field '${f.Title}'.`);
        }
      }
      return arr;
    }
    case 11: {
      const o = v as { Url?: unknown; Description?: unknown };
      if (typeof o !== 'object' || typeof o.Url !== 'string') throw wrongType('SP.FieldUrlValue');
      if (o.Url.length > 255) throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The URL of the field '${f.Title}' is longer than 255 characters.`);
      return { Url: o.Url, Description: typeof o.Description === 'string' ? o.Description : o.Url };
    }
    case 20: {
      if (f.AllowMultipleValues) {
        const arr = unwrapResults(v);
        if (!Array.isArray(arr)) throw wrongType('Collection(Edm.Int32)');
        return arr.map((x) => userId(site, x, f)).filter((x): x is number => x !== null);
      }
      return userId(site, v, f);
    }
    default:
      throw spErrors.notEmulated(`writing fields of type ${f.TypeAsString}`);
  }
}

/**
 * Turns a client body into stored values, or throws SharePoint's error. Unknown properties are
 * rejected the way SharePoint's OData deserialiser does.
 */
export function validateWrite(site: SiteState, list: ListRecord, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [prop, v] of Object.entries(body)) {
    if (prop === '__metadata' || prop.startsWith('odata.') || SERVER_OWNED.has(prop)) continue;
    const target = writableFieldFor(list, prop);
    if (!target) {
      const f = list.fields.find((x) => x.FieldTypeKind === 20 && entityPropertyName(x).slice(0, -2) === prop);
      if (f) {
        throw spErrors.badValue(`A 'PrimitiveValue' node with non-null value was found when trying to read the value of a navigation property; write the person column '${prop}' as '${prop}Id'.`);
      }
      throw spErrors.propertyNotOnType(prop, itemTypeName(list));
    }
    const value = target.asString && v !== null ? (Array.isArray(unwrapResults(v)) ? (unwrapResults(v) as unknown[]).map(Number) : Number(v)) : v;
    out[entityPropertyName(target.field)] = validateValue(site, list, target.field, value);
  }
  return out;
}

export function uniqueKey(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);
}

/** Throws SharePoint's 500 SPDuplicateValuesFoundException when a unique column would hold a value another item already has. */
export function assertUnique(list: ListRecord, values: Record<string, unknown>, selfId: number | undefined): void {
  for (const f of list.fields) {
    if (!f.EnforceUniqueValues) continue;
    const key = entityPropertyName(f);
    if (!(key in values)) continue;
    const k = uniqueKey(values[key]);
    if (k === undefined) continue;
    for (const item of list.items) {
      if (item.Id !== selfId && uniqueKey(item.values[key]) === k) throw spErrors.duplicateValue();
    }
  }
}
