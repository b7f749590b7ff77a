import { parsePolicyContent, type VersionKind } from '../../domain/policy';
import { sanitizeHtml } from '../common/sanitizeHtml';
import { fromContent, toContent, type EditorDraft } from './editorContent';

// The editor's draft lives in this browser only (localStorage), per site, person and the version it
// was started from, so closing the tab or switching views never loses an afternoon's editing. It is
// the person's own unpublished text; nothing secret, nothing anyone else needs.

const PREFIX = 'smh.policyDraft.';
const FORMAT = 1;

export interface StoredDraft extends EditorDraft {
  savedAt: string;
  /** The version the text was started from (0 when none was published yet). */
  basedOnId: number;
  basedOnLabel: string;
}

export interface FoundDraft {
  key: string;
  draft: StoredDraft;
  /** Started from an older version than the one in force: someone published since. */
  stale: boolean;
}

const ownerPrefix = (siteUrl: string, siteUserId: number | string): string => `${PREFIX}${siteUrl}.${siteUserId}.`;

export function draftKey(siteUrl: string, siteUserId: number | string, basedOnId: number): string {
  return `${ownerPrefix(siteUrl, siteUserId)}${basedOnId}`;
}

/** Storage can be switched off or full (private windows, some Teams clients): drafts are then best effort. */
function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** A stored draft is read as untrusted input: checked like stored policy JSON, rich text sanitised again. */
export function parseStoredDraft(json: string | null): StoredDraft | undefined {
  if (!json) return undefined;
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    if (raw.format !== FORMAT || typeof raw.savedAt !== 'string' || typeof raw.basedOnId !== 'number') return undefined;
    const parsed = parsePolicyContent(JSON.stringify(raw.content));
    const names = { organisation: parsed.names?.organisation ?? '', commsHead: parsed.names?.commsHead ?? '' };
    const content = fromContent({ ...parsed, sections: parsed.sections.map((s) => ({ ...s, body: sanitizeHtml(s.body) })) }, names);
    const kind: VersionKind = raw.kind === 'major' ? 'major' : 'minor';
    return {
      content,
      kind,
      changeSummary: typeof raw.changeSummary === 'string' ? raw.changeSummary : '',
      savedAt: raw.savedAt,
      basedOnId: raw.basedOnId,
      basedOnLabel: typeof raw.basedOnLabel === 'string' ? raw.basedOnLabel : ''
    };
  } catch {
    return undefined;
  }
}

/** This person's draft for the version in force, else one they started from an older version. */
export function findDraft(siteUrl: string, siteUserId: number | string, basedOnId: number): FoundDraft | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const key = draftKey(siteUrl, siteUserId, basedOnId);
    const own = parseStoredDraft(store.getItem(key));
    if (own) return { key, draft: own, stale: own.basedOnId !== basedOnId };
    const prefix = ownerPrefix(siteUrl, siteUserId);
    let best: FoundDraft | undefined;
    for (let i = 0; i < store.length; i++) {
      const other = store.key(i);
      if (!other || !other.startsWith(prefix) || other === key) continue;
      const draft = parseStoredDraft(store.getItem(other));
      // Only a draft started from an earlier version: version item ids only grow.
      if (draft && draft.basedOnId < basedOnId && (!best || draft.savedAt > best.draft.savedAt)) best = { key: other, draft, stale: true };
    }
    return best;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, draft: StoredDraft, replaces?: string): void {
  const store = storage();
  if (!store) return;
  try {
    const { content, ...rest } = draft;
    store.setItem(key, JSON.stringify({ format: FORMAT, ...rest, content: toContent(content) }));
    if (replaces && replaces !== key) store.removeItem(replaces);
  } catch {
    // Full or refused: the draft stays in the page; nothing to tell the person mid-typing.
  }
}

export function removeDraft(...keys: (string | undefined)[]): void {
  const store = storage();
  if (!store) return;
  for (const key of keys) {
    try {
      if (key) store.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }
}

/**
 * Removes every draft this person kept for the version `upToId` or an older one. Discarding only the
 * draft on screen was not enough: findDraft falls back to any older draft, so after "Load the
 * version in force" the next older one (or the one just saved under the old version's key as the
 * view closed) came back as if it were the version in force.
 */
export function discardDrafts(siteUrl: string, siteUserId: number | string, upToId: number): void {
  const store = storage();
  if (!store) return;
  const prefix = ownerPrefix(siteUrl, siteUserId);
  const doomed: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key || !key.startsWith(prefix)) continue;
      const id = Number(key.slice(prefix.length));
      if (Number.isInteger(id) && id <= upToId) doomed.push(key);
    }
  } catch {
    return;
  }
  removeDraft(...doomed);
}

/** "3 March, 14:05": when the restored draft was last saved. */
export function savedAtText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}
