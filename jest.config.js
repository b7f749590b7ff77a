// Tests are TypeScript compiled by swc; PnPjs v4 ships ESM only, so it is transformed too.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/tests/package/'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': ['@swc/jest', {
      jsc: {
        parser: { syntax: 'typescript', tsx: true, decorators: true },
        transform: { react: { runtime: 'classic' } },
        target: 'es2022'
      },
      module: { type: 'commonjs' }
    }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|strip-bom)/)'],
  moduleNameMapper: {
    '^SocialMediaHubWebPartStrings$': '<rootDir>/tests/support/strings.ts'
  },
  setupFiles: ['<rootDir>/tests/support/setup.ts'],
  testTimeout: 30000
};
