// The one runner of the permission matrix, shared by the jest test (tests/matrix/matrix.test.ts) and
// `npm run matrix` (scripts/matrix.ts). It tries every cell of src/data/schema/matrix.ts through raw
// REST on every channel a hostile insider could use, reads back as the site owner, and says which
// cells behaved otherwise than the table says.
import {
  MATRIX_LISTS, MATRIX_ROLES, MATRIX_VERBS, NOT_APPLICABLE, OUTCOME_LETTERS, listRule, matrixCells, matrixRow,
  type MatrixCell, type MatrixList, type MatrixOutcome, type MatrixRole, type MatrixVerb
} from '../../src/data/schema/matrix';
import { countingCheckFor, type CountingCheck } from './counting';
import type { RestAnswer, RestCall } from './rest';
import { specialCells } from './special';
import { buildMatrixSite, listDef, upnOf, type Author, type MatrixSite, type SeededItem } from './site';

export interface ChannelResult {
  channel: string;
  /** What happened, as an outcome when it fits one, else a sentence. */
  observed: MatrixOutcome | string;
  ok: boolean;
}

export interface CellResult extends MatrixCell {
  /** Special cells of the acceptance carry a name instead of a table position. */
  name?: string;
  channels: ChannelResult[];
  ok: boolean;
}

export interface MatrixRun {
  cells: CellResult[];
  special: CellResult[];
  /** Channels the emulator does not offer (each answered "not emulated" to the site owner). */
  unavailableChannels: string[];
  setupFindings: string[];
}

const SUCCESS = (s: number) => s >= 200 && s < 300;
/**
 * A refusal is SharePoint saying no to the person: 401 (unknown), 403 (no right, or signed out) or
 * 404 (the list or item does not exist for them). Anything else (a 400 for a bad payload) would hide
 * a harness mistake behind a "refused", so it is reported as what it is.
 */
const REFUSAL = (s: number) => s === 401 || s === 403 || s === 404;
const refusedOr = (status: number) => (REFUSAL(status) ? 'refused' : `answered ${status}`);
const listPath = (title: string) => `web/lists/getbytitle('${title.replace(/'/g, "''")}')`;

interface Fingerprint {
  text: string;
  items: Array<Record<string, unknown>>;
  fields: string[];
  list: Record<string, unknown>;
  assignments: Array<{ PrincipalId: number; roles: number[] }>;
}


class Runner {
  private baselines = new Map<MatrixList, Fingerprint>();
  private fullControlId = 0;
  readonly unavailable = new Set<string>();

  constructor(private readonly site: MatrixSite) {}

  private get rest() { return this.site.rest; }

  /** Everything a write could change on a list, read by the site owner in one $batch. */
  async fingerprint(list: MatrixList): Promise<Fingerprint> {
    const p = listPath(listDef(list)!.title);
    // Every column of the schema plus what SharePoint keeps itself, in one query.
    const columns = ['Id', 'Title', 'AuthorId', 'EditorId', 'Created', 'Modified', 'HasUniqueRoleAssignments',
      ...listDef(list)!.fields.map((f) => (f.kind === 'User' ? `${f.name}Id` : f.name))];
    const [items, props, fields, ras] = await this.rest.batch(upnOf('siteOwner'), [
      { method: 'GET', path: `${p}/items?$top=5000&$orderby=Id&$select=${columns.join(',')}` },
      { method: 'GET', path: `${p}?$select=Title,Description,ReadSecurity,WriteSecurity,EnableVersioning,Hidden,ItemCount` },
      { method: 'GET', path: `${p}/fields?$select=InternalName,Title,TypeAsString,Indexed,Required,EnforceUniqueValues` },
      { method: 'GET', path: `${p}/roleassignments?$expand=RoleDefinitionBindings` }
    ]);
    for (const a of [items, props, fields, ras]) {
      if (a.status !== 200) throw new Error(`matrix: the site owner could not read back ${list} (${a.status}): ${a.text}`);
    }
    const value = (a: RestAnswer) => (a.json as { value: Array<Record<string, unknown>> }).value;
    const itemRows = value(items);
    const fieldRows = value(fields).map((f) => JSON.stringify(f)).sort();
    const assignments = value(ras).map((r) => ({
      PrincipalId: r.PrincipalId as number,
      roles: ((r.RoleDefinitionBindings as Array<{ Id: number }>) ?? []).map((b) => b.Id).sort((x, y) => x - y)
    })).sort((x, y) => x.PrincipalId - y.PrincipalId);
    const list_ = props.json as Record<string, unknown>;
    const text = JSON.stringify({ itemRows, list_, fieldRows, assignments });
    return { text, items: itemRows, fields: value(fields).map((f) => String(f.InternalName)), list: list_, assignments };
  }

