import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { RawRest } from '../matrix/rest';
import { SpRegisterRepository } from '../../src/data/sp/registerRepository';
import { SpRegisterWriter } from '../../src/data/sp/registerWriter';
import { RegisterService } from '../../src/services/registerService';
import { LISTS, fieldNames } from '../../src/data/schema';
import type { AccountDraft } from '../../src/domain/register/accountEdit';
import type { EditableAccount } from '../../src/services/ports/registerWriter';

// Comms edit the register through the real PnPjs writer against the emulator: the handle's key is
// written with the handle so "is this account ours?" finds the new handle; two comms people editing
// one entry cannot overwrite each other (the ETag); and staff can change nothing, whatever they send.

const F = fieldNames(LISTS.accounts);
let emu: Emulator;
let rest: RawRest;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  rest = new RawRest(emu);
});
afterAll(async () => { await emu?.close(); });

type Who = Parameters<typeof person>[0];
const service = (who: Who) => {
  const sp = spAs(emu, person(who).upn);
  return new RegisterService(new SpRegisterRepository(sp), async () => 0, undefined, new SpRegisterWriter(sp));
};
/** The first entry on X with an owner and a backup, as comms read it for editing. */
async function anXAccount(): Promise<EditableAccount> {
  const page = await service('comms').page({ sort: 'name', pageSize: 100, platform: 'X' });
  const row = page.rows.find((r) => r.owner && r.backup)!;
  return (await service('comms').editable(row.id))!;
}

it('SharePoint says comms may edit and add, and staff may do neither', async () => {
  expect(await service('comms').editRights()).toEqual({ canEdit: true, canAdd: true });
  expect(await service('staff').editRights()).toEqual({ canEdit: false, canAdd: false });
});

it('a saved handle is stored with its key, and "is this account ours?" finds the entry by the new handle in any spelling', async () => {
  const before = await anXAccount();
  const draft: AccountDraft = { ...before.draft, handle: '@Northshire_NewsDesk', service: 'Communications' };
  expect(await service('comms').saveAccount(draft, before)).toEqual({ kind: 'saved', id: before.id });
  const stored = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.accounts.title).items.getById(before.id).select(F.Handle, F.HandleKey, F.OwningService)<Record<string, string>>();
  expect([stored[F.Handle], stored[F.HandleKey], stored[F.OwningService]]).toEqual(['@Northshire_NewsDesk', 'northshire_newsdesk', 'Communications']);
  for (const spelling of ['https://x.com/northshire_newsdesk?lang=en', 'twitter.com/Northshire_NewsDesk/', '@northshire_newsdesk']) {
    const answer = await service('staff').isOurs(spelling);
    expect([spelling, answer.kind, answer.kind === 'ours' ? answer.accounts.map((a) => a.id) : []]).toEqual([spelling, 'ours', [before.id]]);
  }
  // Owner and backup are kept as they were (read back by e-mail).
  expect((await service('comms').editable(before.id))!.draft).toEqual(draft);
});

it('two comms people edit one entry at once: the first save wins, the second is refused with the current values and nothing is written over', async () => {
  const chrisRead = await anXAccount();
  const hannahRead = (await service('commsHead').editable(chrisRead.id))!;
  expect(hannahRead.etag).toBe(chrisRead.etag);
  const chris: AccountDraft = { ...chrisRead.draft, objectives: 'Chris: news and service updates for residents.' };
  const hannah: AccountDraft = { ...hannahRead.draft, objectives: 'Hannah: the council\'s voice in an emergency.', status: 'Under review' };
  expect(await service('comms').saveAccount(chris, chrisRead)).toMatchObject({ kind: 'saved' });
  const second = await service('commsHead').saveAccount(hannah, hannahRead);
  expect(second.kind).toBe('conflict');
  if (second.kind !== 'conflict') return;
  // She is shown what Chris saved, with the ETag to save over it once she has decided.
  expect(second.current.draft).toEqual(chris);
  expect(second.current.etag).not.toBe(hannahRead.etag);
  expect((await service('commsHead').editable(chrisRead.id))!.draft).toEqual(chris);
  // Re-applying her input over what she has now seen succeeds.
  expect(await service('commsHead').saveAccount(hannah, second.current)).toMatchObject({ kind: 'saved' });
  expect((await service('comms').editable(chrisRead.id))!.draft).toEqual(hannah);
});

