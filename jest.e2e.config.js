// Browser tests: Debian's Chromium driven by playwright-core against the workbench.
const base = require('./jest.config');
module.exports = { ...base, roots: ['<rootDir>/tests/e2e'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 120000 };
