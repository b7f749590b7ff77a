import { emptyRequest, fieldProblems, hoursPerWeek, inputFromDetails, localDate, moneyPence, PLATFORMS, parseDetails, REQUEST_KINDS, REQUEST_LIMITS, requestTitle, serialiseDetails, storableTextProblem, validateRequest, type FormProblem, type RequestInput } from '../../../src/domain/requests';
import { LISTS } from '../../../src/data/schema';
import { CTX, closeAccount, idea, newAccount, paidCampaign } from './fixtures';

const problems = (input: RequestInput): FormProblem[] => {
  const r = validateRequest(input, CTX);
  return r.ok ? [] : r.problems;
};
const messageAt = (input: RequestInput, path: string): string | undefined => problems(input).find((p) => p.path === path)?.message;

describe('the four forms', () => {
  it.each([['new account', newAccount], ['paid campaign', paidCampaign], ['close account', closeAccount], ['idea or question', idea]] as const)('a complete %s form is accepted and its Details read back the same', (_, make) => {
    const r = validateRequest(make(), CTX);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(parseDetails(r.json, make().kind)).toEqual({ ok: true, details: r.details });
    expect(serialiseDetails(r.details)).toBe(r.json);
    // Revising starts from the form as sent, and sending it unchanged gives the same request.
    expect(validateRequest(inputFromDetails(r.details), CTX)).toEqual(r);
  });

  it('an empty form of each kind says what to fill in, field by field, and nothing else', () => {
    const na = problems(emptyRequest('New account'));
    expect(na.map((p) => p.path)).toEqual(['accountName', 'platform', 'owningService', 'whyExistingCannotServe', 'audience', 'whereAudienceTalks', 'objectives', 'contentPlan', 'hoursPerWeek', 'owner.name', 'owner.email', 'backup.name', 'backup.email', 'rota', 'staffedHours.slots', 'exitPlan']);
    expect(na.find((p) => p.path === 'whyExistingCannotServe')!.message).toMatch(/existing accounts/);
    expect(problems(emptyRequest('Paid campaign')).map((p) => p.path)).toEqual(['title', 'purpose', 'description', 'platform', 'budget', 'startDate', 'endDate', 'expectedReturn', 'howReturnIsShown']);
    expect(problems(emptyRequest('Close account')).map((p) => p.path)).toEqual(['accountId', 'accountName', 'reason']);
    expect(problems(emptyRequest('Idea or question')).map((p) => p.path)).toEqual(['subject', 'message']);
  });

  it('the kinds are the schema\'s request types, and the platforms the register\'s', () => {
    expect(LISTS.requests.fields.find((f) => f.name === 'RequestType')!.choices).toEqual(REQUEST_KINDS);
    expect(LISTS.accounts.fields.find((f) => f.name === 'Platform')!.choices).toEqual(PLATFORMS);
  });

  it('a field is checked on its own with the same rules as the whole form', () => {
    const f = { ...newAccount(), hoursPerWeek: 'about six' };
    expect(fieldProblems(f, 'hoursPerWeek', CTX)).toEqual([{ path: 'hoursPerWeek', message: 'Write the hours as a number, like 6 or 7.5 (no words or units).' }]);
    expect(fieldProblems(f, 'owner', CTX)).toEqual([]);
    const g = { ...newAccount(), owner: { name: '', email: 'olivia' } };
    expect(fieldProblems(g, 'owner', CTX).map((p) => p.path)).toEqual(['owner.name', 'owner.email']);
  });
});

