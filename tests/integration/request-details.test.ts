import fc from 'fast-check';
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { BUILT_IN, LISTS, fieldNames } from '../../src/data/schema';
import { parseDetails, requestTitle, validateRequest, type RequestInput } from '../../src/domain/requests';
import { CTX, closeAccount, idea, newAccount, paidCampaign } from '../domain/requests/fixtures';

// An accepted form's Details and Title go into SMH Requests and come back character for character:
// what the domain promises ("stored exactly") holds through SharePoint's REST, not only in memory.

const R = fieldNames(LISTS.requests);
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
});
afterAll(async () => { await emu?.close(); });

const HOSTILE = ["'", "' or 1 eq 1 or RequestType eq '", '"', '\\', '\r\n', '\t', '😀👩🏽‍💻', 'e\u0301', 'İß', '<script>x</script>', '{"format":2}', '%27', '$filter=Id gt 0', 'Ysgol Gymraeg'];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 5 }).map((a) => a.join(' ')));
const accepted = fc.record({ which: fc.nat(3), a: text, b: text }).map(({ which, a, b }): RequestInput => {
  switch (which) {
    case 0: return { ...newAccount(), accountName: `Acc ${a}`.replace(/[\r\n\t\u2028\u2029]/g, ' '), objectives: `x${b}` };
    case 1: return { ...paidCampaign(), description: `d${a}`, howReturnIsShown: `h${b}` };
    case 2: return { ...closeAccount(), reason: `r${a}`, followersPlan: b };
    default: return { ...idea(), message: `m${a}${b}` };
  }
}).map((input) => validateRequest(input, CTX)).filter((r) => r.ok);

it('Details and Title are stored exactly as the form was accepted', async () => {
  const staff = spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.requests.title).items;
  let n = 0;
  await fc.assert(fc.asyncProperty(accepted, async (r) => {
    if (!r.ok) return;
    const title = requestTitle(r.details);
    const added = await staff.add({ [BUILT_IN.Title]: title, [R.RequestType]: r.details.kind, [R.SubmissionId]: `prop-${++n}`, [R.Details]: r.json }) as { Id: number };
    const back = await staff.getById(added.Id).select(BUILT_IN.Title, R.RequestType, R.Details)<{ Title: string; RequestType: string; Details: string }>();
    expect({ Title: back.Title, RequestType: back.RequestType, Details: back.Details }).toEqual({ Title: title, RequestType: r.details.kind, Details: r.json });
    expect(parseDetails(back.Details, back.RequestType as typeof r.details.kind)).toEqual({ ok: true, details: r.details });
  }), { numRuns: 40 });
});
