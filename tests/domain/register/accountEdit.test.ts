import { checkAccountDraft, changedFields, mergeDrafts, EMPTY_DRAFT, type AccountDraft } from '../../../src/domain/register/accountEdit';
import { handleKeyOf } from '../../../src/domain/register/accountHandle';

const good: AccountDraft = {
  ...EMPTY_DRAFT, name: 'Northshire Libraries', platform: 'Facebook', handle: 'https://m.facebook.com/NorthshireLibraries/', status: 'Active',
  ownerEmail: 'olivia.reed@northshire.gov.uk', backupEmail: 'ben.hughes@northshire.gov.uk'
};

it('accepts a draft, keeps the handle as typed and works out the key the lookup asks for', () => {
  const r = checkAccountDraft(good);
  expect(r).toEqual({ ok: true, value: expect.objectContaining({ handle: good.handle, handleKey: 'northshirelibraries', platform: 'Facebook', profileUrl: undefined, objectives: undefined }) });
  expect(r.ok && r.value.handleKey).toBe(handleKeyOf(good.handle, 'Facebook'));
});

it('says what is wrong with each field', () => {
  const r = checkAccountDraft({ ...good, name: '', platform: 'Myspace', handle: 'Northshire Libraries', profileUrl: 'ftp://x', ownerEmail: 'olivia', status: 'Open', objectives: 'x'.repeat(4001) });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(Object.keys(r.problems).sort()).toEqual(['handle', 'name', 'objectives', 'ownerEmail', 'platform', 'profileUrl', 'status']);
  expect(r.problems.objectives).toMatch(/4,?001 characters long/);
});

it('refuses an address on another platform, and the same person as owner and backup', () => {
  const r = checkAccountDraft({ ...good, handle: 'x.com/northshirelibraries', backupEmail: ' Olivia.Reed@northshire.gov.uk' });
  expect(r).toEqual({ ok: false, problems: { handle: expect.stringMatching(/on X, but the account's platform is Facebook/), backupEmail: expect.stringMatching(/someone other than the owner/) } });
});

it('lists the fields two drafts differ in', () => {
  expect(changedFields(good, { ...good, handle: '@other', status: 'Closed' })).toEqual(['handle', 'status']);
});

it('after a conflict, merges my changes over what is saved, taking theirs where I changed nothing', () => {
  const mine = { ...good, objectives: 'Mine', status: 'Closing' };
  const saved = { ...good, service: 'Theirs', status: 'Under review' };
  expect(mergeDrafts(good, mine, saved)).toEqual({ ...good, objectives: 'Mine', service: 'Theirs', status: 'Closing' });
});
