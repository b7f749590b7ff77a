// Maps a REST path below _api/ to the endpoint modules. Anything unknown answers with an error
// that names what is not emulated, so gaps show up in tests instead of as odd data.
import { jsonBody, ok, type SpContext, type SpResult } from './context';
import { spErrors } from './errors';
import { handleLists } from './lists';
import { Entity } from './odata-format';
import type { Segment } from './path-segments';
import { Perm, demand } from './permissions';
import { project, listParam } from './projection';
import { handleRoleDefinitions, handleSecurable, webCallerMask, webSecurable } from './security';
import { handleWebPrincipals } from './web-principals';

function webEntity(ctx: SpContext): Entity {
  const { site } = ctx;
  return new Entity('SP.Web', 'Web', {
    Configuration: 0,
    Created: site.created,
    Description: site.webDescription,
    Id: site.webId,
    Language: 1033,
    LastItemModifiedDate: site.lists.reduce((m, l) => (l.LastItemModifiedDate > m ? l.LastItemModifiedDate : m), site.created),
    ServerRelativeUrl: new URL(ctx.webUrl).pathname,
    Title: site.webTitle,
    Url: ctx.webUrl,
    WebTemplate: 'SITEPAGEPUBLISHING'
  });
}

function handleWeb(ctx: SpContext, rest: Segment[]): SpResult {
  const { req, site } = ctx;
  if (rest.length === 0) {
    if (req.method === 'GET') return ok({ kind: 'entity', set: 'SP.Web', entity: project(webEntity(ctx), listParam(ctx.query, '$select')) });
    if (req.method === 'MERGE' || req.method === 'PATCH') {
      demand(webCallerMask(ctx), Perm.ManageWeb);
      for (const [k, v] of Object.entries(jsonBody(ctx))) {
        if (k === '__metadata') continue;
        if (k === 'Title') site.webTitle = String(v);
        else if (k === 'Description') site.webDescription = String(v ?? '');
        else throw spErrors.notEmulated(`setting the web property '${k}'`);
      }
      ctx.dirty();
      return { status: 204, payload: { kind: 'empty' } };
    }
    throw spErrors.methodNotAllowed(req.method, 'the web');
  }
  const [seg, ...after] = rest;
  if (seg.key === 'lists') return handleLists(ctx, seg, after);
  if (seg.key === 'roledefinitions') return handleRoleDefinitions(ctx, seg.hasArgs ? [seg, ...after] : after);
  const principals = handleWebPrincipals(ctx, seg, after);
  if (principals) return principals;
  const sec = handleSecurable(ctx, webSecurable(ctx), rest);
  if (sec) return sec;
  if (rest.length === 1 && req.method === 'GET') {
    const entity = webEntity(ctx);
    const key = Object.keys(entity.props).find((k) => k.toLowerCase() === seg.key);
    if (key) return ok({ kind: 'property', name: key, type: typeof entity.props[key] === 'number' ? 'Edm.Int32' : 'Edm.String', value: entity.props[key] });
  }
  throw spErrors.notEmulated(`web/${seg.name}`);
}

export function route(ctx: SpContext, segs: Segment[]): SpResult {
  const [first, ...rest] = segs;
  if (!first) throw spErrors.notEmulated('the service document at _api/');
  // Everything below needs at least the right to open the site.
  demand(webCallerMask(ctx), Perm.Open);
  switch (first.key) {
    case 'web': return handleWeb(ctx, rest);
    case 'site':
      if (rest.length === 0 && ctx.req.method === 'GET') {
        return ok({ kind: 'entity', set: 'SP.Site', entity: project(new Entity('SP.Site', 'Site', {
          Id: ctx.site.siteId, ServerRelativeUrl: new URL(ctx.webUrl).pathname, Url: ctx.webUrl
        }), listParam(ctx.query, '$select')) });
      }
      if (rest[0]?.key === 'rootweb') return handleWeb(ctx, rest.slice(1));
      throw spErrors.notEmulated(`site/${rest.map((s) => s.name).join('/')}`);
    default:
      throw spErrors.notEmulated(`_api/${first.name}`);
  }
}
