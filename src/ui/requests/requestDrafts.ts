import { draftKey, parseDraft, serialiseDraft, type RequestDraft, type RequestKind } from '../../domain/requests';

// A person's request drafts live in this browser (localStorage), one per site, person, kind and
// request being revised (domain draftKey). They hold the person's own answers, nothing secret. A
// draft is removed only once SharePoint confirmed the request; a failed save leaves it, with its
// submission id, so sending again is the same request.

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

export interface DraftPlace { siteUrl: string; user: string; kind: RequestKind; revisionOf: number | null }

const keyOf = (p: DraftPlace): string => draftKey(p.siteUrl, p.user.toLowerCase(), p.kind, p.revisionOf);

export function readDraft(p: DraftPlace): RequestDraft | undefined {
  try {
    return parseDraft(storage()?.getItem(keyOf(p)));
  } catch {
    return undefined;
  }
}

export function writeDraft(p: DraftPlace, draft: RequestDraft): void {
  try {
    storage()?.setItem(keyOf(p), serialiseDraft(draft));
  } catch {
    // Storage full or refused (some private windows): the draft stays on screen.
  }
}

export function removeDraft(p: DraftPlace): void {
  try {
    storage()?.removeItem(keyOf(p));
  } catch {
    // Nothing to remove.
  }
}
