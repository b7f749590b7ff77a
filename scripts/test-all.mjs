// `npm test`: every test, in the order a failure is cheapest to find: types, lint, unit and emulator
// integration tests (jest), the permission matrix (npm run matrix), the SharePoint package build and
// its checks, then the browser tests
// against the workbench. Prints one closing line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(title, cmd, args, { jestJson } = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  if (jestJson && existsSync(jestJson)) {
    const summary = JSON.parse(readFileSync(jestJson, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
  } else if (r.status === 0) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (r.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${r.status ?? r.signal}).\n`);
    finish(1);
  }
}

function finish(code) {
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
  process.exit(code);
}

const skipBrowser = process.argv.includes('--no-browser');
step('Type check (app, workbench, tests)', bin('tsc'), ['-p', 'tsconfig.tools.json']);
step('Lint (ESLint: TypeScript and React rules)', bin('eslint'), ['--max-warnings', '0', '.']);
step('Unit and emulator integration tests (jest)', bin('jest'), ['--ci', '--json', `--outputFile=${join(results, 'jest.json')}`], { jestJson: join(results, 'jest.json') });
step('Permission matrix (npm run matrix: every role × list × verb through raw REST)', 'npm', ['run', '--silent', 'matrix']);
step('SharePoint package (gulp bundle --ship && gulp package-solution --ship)', 'npm', ['run', '--silent', 'package']);
step('Package checks (jest)', bin('jest'), ['--ci', '-c', 'jest.package.config.js', '--json', `--outputFile=${join(results, 'package.json')}`], { jestJson: join(results, 'package.json') });
if (!skipBrowser) {
  step('Browser tests in Chromium against the workbench (jest + playwright-core)', bin('jest'), ['--ci', '-c', 'jest.e2e.config.js', '--runInBand', '--json', `--outputFile=${join(results, 'e2e.json')}`], { jestJson: join(results, 'e2e.json') });
}
finish(0);
