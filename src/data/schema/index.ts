export * from './types';
export * from './lists';
export * from './roles';
