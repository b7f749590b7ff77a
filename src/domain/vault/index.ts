export * from './errors';
export * from './passphrase';
export * from './model';
