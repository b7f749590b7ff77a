import * as React from 'react';
import type { EditorDraft } from './editorContent';
import { removeDraft, writeDraft, type StoredDraft } from './draftStorage';

const DEBOUNCE_MS = 500;

export interface DraftOrigin {
  /** Where the draft is kept: the key for the version in force. */
  key: string;
  /** The version the text was started from; older than the one in force after someone published. */
  basedOnId: number;
  basedOnLabel: string;
  /** A restored draft stored under an older version's key, moved to `key` on the next save. */
  replaces?: string;
}

/**
 * Saves the draft a moment after each change (writing on every keystroke would stall typing in a
 * long section), and at once when the view closes or the page is hidden, so leaving never loses
 * the last words. Returns `forget`, which removes the stored draft and stops saving until the next
 * change (after publishing or discarding).
 */
export function useDraftAutosave(draft: EditorDraft, dirty: boolean, origin: DraftOrigin): { forget(): void } {
  const latest = React.useRef({ draft, dirty, origin });
  latest.current = { draft, dirty, origin };
  /** Set by forget(): nothing is written again until the next change. */
  const stopped = React.useRef(false);

  const flush = React.useCallback(() => {
    const { draft: d, dirty: changed, origin: o } = latest.current;
    if (!changed || stopped.current) return;
    const stored: StoredDraft = { ...d, savedAt: new Date().toISOString(), basedOnId: o.basedOnId, basedOnLabel: o.basedOnLabel };
    writeDraft(o.key, stored, o.replaces);
  }, []);

  React.useEffect(() => {
    if (!dirty) return undefined;
    stopped.current = false;
    const timer = setTimeout(flush, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, flush]);

  React.useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const forget = React.useCallback(() => {
    stopped.current = true;
    removeDraft(latest.current.origin.key, latest.current.origin.replaces);
  }, []);
  return { forget };
}
