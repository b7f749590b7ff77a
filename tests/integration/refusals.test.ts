import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { SpProvisioner } from '../../src/data/sp/provisioner';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpSettingsRepository } from '../../src/data/sp/settingsRepository';
import { SetupService } from '../../src/services/setupService';
import { AppError } from '../../src/domain/errors';

// Which refusal is which, read from what SharePoint (here the emulator) answers: an account it does
// not accept (a leaver, someone outside the directory) versus a known person refused the site or an
// action. The UI words each differently, so the distinction must survive the real PnPjs error path.

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  const sp = spAs(emu, person('siteOwner').upn);
  await new SetupService(new SpProvisioner(sp), new SpPolicyRepository(sp), new SpSettingsRepository(sp)).run({ organisationName: 'Northshire Council' });
});

afterAll(async () => {
  await emu?.close();
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => { throw new Error('expected a refusal'); }, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('refusals as the app sees them', () => {
  it('a leaver and someone outside the directory: SharePoint does not accept the account', async () => {
    for (const upn of [person('leaver').upn, 'ghost@northshire.gov.uk']) {
      const e = await refusal(new SpPolicyRepository(spAs(emu, upn)).loadPolicyPage(0));
      expect(e).toMatchObject({ kind: 'forbidden', reason: 'signIn' });
      expect(e.message).toMatch(/did not accept your account/);
    }
  });

  it('a known member of staff refused one action is told it was that action, and nothing changed', async () => {
    const e = await refusal(new SpSettingsRepository(spAs(emu, person('staff').upn)).save({ organisationName: 'Somewhere Else' }));
    expect(e).toMatchObject({ kind: 'forbidden', reason: 'denied' });
    const stored = await new SpSettingsRepository(spAs(emu, person('siteOwner').upn)).load();
    expect(stored.organisationName).toBe('Northshire Council');
  });

  it('a guest outside the site is refused by a known-caller "Access denied", not a sign-in failure', async () => {
    const guest = { ...person('staff'), id: '7a1d5c0e-1b2f-4c3d-9e8f-0000000000ef', upn: 'pat.jones_contoso.com#EXT#@northshire.gov.uk', displayName: 'Pat Jones (guest)', userType: 'Guest' };
    const ctx = emu.context as { directory: unknown };
    const before = ctx.directory;
    ctx.directory = [...(before as object[]), guest];
    try {
      const e = await refusal(new SpPolicyRepository(spAs(emu, guest.upn)).loadPolicyPage(0));
      expect(e).toMatchObject({ kind: 'forbidden', reason: 'denied' });
    } finally {
      ctx.directory = before;
    }
  });
});
