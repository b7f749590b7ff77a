import { changesBetween, entryHistory, type EntryVersion } from '../../../src/domain/register/accountHistory';

const words = { yes: 'yes', no: 'no', hours: (n: number) => `${n} hours`, unreadableHours: 'not readable' };
const ann = { id: 21, name: 'Ann Patel' }, ben = { id: 22, name: 'Ben Okafor' }, chris = { id: 14, name: 'Chris Morgan' };

function version(label: string, at: string, values: EntryVersion['values']): EntryVersion {
  return { label, at, editor: chris, values };
}

const v1 = version('1.0', '2026-03-02T09:00:00Z', { name: 'Libraries', platform: 'X', handle: '@libs', owner: ann, status: 'Proposed', responseTargetHours: 4, profileStatesHours: false });
const v2 = version('2.0', '2026-03-02T09:07:00Z', { name: 'Libraries', platform: 'X', handle: '@libs', owner: ben, status: 'Proposed', responseTargetHours: 4, profileStatesHours: false });
const v3 = version('3.0', '2026-03-02T09:14:00Z', { name: 'Libraries', platform: 'X', handle: '@libs', owner: { id: 22, name: 'Ben Okafor-Smith' }, backup: ann, status: 'Active', responseTargetHours: 8, profileStatesHours: true });

describe('the history of a register entry', () => {
  it('says field by field what changed, in words', () => {
    expect(changesBetween(v1, v2, words)).toEqual([{ field: 'owner', from: 'Ann Patel', to: 'Ben Okafor' }]);
    expect(changesBetween(v2, v3, words)).toEqual([
      { field: 'backup', from: undefined, to: 'Ann Patel' },
      { field: 'status', from: 'Proposed', to: 'Active' },
      { field: 'profileStatesHours', from: 'no', to: 'yes' },
      { field: 'responseTargetHours', from: '4 hours', to: '8 hours' }
    ]);
  });

  it('lists the versions newest first, the first as added with its values, whatever order they came in', () => {
    const history = entryHistory([v2, v3, v1], words);
    expect(history.map((h) => [h.label, h.added, h.by])).toEqual([['3.0', false, 'Chris Morgan'], ['2.0', false, 'Chris Morgan'], ['1.0', true, 'Chris Morgan']]);
    expect(history[2].changes.map((c) => c.field)).toEqual(['name', 'platform', 'handle', 'owner', 'status', 'profileStatesHours', 'responseTargetHours']);
    expect(history[2].changes.every((c) => c.from === undefined)).toBe(true);
  });

  it('keeps a save that changed nothing a person reads, with no changes', () => {
    const same = version('4.0', '2026-03-02T09:21:00Z', { ...v3.values });
    expect(entryHistory([v3, same], words)[0]).toMatchObject({ label: '4.0', changes: [] });
  });

  it('describes staffed hours and says when they cannot be read', () => {
    const a = version('1.0', '2026-03-02T09:00:00Z', { staffedHours: '{"always":true}' });
    const b = version('2.0', '2026-03-02T09:07:00Z', { staffedHours: 'garbage' });
    const [change] = changesBetween(a, b, words);
    expect(change.field).toBe('staffedHours');
    expect(change.to).toBe('not readable');
    expect(change.from).not.toBe('not readable');
  });
});