describe('new account', () => {
  it('the backup must be someone else than the owner (e-mail compared without case)', () => {
    const f = newAccount();
    f.backup = { name: 'O. Reed', email: 'Olivia.Reed@northshire.example' };
    expect(messageAt(f, 'backup.email')).toMatch(/someone other than the owner/);
  });

  it('staffed hours: a slot must end after it starts, on a real day, without overlapping another', () => {
    const f = newAccount();
    f.staffedHours.slots = [{ day: 'Mon', from: '09:00', to: '17:00' }, { day: 'Mon', from: '16:00', to: '18:00' }, { day: 'Funday', from: '17:00', to: '09:00' }, { day: 'Wed', from: '9am', to: '24:00' }];
    const p = problems(f);
    expect(p).toEqual([
      { path: 'staffedHours.slots.2.day', message: 'Choose the day of the week.' },
      { path: 'staffedHours.slots.2.to', message: expect.stringMatching(/end time must be after the start time \(17:00\).*next day/) },
      { path: 'staffedHours.slots.3.from', message: 'Give the start time as hours and minutes, like 09:00.' },
      { path: 'staffedHours.slots.1.from', message: 'This overlaps the 09:00–17:00 slot on the same day. Join them into one slot, or change the times.' }
    ]);
    f.staffedHours = { allHours: true, slots: [{ day: 'nonsense', from: '', to: '' }], profileWillSaySo: false };
    const r = validateRequest(f, CTX);
    expect(r.ok && r.details.kind === 'New account' && r.details.staffedHours).toEqual({ allHours: true, slots: [], profileWillSaySo: false });
  });

  it('hours a week: a number above nothing and within a week', () => {
    expect(hoursPerWeek(' 7.5 ')).toEqual({ ok: true, value: 7.5 });
    expect(hoursPerWeek('0')).toMatchObject({ ok: false, message: expect.stringMatching(/always takes some time/) });
    expect(hoursPerWeek('169')).toMatchObject({ ok: false, message: 'A week has 168 hours. Give the hours a week this account will take.' });
    expect(hoursPerWeek('6 hours')).toMatchObject({ ok: false });
    expect(hoursPerWeek('1e2')).toMatchObject({ ok: false });
  });

  it('a hashtag is optional, but one given needs a public check no older than 90 days, with a link', () => {
    const f = newAccount();
    f.hashtag = { tag: '', checkedOn: '', evidenceUrl: '' };
    const r = validateRequest(f, CTX);
    expect(r.ok && r.details.kind === 'New account' && r.details.hashtag).toBeNull();
    f.hashtag = { tag: '', checkedOn: '2026-03-01', evidenceUrl: '' };
    expect(messageAt(f, 'hashtag.tag')).toMatch(/Give the hashtag you checked/);
    f.hashtag = { tag: 'NorthshireReads', checkedOn: '2025-11-01', evidenceUrl: 'javascript:alert(1)' };
    expect(problems(f)).toEqual([
      { path: 'hashtag.tag', message: 'Start the hashtag with #, for example #NorthshireReads.' },
      { path: 'hashtag.checkedOn', message: 'This check is more than 90 days old. Search for the hashtag again and give today\'s date.' },
      { path: 'hashtag.evidenceUrl', message: 'Use a web address that starts with https://' }
    ]);
    f.hashtag = { tag: '#NorthshireReads', checkedOn: '2026-03-03', evidenceUrl: 'https://example.org/check' };
    expect(messageAt(f, 'hashtag.checkedOn')).toMatch(/cannot be in the future/);
  });
});

describe('paid campaign', () => {
  it('only for a campaign, an event or recruitment', () => {
    expect(messageAt({ ...paidCampaign(), purpose: 'Brand awareness' }, 'purpose')).toBe('Paid promotion is only for a campaign, an event or recruitment. For anything else, send comms an idea or question instead.');
  });

  it('money in pounds becomes whole pence; the return must be something', () => {
    const r = validateRequest(paidCampaign(), CTX);
    expect(r.ok && r.details.kind === 'Paid campaign' && [r.details.budgetPence, r.details.expectedReturnPence]).toEqual([125050, 4000000]);
    expect(moneyPence('£ 1,000,000.00', 'budget', REQUEST_LIMITS.maxBudgetPence)).toEqual({ ok: true, value: 100_000_000 });
    expect(moneyPence('1,000,000.01', 'budget', REQUEST_LIMITS.maxBudgetPence)).toMatchObject({ ok: false, message: expect.stringMatching(/more than the most/) });
    expect(moneyPence('12,34', 'budget', 1e9)).toMatchObject({ ok: false, message: expect.stringMatching(/two digits after the point/) });
    expect(moneyPence('12.5', 'budget', 1e9)).toMatchObject({ ok: false });
    expect(messageAt({ ...paidCampaign(), expectedReturn: '0' }, 'expectedReturn')).toBe('The expected financial return cannot be nothing: give an amount in pounds.');
  });

  it('dates: real ones, not yet passed, the end not before the start', () => {
    expect(messageAt({ ...paidCampaign(), startDate: '2026-02-30' }, 'startDate')).toMatch(/not a date the form understands/);
    expect(messageAt({ ...paidCampaign(), startDate: '2026-03-01' }, 'startDate')).toMatch(/start date has passed/);
    expect(messageAt({ ...paidCampaign(), startDate: '2026-03-02', endDate: '2026-03-02' }, 'startDate')).toBeUndefined();
    expect(messageAt({ ...paidCampaign(), endDate: '2026-03-15' }, 'endDate')).toBe('The end date is before the start date. Choose the last day the promotion runs.');
    expect(messageAt({ ...paidCampaign(), startDate: '2029-03-16', endDate: '2029-04-01' }, 'startDate')).toMatch(/more than two years away/);
  });

  it('the account is optional; one given must be a register id', () => {
    const r = validateRequest({ ...paidCampaign(), accountId: '' }, CTX);
    expect(r.ok && r.details.kind === 'Paid campaign' && r.details.accountId).toBeNull();
    expect(messageAt({ ...paidCampaign(), accountId: "1 or 1 eq 1" }, 'accountId')).toMatch(/Pick the account from the list again/);
  });
});

