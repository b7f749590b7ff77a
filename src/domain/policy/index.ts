export * from './model';
export * from './placeholders';
export * from './defaultPolicy';
export * from './search';
export * from './parse';