  async baseline(list: MatrixList): Promise<Fingerprint> {
    let b = this.baselines.get(list);
    if (!b) { b = await this.fingerprint(list); this.baselines.set(list, b); }
    return b;
  }

  async init(): Promise<void> {
    const fc = await this.rest.send(upnOf('siteOwner'), { method: 'GET', path: 'web/roledefinitions/getbytype(5)?$select=Id' });
    this.fullControlId = (fc.json as { Id: number }).Id;
    // Probe the validate endpoints once as the site owner: an emulator without them answers "not
    // emulated"; the cells are then tried without them and the missing channel counts as unexpected.
    const settings = listDef('settings');
    const seeded = this.site.items.settings?.[0];
    if (settings && seeded) {
      const p = listPath(settings.title);
      const probes: Array<[string, RestCall]> = [
        ['ValidateUpdateListItem', { method: 'POST', path: `${p}/items(${seeded.id})/ValidateUpdateListItem`, body: { formValues: [{ FieldName: 'Title', FieldValue: 'probe' }], bNewDocumentUpdate: false } }],
        ['AddValidateUpdateItemUsingPath', { method: 'POST', path: `${p}/AddValidateUpdateItemUsingPath`, body: this.addValidateBody('settings', 'siteOwner') }]
      ];
      for (const [name, call] of probes) {
        const a = await this.rest.send(upnOf('siteOwner'), call);
        if (/not emulated/i.test(a.text)) this.unavailable.add(name);
        this.site.restore();
      }
    }
  }

  private addValidateBody(list: MatrixList, role: MatrixRole): Record<string, unknown> {
    const values = this.site.valuesFor(list, role);
    const kinds = new Map((listDef(list)?.fields ?? []).map((f) => [f.kind === 'User' ? `${f.name}Id` : f.name, f.kind]));
    // Form values are strings as the list form would post them: 1/0 for yes/no, dates as M/D/YYYY.
    const asForm = (kind: string | undefined, v: unknown): string => {
      if (kind === 'Boolean') return v ? '1' : '0';
      if (kind === 'DateTime') { const d = new Date(String(v)); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; }
      return String(v);
    };
    const formValues = Object.entries(values)
      .filter(([k]) => kinds.get(k) !== 'User')
      .map(([k, v]) => ({ FieldName: k, FieldValue: asForm(kinds.get(k), v) }));
    // PnPjs sends FolderPath without a DecodedUrl for the list's root folder.
    return { listItemCreateInfo: { FolderPath: {}, UnderlyingObjectType: 0 }, formValues, bNewDocumentUpdate: false };
  }

  /**
   * Someone else's item for the caller: not theirs and not opened to them. First the list's natural
   * author (whose record counts, so a change to it that must not count is a real test), then others.
   */
  othersItem(list: MatrixList, role: MatrixRole): SeededItem | undefined {
    const seeded = this.site.items[list] ?? [];
    const natural: Partial<Record<MatrixList, Author>> = { decisions: 'commsHead', monthlyReports: 'accountOwner', credentials: 'accountOwner', accountUpdates: 'accountOwner' };
    const order: Author[] = [natural[list] ?? 'commsOfficer', 'commsOfficer', 'staff', 'accountOwner', 'commsHead', 'backup', 'siteOwner'];
    for (const a of order) {
      const hit = seeded.find((s) => s.author === a && a !== role && !s.openedTo.includes(role));
      if (hit) return hit;
    }
    return undefined;
  }

