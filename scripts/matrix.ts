// `npm run matrix`: tries every cell of the permission matrix (src/data/schema/matrix.ts) through raw
// REST against an in-process emulator after the real set-up, prints the table with what was seen,
// and ends with "matrix: N cells, N unexpected"; exits 1 on any unexpected cell. The jest test
// tests/matrix/matrix.test.ts runs the same runner.
import { formatMatrix, runMatrix, unexpectedCount } from '../tests/matrix/runner';

async function main(): Promise<void> {
  const run = await runMatrix();
  process.stdout.write(`${formatMatrix(run)}\n`);
  process.exitCode = unexpectedCount(run) === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`matrix: could not run: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
