import fc from 'fast-check';
import { readImportSheet, checkAgainstRegister, checkPeople, peopleNamed, sheetProblems, MAX_IMPORT_ROWS, type ImportSheet } from '../../../src/domain/register/importSheet';
import { readStaffedHoursText } from '../../../src/domain/register/staffedHoursText';
import { describeStaffedHours } from '../../../src/domain/register/staffedHours';
import { PLATFORMS, ACCOUNT_STATUSES } from '../../../src/domain/register/choices';
import { RegisterService } from '../../../src/services/registerService';
import type { AccountDetail } from '../../../src/services/ports/register';

const HEAD = 'Name,Platform,Handle,Status,Owner e-mail,Backup e-mail';
const sheet = (text: string): Extract<ImportSheet, { ok: true }> => {
  const s = readImportSheet(text);
  if (!s.ok) throw new Error(s.message);
  return s;
};
const problemsOf = (s: Extract<ImportSheet, { ok: true }>) => sheetProblems(s).map((p) => [p.row, p.column, p.message]);

describe('reading an import file', () => {
  it('reads each row as the account it will become, matching headers whatever their case and spacing', () => {
    const s = sheet('\ufeffNAME , platform,HANDLE,status,owner email,Backup E-mail,Staffed Hours,Profile states hours,Response target (hours)\r\n'
      + 'Northshire Libraries,facebook,https://www.facebook.com/NorthshireLibraries/,active,olivia.reed@northshire.gov.uk,ben.hughes@northshire.gov.uk,Mon-Fri 9:00-17:00,Yes,4\r\n');
    expect(s.columns.map((c) => c.field)).toEqual(['name', 'platform', 'handle', 'status', 'ownerEmail', 'backupEmail', 'staffedHours', 'profileStatesHours', 'responseTargetHours']);
    expect(s.rows).toEqual([{
      row: 2, problems: [], notes: [], cells: expect.objectContaining({ platform: 'facebook', status: 'active' }),
      values: expect.objectContaining({
        name: 'Northshire Libraries', platform: 'Facebook', handle: 'https://www.facebook.com/NorthshireLibraries/', handleKey: 'northshirelibraries', status: 'Active',
        ownerEmail: 'olivia.reed@northshire.gov.uk', profileStatesHours: true, responseTargetHours: 4
      })
    }]);
    expect(describeStaffedHours(s.rows[0].values!.staffedHours)).toBe('Mon–Fri 09:00–17:00');
  });

  it('names the columns it does not read, and why', () => {
    const s = sheet('Id,Name,Platform,Handle,Status,Owner,Colour\r\n7,A,X,@a,Active,Olivia Reed,blue\r\n');
    expect(s.columns.filter((c) => !c.field).map((c) => [c.header, c.ignoredBecause])).toEqual([
      ['Id', 'the register numbers its entries itself'],
      ['Owner', expect.stringMatching(/e-mail address/)],
      ['Colour', 'the register has no such column']
    ]);
    expect(s.rows[0].problems).toEqual([]);
  });

  it('refuses a file without the columns it needs, an empty one, and one over the limit, saying what to do', () => {
    expect(readImportSheet('Name,Handle\r\nA,@a\r\n')).toEqual({ ok: false, message: expect.stringMatching(/missing: Platform, Status/) });
    expect(readImportSheet('')).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
    expect(readImportSheet(`${HEAD}\r\n\r\n,,,,,\r\n`)).toEqual({ ok: false, message: expect.stringMatching(/no accounts/) });
    const big = [HEAD, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `A${i},X,@a${i},Active,,`)].join('\r\n');
    expect(readImportSheet(big)).toEqual({ ok: false, message: expect.stringMatching(/5,001 accounts; one import takes at most 5,000/) });
  });

  it('reports every problem with the row number the spreadsheet shows, the column and what to write instead', () => {
    const s = sheet([
      'Name,Platform,Handle,Status,Owner e-mail,Backup e-mail,Staffed hours,Profile states hours,Response target (hours),Created from request',
      ',X,@ok1,Active,,,,,,', // 2: no name
      'B,,@ok2,Active,,,,,,', // 3: no platform
      'C,Myspace,@ok3,Active,,,,,,', // 4: unknown platform
      'D,X,@ok4,Open,,,,,,', // 5: unknown status
      'E,X,Northshire Libraries,Active,,,,,,', // 6: a name, not a handle
      'F,X,https://www.facebook.com/northshire,Active,,,,,,', // 7: address on another platform
      'G,X,@ok7,Active,olivia,,,,,', // 8: not an e-mail address
      'H,X,@ok8,Active,,,sometimes,,,', // 9: staffed hours
      'I,X,@ok9,Active,,,,maybe,,', // 10
      'J,X,@ok10,Active,,,,,soon,', // 11
      'K,X,@ok11,Active,,,,,,abc', // 12
      `${'L'.repeat(256)},X,@ok12,Active,,,,,,`, // 13: too long
      'M,X,@OK1,Active,,,,,,', // 14: same account as row 2's handle? row 2 has no name so is not an account: fine
      'N,X,@ok13,Active,,,,,,', // 15
      'O,X,x.com/OK13,Active,,,,,,', // 16: same as row 15
      'P,X,@ok14,Active,,,,,,,extra' // 17: more cells than columns
    ].join('\r\n'));
    const report = problemsOf(s);
    expect(report).toEqual([
      [2, 'Name', expect.stringMatching(/Give the account's name/)],
      [3, 'Platform', `Write the platform the account is on: one of ${PLATFORMS.join(', ')}.`],
      [4, 'Platform', `"Myspace" is not a platform the register knows. Write one of: ${PLATFORMS.join(', ')}.`],
      [5, 'Status', `"Open" is not a status the register knows. Write: one of ${ACCOUNT_STATUSES.join(', ')}.`],
      [6, 'Handle', expect.stringMatching(/looks like a name rather than a handle/)],
      [7, 'Handle', expect.stringMatching(/on Facebook, but the account's platform is X/)],
      [8, 'Owner e-mail', expect.stringMatching(/not an e-mail address/)],
      [9, 'Staffed hours', expect.stringMatching(/"sometimes" does not read as days and times.*Mon–Fri 09:00–17:00/)],
      [10, 'Profile states hours', 'Write Yes or No (or leave it empty when not known), not "maybe".'],
      [11, 'Response target (hours)', expect.stringMatching(/number above 0.*not "soon"/)],
      [12, 'Created from request', expect.stringMatching(/request's number.*not "abc"/)],
      [13, 'Name', expect.stringMatching(/256 characters long; the most is 255/)],
      [16, 'Handle', 'Row 15 already has this account (X, @ok13). Remove one of the two rows.'],
      [17, 'column 11', expect.stringMatching(/11 cells but the first row names 10 columns/)]
    ]);
    expect(s.rows.filter((r) => r.values).map((r) => r.row)).toEqual([14, 15]);
  });

  it('asks for a status when the cell is empty', () => {
    expect(problemsOf(sheet(`${HEAD}\r\nA,X,@a,,,\r\n`))).toEqual([[2, 'Status', `Write the account's status: one of ${ACCOUNT_STATUSES.join(', ')}.`]]);
  });

  it('keeps formula-looking cells exactly, as text, and says so; the export\'s apostrophe marker is removed', () => {
    const s = sheet(`Name,Platform,Handle,Status,Objectives and audience\r\n"=HYPERLINK(""http://evil"")",X,@a,Active,'+44 1234\r\n`);
    expect([s.rows[0].values?.name, s.rows[0].values?.objectives]).toEqual(['=HYPERLINK("http://evil")', '+44 1234']);
    expect(s.rows[0].notes).toEqual([
      expect.stringMatching(/^Name starts with "=": it is stored as text/),
      expect.stringMatching(/^Objectives and audience starts with "\+"/)
    ]);
  });

  it('refuses rows already in the register, naming the entry, and rows naming people the directory does not know', () => {
    const s = sheet(`${HEAD}\r\nA,X,https://x.com/NorthshireNews,Active,olivia.reed@northshire.gov.uk,nobody@northshire.gov.uk\r\nB,Instagram,@northshirenews,Active,Olivia.Reed@northshire.gov.uk,\r\n`);
    expect(peopleNamed(s)).toEqual(['olivia.reed@northshire.gov.uk', 'nobody@northshire.gov.uk']);
    checkAgainstRegister(s, [{ platform: 'X', handleKey: 'northshirenews', name: 'Northshire News', handle: '@NorthshireNews' }]);
    checkPeople(s, new Map([['olivia.reed@northshire.gov.uk', 12], ['nobody@northshire.gov.uk', undefined]]));
    expect(problemsOf(s)).toEqual([[2, 'Handle', 'Already in the register as "Northshire News" (X, @NorthshireNews). Remove this row, or change that entry in the register instead.']]);
    // Row 2 is already refused; the people check applies to the rows still good. Row 3 is on another platform: not a duplicate.
    expect(s.rows[1].problems).toEqual([]);
    const t = sheet(`${HEAD}\r\nA,X,@a,Active,olivia.reed@northshire.gov.uk,nobody@northshire.gov.uk\r\n`);
    checkPeople(t, new Map([['olivia.reed@northshire.gov.uk', 12]]));
    expect(problemsOf(t)).toEqual([[2, 'Backup e-mail', 'Nobody in the organisation has the address nobody@northshire.gov.uk. Check the spelling, or write their work address.']]);
  });

  it('any cell text is stored exactly or refused with a message (spaces alone in an optional cell mean empty)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (name, objectives) => {
      const s = readImportSheet(new RegisterService({} as never, async () => 0).csv([{ ...base, name, objectives }]));
      expect(s.ok).toBe(true);
      if (!s.ok) return;
      const [row] = s.rows;
      if (row.values) {
        // As in the edit form, an optional cell of nothing but spaces means "none".
        expect([row.values.name, row.values.objectives ?? '']).toEqual([name, objectives.trim() === '' ? '' : objectives]);
      } else {
        expect(row.problems.length).toBeGreaterThan(0);
        for (const p of row.problems) expect(['Name', 'Objectives and audience']).toContain(p.column);
        for (const p of row.problems) expect(p.message.length).toBeGreaterThan(10);
      }
    }), { numRuns: 300 });
  });

  it('an export imports again as the same register', () => {
    const person = (email: string) => ({ userId: 1, name: 'Someone, "Quoted"', email, login: email });
    const account = fc.record({
      name: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/[\r\n\t]/.test(s)),
      handle: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/).map((h) => `@${h}`),
      platform: fc.constantFrom('X', 'Instagram', 'TikTok', 'Threads'),
      status: fc.constantFrom(...ACCOUNT_STATUSES),
      service: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[\r\n\t]/.test(s)), { nil: undefined }),
      objectives: fc.option(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''), { nil: undefined }),
      staffedHours: fc.option(fc.constantFrom('{"always":true}', '{"slots":[{"days":["Mon","Tue","Wed"],"from":"09:00","to":"17:00"},{"days":["Sat"],"from":"10:00","to":"12:00"}]}'), { nil: undefined }),
      profileStatesHours: fc.option(fc.boolean(), { nil: undefined }),
      responseTargetHours: fc.option(fc.constantFrom(1, 4, 0.5, 24), { nil: undefined }),
      fromRequestId: fc.option(fc.integer({ min: 1, max: 99999 }), { nil: undefined }),
      owner: fc.option(fc.constant(person('olivia.reed@northshire.gov.uk')), { nil: undefined })
    });
    fc.assert(fc.property(fc.uniqueArray(account, { selector: (a) => `${a.platform}${a.handle}`, maxLength: 8, minLength: 1 }), (accounts) => {
      const details: AccountDetail[] = accounts.map((a, i) => ({ ...base, ...a, id: i + 1 }));
      const s = readImportSheet(new RegisterService({} as never, async () => 0).csv(details));
      expect(s.ok && sheetProblems(s)).toEqual([]);
      if (!s.ok) return;
      expect(s.rows.map((r) => {
        const v = r.values!;
        return { name: v.name, handle: v.handle, platform: v.platform, status: v.status, service: v.service, objectives: v.objectives, staffedHours: describeStaffedHours(v.staffedHours),
          profileStatesHours: v.profileStatesHours, responseTargetHours: v.responseTargetHours, fromRequestId: v.fromRequestId, owner: v.ownerEmail };
      })).toEqual(details.map((d) => ({ name: d.name, handle: d.handle, platform: d.platform, status: d.status, service: d.service, objectives: d.objectives, staffedHours: describeStaffedHours(d.staffedHours),
        profileStatesHours: d.profileStatesHours, responseTargetHours: d.responseTargetHours, fromRequestId: d.fromRequestId, owner: d.owner?.email })));
    }), { numRuns: 100 });
  });

  it('checks 5,000 rows without trouble', () => {
    const text = [HEAD, ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `"Account ${i}, Northshire",X,https://x.com/acct${i},Active,olivia.reed@northshire.gov.uk,`)].join('\r\n');
    const s = sheet(text);
    expect(s.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(sheetProblems(s)).toEqual([]);
  });
});

describe('staffed hours as people write them', () => {
  it.each([
    ['24/7', '24/7'], ['Mon–Fri 09:00–17:00', 'Mon–Fri 09:00–17:00'], ['monday-friday 9:00 - 17:30; Sat, Sun 10:00-14:00', 'Mon–Fri 09:00–17:30; Sat, Sun 10:00–14:00'],
    ['{"always":true}', '24/7'], ['Tues, Thurs 08:00-12:00', 'Tue, Thu 08:00–12:00']
  ])('%s reads as %s', (text, described) => {
    const r = readStaffedHoursText(text);
    expect(r.ok && describeStaffedHours(r.stored)).toBe(described);
  });
  it.each(['weekdays', 'Mon 25:00-26:00', 'Fri-Mon 09:00-17:00', 'Mon 09:00-09:00', '{"slots":1}'])('refuses %s with how to write it', (text) => {
    expect(readStaffedHoursText(text)).toEqual({ ok: false, message: expect.stringMatching(/Write staffed hours as days and times/) });
  });
});

const base: AccountDetail = { id: 1, name: 'Base', platform: 'X', handle: '@base', status: 'Active', created: '', modified: '' };
