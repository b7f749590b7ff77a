export * from './accountUpdate';
