export * from './audienceCoverage';
