// Checks on the built .sppkg; run by `npm test` after `npm run package`.
const base = require('./jest.config');
module.exports = { ...base, roots: ['<rootDir>/tests/package'], testPathIgnorePatterns: ['/node_modules/'] };