it('refuses a draft with clear messages and writes nothing', async () => {
  const before = await anXAccount();
  const outcome = await service('comms').saveAccount({ ...before.draft, name: ' ', handle: 'instagram.com/somebody', backupEmail: before.draft.ownerEmail }, before);
  expect(outcome).toEqual({ kind: 'invalid', problems: {
    name: expect.stringMatching(/name/), handle: expect.stringMatching(/on Instagram, but the account's platform is X/),
    backupEmail: expect.stringMatching(/someone other than the owner/)
  } });
  const unknown = await service('comms').saveAccount({ ...before.draft, ownerEmail: 'nobody.here@northshire.gov.uk' }, before);
  expect(unknown).toEqual({ kind: 'invalid', problems: { ownerEmail: expect.stringMatching(/Nobody in the organisation/) } });
  expect(await service('comms').editable(before.id)).toEqual(before);
});

it('comms add an account, with its owner and backup resolved from their e-mail addresses', async () => {
  const draft: AccountDraft = {
    name: 'Northshire Allotments', platform: 'Instagram', handle: 'https://www.instagram.com/NorthshireAllotments/', profileUrl: 'https://www.instagram.com/NorthshireAllotments/',
    service: 'Parks', ownerEmail: person('owner').upn, backupEmail: person('backup').upn, status: 'Proposed', objectives: 'Park events.\nVolunteering.', hashtags: '#ParksWeek'
  };
  const outcome = await service('comms').saveAccount(draft);
  expect(outcome.kind).toBe('saved');
  if (outcome.kind !== 'saved') return;
  const detail = (await service('staff').account(outcome.id))!;
  expect([detail.name, detail.handleKey, detail.owner?.name, detail.backup?.name]).toEqual(['Northshire Allotments', 'northshireallotments', 'Olivia Reed', 'Ben Hughes']);
  const answer = await service('staff').isOurs('@northshireallotments');
  expect(answer.kind === 'ours' && answer.accounts.map((a) => a.id)).toEqual([outcome.id]);
});

describe('staff cannot edit the register', () => {
  it('the service is refused by SharePoint', async () => {
    const before = await anXAccount();
    await expect(service('staff').saveAccount({ ...before.draft, handle: '@hijacked' }, before)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service('staff').saveAccount({ ...before.draft, handle: '@planted' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await service('comms').editable(before.id)).toEqual(before);
  });

  it('nor through raw REST: MERGE, PATCH, an add, a $batch and ValidateUpdateListItem; comms read back that nothing changed', async () => {
    const before = await anXAccount();
    const countBefore = (await service('comms').page({ sort: 'name', pageSize: 500 })).rows.length;
    const staff = person('staff').upn;
    const item = `web/lists/getbytitle('${LISTS.accounts.title}')/items(${before.id})`;
    const change = { [F.Handle]: '@hijacked', [F.HandleKey]: 'hijacked' };
    const answers = [
      await rest.send(staff, { method: 'POST', path: item, body: change, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } }),
      await rest.send(staff, { method: 'PATCH', path: item, body: change, headers: { 'IF-MATCH': before.etag } }),
      await rest.send(staff, { method: 'POST', path: `web/lists/getbytitle('${LISTS.accounts.title}')/items`, body: { Title: 'Planted', [F.Platform]: 'X', ...change, [F.AccountStatus]: 'Active' } }),
      ...(await rest.batch(staff, [{ method: 'MERGE', path: item, body: change, headers: { 'IF-MATCH': '*' } }])),
      await rest.send(staff, { method: 'POST', path: `${item}/ValidateUpdateListItem`, body: { formValues: [{ FieldName: F.Handle, FieldValue: '@hijacked' }], bNewDocumentUpdate: false } })
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await service('comms').editable(before.id)).toEqual(before);
    expect((await service('comms').page({ sort: 'name', pageSize: 500 })).rows.length).toBe(countBefore);
    expect((await service('comms').isOurs('@hijacked')).kind).toBe('notOurs');
  });
});
