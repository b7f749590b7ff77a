// The permission matrix as a test: the runner shared with `npm run matrix` tries every cell of
// src/data/schema/matrix.ts through raw REST (plain calls, $batch parts, X-HTTP-Method overrides,
// the validate endpoints) against the emulator after the real set-up, reads back as the site owner
// after every refused write, and holds allowed-but-ignored writes against the domain rules.
import { MATRIX_LISTS, MATRIX_ROLES, MATRIX_VERBS, matrixRow } from '../../src/data/schema/matrix';
import { formatMatrix, runMatrix, type CellResult, type MatrixRun } from './runner';

let run: MatrixRun;
beforeAll(async () => { run = await runMatrix(); }, 600_000);

const describeCell = (c: CellResult) =>
  `${c.verb}: expected ${c.expected}; ${c.channels.filter((x) => !x.ok).map((x) => `${x.channel} → ${x.observed}`).join('; ')}`;

test('building the matrix site found nothing the product could not do, and every channel is offered', () => {
  expect(run.setupFindings).toEqual([]);
  expect(run.unavailableChannels).toEqual([]);
});

const rows = MATRIX_ROLES.flatMap((role) => MATRIX_LISTS.map((list) => [role, list, matrixRow(role, list)] as const));
test.each(rows)('%s on %s behaves as %s', (role, list) => {
  const cells = run.cells.filter((c) => c.role === role && c.list === list);
  expect(cells).toHaveLength(MATRIX_VERBS.length);
  // Every cell that is tried is tried on at least one channel.
  for (const c of cells) if (c.expected !== 'n/a') expect(c.channels.length).toBeGreaterThan(0);
  expect(cells.filter((c) => !c.ok).map(describeCell)).toEqual([]);
});

test('the acceptance cells of issue 6 hold', () => {
  expect(run.special.map((s) => s.name)).toEqual(expect.arrayContaining([
    "a comms officer's MERGE of someone's request is refused and the request reads back unchanged",
    "a comms officer's DELETE of someone's request is refused and the request reads back unchanged",
    "a requester reads the review of their own request and of nobody else's",
    "a requester reads the decision of their own request and of nobody else's",
    'a vault public key counts only for its author, and only while the author is in comms'
  ]));
  expect(run.special.filter((s) => !s.ok).map((s) => `${s.name}: ${s.channels.filter((c) => !c.ok).map((c) => `${c.channel} → ${c.observed}`).join('; ')}`)).toEqual([]);
});

test('the printed matrix has a line per role × list and ends with the count', () => {
  const lines = formatMatrix(run).split('\n');
  for (const role of MATRIX_ROLES) {
    for (const list of MATRIX_LISTS) expect(lines.filter((l) => l.startsWith(`${role.padEnd(12)}  ${list} `))).toHaveLength(1);
  }
  expect(lines[lines.length - 1]).toBe(`matrix: ${run.cells.length + run.special.length} cells, 0 unexpected`);
});