  ownItem(list: MatrixList, role: MatrixRole): SeededItem | undefined {
    return (this.site.items[list] ?? []).find((s) => s.author === role);
  }

  /** Every cell of the table, in order. */
  async runCell(cell: MatrixCell): Promise<CellResult> {
    const { list, verb, expected } = cell;
    if (expected === 'n/a') return { ...cell, channels: [], ok: true };
    const def = listDef(list);
    if (!def) return { ...cell, channels: [{ channel: 'schema', observed: `the schema has no list '${list}'`, ok: false }], ok: false };
    const channels = verb === 'readAll' || verb === 'readOthers' ? await this.read(cell) : await this.write(cell);
    return { ...cell, channels, ok: channels.length > 0 && channels.every((c) => c.ok) };
  }

  private async read(cell: MatrixCell): Promise<ChannelResult[]> {
    const { role, list, verb, expected } = cell;
    const p = listPath(listDef(list)!.title);
    const upn = upnOf(role);
    const out: ChannelResult[] = [];
    if (verb === 'readAll') {
      const base = await this.baseline(list);
      const all = base.items.map((i) => i.Id as number);
      const callerId = role === 'unknown' ? -1 : this.site.userIds[role];
      const own = base.items.filter((i) => i.AuthorId === callerId).map((i) => i.Id as number);
      const opened = (this.site.items[list] ?? []).filter((s) => s.openedTo.includes(role)).map((s) => s.id);
      const call: RestCall = { method: 'GET', path: `${p}/items?$select=Id&$top=5000&$orderby=Id` };
      for (const [channel, answer] of [['GET', await this.rest.send(upn, call)], ['$batch GET', (await this.rest.batch(upn, [call]))[0]]] as const) {
        let observed: string;
        if (!SUCCESS(answer.status)) observed = refusedOr(answer.status);
        else {
          const seen = ((answer.json as { value: Array<{ Id: number }> }).value ?? []).map((i) => i.Id).sort((a, b) => a - b).join(',');
          const candidates: Array<[MatrixOutcome, number[]]> = [[expected, expected === 'own' ? own : expected === 'opened' ? opened : all], ['allowed', all], ['own', own], ['opened', opened]];
          observed = candidates.find(([, ids]) => [...ids].sort((a, b) => a - b).join(',') === seen)?.[0] ?? `saw items [${seen}]`;
        }
        out.push({ channel, observed, ok: observed === expected });
      }
      return out;
    }
    const target = this.othersItem(list, role);
    if (!target) return [{ channel: 'seed', observed: `no item of someone else in ${list}`, ok: false }];
    const call: RestCall = { method: 'GET', path: `${p}/items(${target.id})?$select=Id,Title` };
    for (const [channel, answer] of [['GET', await this.rest.send(upn, call)], ['$batch GET', (await this.rest.batch(upn, [call]))[0]]] as const) {
      const observed = SUCCESS(answer.status) ? 'allowed' : refusedOr(answer.status);
      out.push({ channel, observed, ok: observed === expected });
    }
    return out;
  }

