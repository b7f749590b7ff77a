export * from './model';
export * from './placeholders';
export * from './defaultPolicy';
export * from './search';
export * from './parse';
export * from './validate';
export * from './diff';
export * from './acknowledgement';
