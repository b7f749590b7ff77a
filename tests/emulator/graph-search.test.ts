// The Graph emulator's `$search` on /users, on the wire: refused without ConsistencyLevel: eventual,
// the quoted "property:text" syntax, tokenised prefix matching on displayName, startsWith on mail,
// combined with $filter, and Graph's syntax error for an unquoted clause.
import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import { searchTokens } from '../../workbench/emulator/graph/search';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';
import { STAFF, call } from './graph-support';

const extra = (n: number, displayName: string, upn: string, more: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: `7a1d5c0e-1b2f-4c3d-9e8f-1000000000${String(n).padStart(2, '0')}`, upn, displayName, jobTitle: 'Officer', department: 'Housing',
  accountEnabled: true, persona: 'staff', ...more
});
const PEOPLE: DirectoryUser[] = [
  ...SEED_PEOPLE,
  extra(1, 'Anne-Marie McDonald', 'anne-marie.mcdonald@northshire.gov.uk'),
  extra(2, 'Patricia Samson', 'p.samson@northshire.gov.uk'),
  extra(3, 'Alex Partner (Guest)', 'alex_partner.org#EXT#@northshire.gov.uk', { userType: 'Guest', mail: 'alex@partner.org' })
];

let server: GraphTestServer;
beforeAll(async () => { server = await startGraphTestServer({ directory: PEOPLE }); });
afterAll(() => server.close());

const EVENTUAL = { ConsistencyLevel: 'eventual' };
async function search(expr: string, more = '', headers: Record<string, string> = EVENTUAL) {
  return call(server.origin, STAFF.upn, 'GET', `/v1.0/users?$search=${encodeURIComponent(expr)}&$select=displayName,mail${more}`, undefined, headers);
}
const names = (res: { body: { value: { displayName: string }[] } }) => res.body.value.map((u) => u.displayName).sort();

it('refuses $search without ConsistencyLevel: eventual with Graph\'s 400 and words', async () => {
  const refused = await search('"displayName:sam"', '', {});
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'" });
  expect((await search('"displayName:sam"', '', { ConsistencyLevel: 'Eventual' })).status).toBe(200);
});

it('matches displayName by word prefixes, any case and order, never inside a word', async () => {
  expect(names(await search('"displayName:sam"'))).toEqual(['Patricia Samson', 'Sam Patel']);
  expect(names(await search('"displayName:PAT sa"'))).toEqual(['Patricia Samson', 'Sam Patel']);
  expect(names(await search('"displayName:patel sam"'))).toEqual(['Sam Patel']);
  // "amso" is inside "Samson", not at the start of a word: Graph has no "contains".
  expect(names(await search('"displayName:amso"'))).toEqual([]);
  // Hyphens and a change to capitals split words; words joined by a symbol also match run together.
  expect(names(await search('"displayName:donald"'))).toEqual(['Anne-Marie McDonald']);
  expect(names(await search('"displayName:marie"'))).toEqual(['Anne-Marie McDonald']);
  expect(names(await search('"displayName:annemarie"'))).toEqual(['Anne-Marie McDonald']);
});

it('matches mail from its start only, as $filter startsWith does', async () => {
  expect(names(await search('"mail:p.sam"'))).toEqual(['Patricia Samson']);
  expect(names(await search('"mail:samson"'))).toEqual([]);
  expect(names(await search('"mail:alex@partner"'))).toEqual(['Alex Partner (Guest)']);
});

it('joins clauses with OR and AND (capitals, outside the quotes), with parentheses, and ANDs the whole with $filter', async () => {
  expect(names(await search('"displayName:ben" OR "mail:olivia"'))).toEqual(['Ben Hughes', 'Olivia Reed']);
  expect(names(await search('"displayName:sam" AND "mail:sam"'))).toEqual(['Sam Patel']);
  expect(names(await search('("displayName:alex" OR "mail:leah") AND "displayName:partner"'))).toEqual(['Alex Partner (Guest)']);
  const members = await search('"displayName:alex" OR "displayName:leah"', `&$filter=${encodeURIComponent("accountEnabled eq true and userType eq 'Member'")}`);
  expect(members.status).toBe(200);
  expect(names(members)).toEqual([]);
  const enabled = await search('"displayName:alex" OR "displayName:leah"', `&$filter=${encodeURIComponent('accountEnabled eq true')}`);
  expect(names(enabled)).toEqual(['Alex Partner (Guest)']);
});

it('reads backslash escapes inside a clause, so a quote in a name is searchable', async () => {
  const res = await search('"displayName:O\\"Reed"');
  expect(res.status).toBe(200);
  expect(names(res)).toEqual(['Olivia Reed']);
});

it('refuses bad syntax rather than matching everything', async () => {
  const unquoted = await search('displayName:room');
  expect(unquoted.status).toBe(400);
  expect(unquoted.body.error).toMatchObject({ code: 'BadRequest', message: "Syntax error: character ':' is not valid at position 11 in 'displayName:room'." });
  for (const bad of ['"displayName:sam', '"displayName:sam" or "mail:x"', '"sam"', '("displayName:sam"', '"shoeSize:9"']) {
    const res = await search(bad);
    expect([bad, res.status]).toEqual([bad, 400]);
    expect(res.body.value).toBeUndefined();
  }
});

it('tokenises like the documented examples', () => {
  expect(searchTokens('hello world')).toEqual(expect.arrayContaining(['hello', 'world']));
  expect(searchTokens('HelloWorld')).toEqual(expect.arrayContaining(['hello', 'world']));
  expect(searchTokens('HELLOworld')).toEqual(['helloworld']);
  expect(searchTokens('hello.world')).toEqual(expect.arrayContaining(['hello', 'world', 'helloworld']));
  expect(searchTokens('hello123world')).toEqual(expect.arrayContaining(['hello', '123', 'world']));
});
