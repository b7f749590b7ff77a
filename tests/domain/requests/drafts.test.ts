import { DRAFT_FORMAT, draftKey, emptyRequest, parseDraft, serialiseDraft, type RequestDraft } from '../../../src/domain/requests';
import { newAccount } from './fixtures';

const draft = (): RequestDraft => ({ kind: 'New account', savedAt: '2026-03-02T10:15:00Z', revisionOf: null, submissionId: '0f8d1c1e-6a53-4d4b-9d0e-0e0d5b2c9a10', input: newAccount() });

describe('drafts kept in the browser', () => {
  it('a half-filled form comes back exactly as typed, invalid text included', () => {
    const d = draft();
    Object.assign(d.input, { hoursPerWeek: 'about 6?', accountName: "Quote ' and \"double\"\nnew line", platform: 'Not a platform' });
    expect(parseDraft(serialiseDraft(d))).toEqual(d);
    const empty: RequestDraft = { ...draft(), kind: 'Idea or question', revisionOf: 41, input: emptyRequest('Idea or question') };
    expect(parseDraft(serialiseDraft(empty))).toEqual(empty);
  });

  it('a draft written by an older form (fields missing) reads with those fields empty', () => {
    const stored = JSON.parse(serialiseDraft(draft()));
    delete stored.input.exitPlan;
    delete stored.input.staffedHours;
    const back = parseDraft(JSON.stringify(stored));
    expect(back?.input).toMatchObject({ exitPlan: '', staffedHours: { allHours: false, slots: [], profileWillSaySo: false }, accountName: 'Northshire Libraries' });
  });

  it('refuses junk, other formats and a form of another kind, never throwing', () => {
    const good = JSON.parse(serialiseDraft(draft()));
    const variants: unknown[] = [
      null, '', 'not json', '[]', '42', 'null',
      { ...good, format: DRAFT_FORMAT + 1 }, { ...good, kind: 'Complaint' }, { ...good, savedAt: 'yesterday' }, { ...good, revisionOf: -1 },
      { ...good, revisionOf: '3' }, { ...good, submissionId: '' }, { ...good, input: { ...good.input, kind: 'Idea or question' } },
      { ...good, input: { ...good.input, accountName: 42 } }, { ...good, input: { ...good.input, owner: 'Olivia' } },
      { ...good, input: { ...good.input, staffedHours: { ...good.input.staffedHours, slots: new Array(51).fill({ day: 'Mon', from: '', to: '' }) } } },
      { ...good, input: { ...good.input, objectives: 'x'.repeat(100_001) } }, { ...good, input: null }
    ];
    for (const v of variants) {
      const json = typeof v === 'string' || v === null ? (v as string | null) : JSON.stringify(v);
      expect(parseDraft(json)).toBeUndefined();
    }
  });

  it('a key per site, person, kind and request being revised', () => {
    expect(draftKey('https://x/sites/hub', 11, 'New account', null)).toBe('smh.requestDraft.https://x/sites/hub.11.New account.new');
    expect(draftKey('https://x/sites/hub', 11, 'New account', 41)).not.toBe(draftKey('https://x/sites/hub', 11, 'New account', null));
  });
});
