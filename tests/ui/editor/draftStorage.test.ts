/**
 * @jest-environment jsdom
 */
import { discardDrafts, draftKey, findDraft } from '../../../src/ui/editor/draftStorage';

// "Load the version in force" used to bring back an older draft: findDraft falls back to any draft
// this person started from an older version, and discarding removed only the one on screen.

const SITE = 'https://contoso.sharepoint.com/sites/hub';
const stored = (basedOnId: number, title: string) => JSON.stringify({
  format: 1, savedAt: `2026-03-0${basedOnId}T09:00:00Z`, basedOnId, basedOnLabel: `1.${basedOnId}`, kind: 'minor', changeSummary: '',
  content: { sections: [], dos: [{ id: 'd', title, detail: '' }], donts: [], links: [] }
});

beforeEach(() => localStorage.clear());

it('discarding up to the version in force leaves no older draft to come back, and keeps others\' and newer ones', () => {
  localStorage.setItem(draftKey(SITE, 'chris', 3), stored(3, 'oldest'));
  localStorage.setItem(draftKey(SITE, 'chris', 5), stored(5, 'older'));
  localStorage.setItem(draftKey(SITE, 'hannah', 5), stored(5, 'hers'));
  localStorage.setItem(draftKey(SITE, 'chris', 9), stored(9, 'newer'));
  localStorage.setItem('unrelated', 'kept');
  expect(findDraft(SITE, 'chris', 7)?.draft.content.dos[0].title).toBe('older');

  discardDrafts(SITE, 'chris', 7);

  expect(findDraft(SITE, 'chris', 7)).toBeUndefined();
  expect(findDraft(SITE, 'hannah', 7)?.draft.content.dos[0].title).toBe('hers');
  expect(localStorage.getItem(draftKey(SITE, 'chris', 9))).not.toBeNull();
  expect(localStorage.getItem('unrelated')).toBe('kept');
});