  /** The calls a verb can be sent as, each with how to tell that it took effect. */
  private channelsFor(cell: MatrixCell): Array<{ channel: string; run: () => Promise<RestAnswer>; effect: (after: Fingerprint, answer: RestAnswer) => { took: boolean; itemId?: number } }> | string {
    const { role, list, verb } = cell;
    const def = listDef(list)!;
    const p = listPath(def.title);
    const upn = upnOf(role);
    const rest = this.rest;
    const one = async (calls: RestCall[]) => (await rest.batch(upn, calls))[0];
    const validateOk = (a: RestAnswer) => SUCCESS(a.status) && !JSON.stringify(a.json ?? {}).includes('"HasException":true');
    switch (verb) {
      case 'add': {
        const values = this.site.valuesFor(list, role);
        const call: RestCall = { method: 'POST', path: `${p}/items`, body: values };
        const newId = (after: Fingerprint, baseline: Fingerprint) => {
          const known = new Set(baseline.items.map((i) => i.Id));
          return after.items.find((i) => !known.has(i.Id))?.Id as number | undefined;
        };
        const base = this.baselines.get(list)!;
        const effect = (after: Fingerprint) => {
          const id = newId(after, base);
          return { took: after.items.length === base.items.length + 1 && id !== undefined, itemId: id };
        };
        const channels = [
          { channel: 'POST', run: () => rest.send(upn, call), effect },
          { channel: '$batch POST', run: () => one([call]), effect }
        ];
        if (!this.unavailable.has('AddValidateUpdateItemUsingPath')) {
          channels.push({
            channel: 'AddValidateUpdateItemUsingPath',
            run: async () => {
              const a = await rest.send(upn, { method: 'POST', path: `${p}/AddValidateUpdateItemUsingPath`, body: this.addValidateBody(list, role) });
              return validateOk(a) ? a : { ...a, status: a.status === 200 ? 400 : a.status };
            },
            effect
          });
        }
        return channels;
      }
      case 'updateOwn':
      case 'updateOthers': {
        const target = verb === 'updateOwn' ? this.ownItem(list, role) : this.othersItem(list, role);
        if (!target) return `no ${verb === 'updateOwn' ? 'own' : "someone else's"} item in ${list}`;
        const title = `rewritten by ${role}`;
        const item = `${p}/items(${target.id})`;
        const effect = (after: Fingerprint) => ({ took: after.items.find((i) => i.Id === target.id)?.Title === title, itemId: target.id });
        const merge: RestCall = { method: 'POST', path: item, body: { Title: title }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } };
        const batchMerge: RestCall = { method: 'MERGE', path: item, body: { Title: title }, headers: { 'IF-MATCH': '*' } };
        const channels = [
          { channel: 'POST X-HTTP-Method: MERGE', run: () => rest.send(upn, merge), effect },
          { channel: '$batch MERGE', run: () => one([batchMerge]), effect }
        ];
        if (!this.unavailable.has('ValidateUpdateListItem')) {
          channels.push({
            channel: 'ValidateUpdateListItem',
            run: async () => {
              const a = await rest.send(upn, { method: 'POST', path: `${item}/ValidateUpdateListItem`, body: { formValues: [{ FieldName: 'Title', FieldValue: title }], bNewDocumentUpdate: false } });
              return validateOk(a) ? a : { ...a, status: a.status === 200 ? 400 : a.status };
            },
            effect
          });
        }
        return channels;
      }
      case 'deleteOwn':
      case 'deleteOthers': {
        const target = verb === 'deleteOwn' ? this.ownItem(list, role) : this.othersItem(list, role);
        if (!target) return `no ${verb === 'deleteOwn' ? 'own' : "someone else's"} item in ${list}`;
        const item = `${p}/items(${target.id})`;
        const effect = (after: Fingerprint) => ({ took: !after.items.some((i) => i.Id === target.id) });
        return [
          { channel: 'POST X-HTTP-Method: DELETE', run: () => rest.send(upn, { method: 'POST', path: item, headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' } }), effect },
          { channel: '$batch DELETE', run: () => one([{ method: 'DELETE', path: item, headers: { 'IF-MATCH': '*' } }]), effect },
          { channel: 'recycle', run: () => rest.send(upn, { method: 'POST', path: `${item}/recycle` }), effect }
        ];
      }
      case 'changePermissions': {
        // The most useful grant for an attacker: Full Control on the list for themselves.
        const who = role === 'unknown' ? this.site.userIds.staff : this.site.userIds[role];
        const call: RestCall = { method: 'POST', path: `${p}/roleassignments/addroleassignment(principalid=${who},roledefid=${this.fullControlId})` };
        const base = this.baselines.get(list)!;
        const held = (f: Fingerprint) => f.assignments.some((a) => a.PrincipalId === who && a.roles.includes(this.fullControlId));
        // The site owner already holds Full Control through the owners group, never by name.
        const effect = (after: Fingerprint) => ({ took: held(after) && !held(base) });
        return [
          { channel: 'POST addroleassignment', run: () => rest.send(upn, call), effect },
          { channel: '$batch addroleassignment', run: () => one([call]), effect }
        ];
      }
      case 'addField': {
        const call: RestCall = { method: 'POST', path: `${p}/fields`, body: { __metadata: { type: 'SP.FieldText' }, Title: 'MatrixField', FieldTypeKind: 2 } };
        const effect = (after: Fingerprint) => ({ took: after.fields.includes('MatrixField') });
        return [
          { channel: 'POST fields', run: () => rest.send(upn, call), effect },
          { channel: '$batch POST fields', run: () => one([call]), effect }
        ];
      }
      case 'changeSettings': {
        // The change that matters: open a read-own list to everyone, or switch versioning (the register's
        // history) on a list everyone reads; plus the description, which shows any change.
        const base = this.baselines.get(list)!;
        const setting: Record<string, unknown> = base.list.ReadSecurity === 2 ? { ReadSecurity: 1 } : { EnableVersioning: base.list.EnableVersioning !== true };
        const body = { __metadata: { type: 'SP.List' }, Description: `changed by ${role}`, ...setting };
        const effect = (after: Fingerprint) => ({
          took: after.list.Description === body.Description && Object.entries(setting).every(([k, v]) => after.list[k] === v)
        });
        return [
          { channel: 'POST X-HTTP-Method: MERGE (list)', run: () => rest.send(upn, { method: 'POST', path: p, body, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } }), effect },
          { channel: '$batch MERGE (list)', run: () => one([{ method: 'MERGE', path: p, body, headers: { 'IF-MATCH': '*' } }]), effect }
        ];
      }
      default:
        return `not a write verb: ${verb}`;
    }
  }

  private async write(cell: MatrixCell): Promise<ChannelResult[]> {
    const base = await this.baseline(cell.list);
    const channels = this.channelsFor(cell);
    if (typeof channels === 'string') return [{ channel: 'seed', observed: channels, ok: false }];
    const counting = countingCheckFor(cell.list);
    const out: ChannelResult[] = [];
    for (const c of channels) {
      let observed: string;
      try {
        const answer = await c.run();
        const after = await this.fingerprint(cell.list);
        const changed = after.text !== base.text;
        const { took, itemId } = c.effect(after, answer);
        if (!SUCCESS(answer.status)) {
          observed = changed ? `answered ${answer.status} but the list changed` : refusedOr(answer.status);
        } else if (!took) {
          observed = `answered ${answer.status} but did not take effect${changed ? ' (something else changed)' : ''}`;
        } else {
          observed = await this.countedOutcome(cell, counting, itemId);
        }
      } catch (e) {
        observed = `error: ${(e as Error).message}`;
      }
      this.site.restore(cell.list);
      out.push({ channel: c.channel, observed, ok: observed === cell.expected });
    }
    return out;
  }

  /** For a write that took effect on a list with a domain rule: does the record count? */
  private async countedOutcome(cell: MatrixCell, counting: CountingCheck | undefined, itemId: number | undefined): Promise<string> {
    const ruled = counting && (cell.verb === 'add' || cell.verb === 'updateOwn' || cell.verb === 'updateOthers');
    if (!ruled) return 'allowed';
    if (itemId === undefined) return 'error: took effect but the item is unknown';
    const counted = await counting(this.site, itemId);
    return counted ? 'allowed' : 'allowed-not-counted';
  }
}

/** Builds the site, runs every cell and the special cells, and closes the emulator. */
export async function runMatrix(opts: { onCell?: (c: CellResult) => void } = {}): Promise<MatrixRun> {
  const site = await buildMatrixSite();
  try {
    const runner = new Runner(site);
    await runner.init();
    const cells: CellResult[] = [];
    for (const cell of matrixCells()) {
      const r = await runner.runCell(cell);
      cells.push(r);
      opts.onCell?.(r);
    }
    const special = await specialCells(site);
    return { cells, special, unavailableChannels: [...runner.unavailable], setupFindings: site.setupFindings };
  } finally {
    await site.close();
  }
}

const VERB_HEAD: Record<MatrixVerb, string> = {
  readAll: 'read all', readOthers: "read someone else's", add: 'add', updateOwn: 'update own',
  updateOthers: "update someone else's", deleteOwn: 'delete own', deleteOthers: "delete someone else's",
  changePermissions: 'change permissions', addField: 'add a field', changeSettings: 'change list settings'
};

/** The printed matrix: legend, one line per role × list, the unexpected cells, and the last line. */
export function formatMatrix(run: MatrixRun): string {
  const lines: string[] = [];
  lines.push('Permission matrix (src/data/schema/matrix.ts), tried through raw REST against the emulator after set-up');
  lines.push(`letters, one per verb: ${MATRIX_VERBS.map((v, i) => `${i + 1} ${VERB_HEAD[v]}`).join(', ')}`);
  lines.push(`outcomes: ${Object.entries(OUTCOME_LETTERS).map(([o, l]) => `${l} ${o}`).join(', ')}; an unexpected cell shows as ! in the "seen" column`);
  const byKey = new Map(run.cells.map((c) => [`${c.role}|${c.list}|${c.verb}`, c]));
  const roleW = Math.max(...MATRIX_ROLES.map((r) => r.length));
  const listW = Math.max(...MATRIX_LISTS.map((l) => l.length));
  lines.push(`${'role'.padEnd(roleW)}  ${'list'.padEnd(listW)}  expected    seen        rule`);
  for (const role of MATRIX_ROLES) {
    for (const list of MATRIX_LISTS) {
      const seen = MATRIX_VERBS.map((v) => (byKey.get(`${role}|${list}|${v}`)?.ok ? OUTCOME_LETTERS[byKey.get(`${role}|${list}|${v}`)!.expected] : '!')).join('');
      lines.push(`${role.padEnd(roleW)}  ${list.padEnd(listW)}  ${matrixRow(role, list)}  ${seen}  ${role === 'staff' ? listRule(list) : ''}`.trimEnd());
    }
  }
  const tried = new Map<string, number>();
  for (const c of run.cells) for (const ch of c.channels) tried.set(ch.channel, (tried.get(ch.channel) ?? 0) + 1);
  lines.push(`channels tried: ${[...tried.entries()].map(([ch, n]) => `${ch} ×${n}`).join(', ')}`);
  for (const [role, verbs] of Object.entries(NOT_APPLICABLE)) {
    for (const [verb, why] of Object.entries(verbs ?? {})) lines.push(`n/a: ${role} ${VERB_HEAD[verb as MatrixVerb]}: ${why}`);
  }
  if (run.special.length) {
    lines.push('special cells:');
    for (const s of run.special) lines.push(`  ${s.ok ? 'ok ' : '!  '} ${s.name}${s.ok ? '' : `: ${s.channels.filter((c) => !c.ok).map((c) => `${c.channel} → ${c.observed}`).join('; ')}`}`);
  }
  for (const ch of run.unavailableChannels) lines.push(`channel the emulator answers "not emulated" (counts as unexpected): ${ch}`);
  for (const f of run.setupFindings) lines.push(`set-up finding (counts as unexpected): ${f}`);
  const all = [...run.cells, ...run.special];
  const bad = all.filter((c) => !c.ok);
  if (bad.length) {
    lines.push('unexpected cells:');
    for (const c of bad.filter((x) => !x.name)) {
      lines.push(`  ${c.role} ${c.list} ${c.verb}: expected ${c.expected}; ${c.channels.filter((x) => !x.ok).map((x) => `${x.channel} → ${x.observed}`).join('; ')}`);
    }
  }
  lines.push(`matrix: ${all.length} cells, ${unexpectedCount(run)} unexpected`);
  return lines.join('\n');
}

export function unexpectedCount(run: MatrixRun): number {
  return [...run.cells, ...run.special].filter((c) => !c.ok).length + run.setupFindings.length + run.unavailableChannels.length;
}