describe('text is stored exactly or refused with a reason', () => {
  it('keeps quotes, line breaks, any script and OData-looking text exactly', () => {
    const message = "It's \"quoted\" — Ysgol Gymraeg ✓ 👩🏽‍💻\r\nRequestType eq 'x' or 1 eq 1) &$filter=%27\n\t\\u0041 {\"format\":2}";
    const r = validateRequest({ ...idea(), message }, CTX);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = parseDetails(r.json, 'Idea or question');
    expect(back.ok && back.details.kind === 'Idea or question' && back.details.message).toBe(message);
  });

  it('refuses what cannot travel through SharePoint, saying how to fix it', () => {
    expect(storableTextProblem('a\u0000b', { max: 10, multiLine: true })).toMatch(/invisible control character/);
    expect(storableTextProblem('half \ud83d emoji', { max: 100, multiLine: true })).toMatch(/broken character/);
    expect(storableTextProblem('two\nlines', { max: 100, multiLine: false })).toBe('Keep this to one line: remove the line breaks and tabs.');
    expect(storableTextProblem('x'.repeat(2345), { max: 2000, multiLine: true })).toBe('This is 2,345 characters long; the most is 2,000. Shorten it by 345.');
    expect(messageAt({ ...idea(), subject: 'Line one\nline two' }, 'subject')).toMatch(/one line/);
  });

  it('the largest possible request, every character escaped, fits the Details column', () => {
    const L = REQUEST_LIMITS;
    const worst = (n: number, multiLine = true) => (multiLine ? '"\\\n' : '"\\').repeat(n).slice(0, n);
    const f = newAccount();
    Object.assign(f, {
      accountName: worst(L.nameLength, false), handle: worst(L.handleLength, false), owningService: worst(L.serviceLength, false),
      whyExistingCannotServe: worst(L.noteLength), audience: worst(L.noteLength), whereAudienceTalks: worst(L.shortNoteLength), objectives: worst(L.noteLength),
      contentPlan: worst(L.longNoteLength), rota: worst(L.noteLength), exitPlan: worst(L.noteLength),
      owner: { name: worst(L.personNameLength, false), email: 'o@x.example' }, backup: { name: worst(L.personNameLength, false), email: 'b@x.example' }
    });
    f.staffedHours.slots = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].flatMap((day) => [{ day, from: '00:00', to: '12:00' }, { day, from: '12:00', to: '24:00' }]);
    const r = validateRequest(f, CTX);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // Every typed character took two in the JSON: this is the worst case, not a lucky one.
    const typed = L.nameLength + L.handleLength + L.serviceLength + 5 * L.noteLength + L.shortNoteLength + L.longNoteLength + 2 * L.personNameLength;
    expect(r.json.length).toBeGreaterThan(2 * typed);
    expect(r.json.length).toBeLessThanOrEqual(L.detailsLength);
  });

  it('the item title is one line within 255 characters, even for the longest names', () => {
    const r = validateRequest({ ...idea(), subject: '😀'.repeat(60) }, CTX);
    expect(r.ok && requestTitle(r.details)).toBe(`Idea or question: ${'😀'.repeat(60)}`);
    const long = validateRequest({ ...newAccount(), accountName: 'x'.repeat(120), platform: 'WhatsApp channel' }, CTX);
    expect(long.ok && requestTitle(long.details).length).toBeLessThanOrEqual(255);
  });
});

describe('reading stored Details', () => {
  it('refuses what is not a request of this format, never throwing', () => {
    const good = validateRequest(idea(), CTX);
    if (!good.ok) throw new Error('fixture');
    expect(parseDetails(good.json, 'New account')).toEqual({ ok: false, reason: 'The details are of a Idea or question request, but the item says New account.' });
    for (const junk of [null, '', '{', '[]', '"x"', '{"format":2,"kind":"Idea or question"}', '{"format":1,"kind":"Nope"}', '{"format":1,"kind":"Idea or question","subject":"x"}', '{"format":1,"kind":"Idea or question","subject":1,"message":"m"}', '{"format":1,"kind":"Paid campaign","title":"t","purpose":"Brand","description":"","platform":"X","accountId":null,"budgetPence":1,"startDate":"","endDate":"","expectedReturnPence":1,"howReturnIsShown":"","hashtag":null}']) {
      expect(parseDetails(junk)).toMatchObject({ ok: false, reason: expect.any(String) });
    }
  });

  it('ignores fields it does not know and writes back the same request', () => {
    const good = validateRequest(idea(), CTX);
    if (!good.ok) throw new Error('fixture');
    const extra = JSON.stringify({ ...JSON.parse(good.json), planted: '<script>' });
    const back = parseDetails(extra);
    expect(back.ok && serialiseDetails(back.details)).toBe(good.json);
  });
});

it('today is the date where the person is, not in UTC', () => {
  const lateEvening = new Date(2026, 2, 31, 23, 30);
  expect(localDate(lateEvening)).toBe('2026-03-31');
  expect(localDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
});
