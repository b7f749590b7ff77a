// SharePoint answers the same resource in three JSON dialects chosen by the Accept header. Handlers
// describe results once (entities, collections, properties) and this module renders the dialect.
import type { SpError } from './errors';

export type ODataMode = 'minimal' | 'verbose' | 'nometadata';

export function modeFromAccept(accept: string | undefined): ODataMode {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'nometadata';
  // A bare application/json is JSON light minimal metadata on SharePoint Online.
  return 'minimal';
}

export function contentTypeFor(mode: ODataMode): string {
  if (mode === 'verbose') return 'application/json;odata=verbose;charset=utf-8';
  if (mode === 'nometadata') return 'application/json;odata=nometadata;streaming=true;charset=utf-8';
  return 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
}

/** An addressable SharePoint object: it carries odata.type/id/editLink (or __metadata). */
export class Entity {
  constructor(
    readonly type: string,
    /** Path below _api, e.g. "Web/Lists(guid'…')/Items(3)". */
    readonly editLink: string,
    readonly props: Record<string, unknown>,
    readonly etag?: string
  ) {}
}

/** A complex value such as SP.BasePermissions: verbose mode labels it with its type. */
export class Complex {
  constructor(readonly type: string, readonly props: Record<string, unknown>) {}
}

export type Payload =
  | { kind: 'entity'; entity: Entity; set: string }
  | { kind: 'collection'; entities: Entity[]; set: string; nextLink?: string }
  /** A single property or function result: a primitive or a Complex. */
  | { kind: 'property'; name: string; type: string; value: unknown }
  | { kind: 'empty' };

function renderValue(value: unknown, mode: ODataMode, apiUrl: string): unknown {
  if (value instanceof Entity) return renderEntity(value, mode, apiUrl);
  if (value instanceof Complex) {
    const props = renderProps(value.props, mode, apiUrl);
    return mode === 'verbose' ? { __metadata: { type: value.type }, ...props } : props;
  }
  if (Array.isArray(value)) {
    const rendered = value.map((v) => renderValue(v, mode, apiUrl));
    return mode === 'verbose' ? { results: rendered } : rendered;
  }
  return value;
}

function renderProps(props: Record<string, unknown>, mode: ODataMode, apiUrl: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = renderValue(v, mode, apiUrl);
  return out;
}

function renderEntity(e: Entity, mode: ODataMode, apiUrl: string): Record<string, unknown> {
  const props = renderProps(e.props, mode, apiUrl);
  const uri = `${apiUrl}/${e.editLink}`;
  if (mode === 'verbose') {
    const meta: Record<string, string> = { id: uri, uri, type: e.type };
    if (e.etag !== undefined) meta.etag = e.etag;
    return { __metadata: meta, ...props };
  }
  if (mode === 'nometadata') return props;
  const head: Record<string, unknown> = { 'odata.type': e.type, 'odata.id': uri };
  if (e.etag !== undefined) head['odata.etag'] = e.etag;
  head['odata.editLink'] = e.editLink;
  return { ...head, ...props };
}

/** Renders a payload as the JSON body; undefined means an empty body. */
export function renderPayload(p: Payload, mode: ODataMode, apiUrl: string): unknown {
  const metadata = (suffix: string) => `${apiUrl}/$metadata#${suffix}`;
  switch (p.kind) {
    case 'empty':
      return undefined;
    case 'entity': {
      const body = renderEntity(p.entity, mode, apiUrl);
      if (mode === 'verbose') return { d: body };
      if (mode === 'nometadata') return body;
      return { 'odata.metadata': metadata(`${p.set}/@Element`), ...body };
    }
    case 'collection': {
      const results = p.entities.map((e) => renderEntity(e, mode, apiUrl));
      if (mode === 'verbose') {
        const d: Record<string, unknown> = { results };
        if (p.nextLink) d.__next = p.nextLink;
        return { d };
      }
      const body: Record<string, unknown> = mode === 'minimal' ? { 'odata.metadata': metadata(p.set) } : {};
      body.value = results;
      if (p.nextLink) body['odata.nextLink'] = p.nextLink;
      return body;
    }
    case 'property': {
      const value = renderValue(p.value, mode, apiUrl);
      if (mode === 'verbose') return { d: { [p.name]: value } };
      if (p.value instanceof Complex) {
        return mode === 'minimal' ? { 'odata.metadata': metadata(p.type), ...(value as object) } : value;
      }
      if (p.value === null) return mode === 'minimal' ? { 'odata.metadata': metadata('Edm.Null'), 'odata.null': true } : { 'odata.null': true };
      return mode === 'minimal' ? { 'odata.metadata': metadata(p.type), value } : { value };
    }
  }
}

export function renderError(err: SpError, mode: ODataMode): unknown {
  const inner = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return mode === 'verbose' ? { error: inner } : { 'odata.error': inner };
}
