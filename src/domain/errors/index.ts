export * from './appError';
export * from './messages';
