// Requests (PRODUCT.md C3): the four forms, their checks, the stored Details, drafts, and what each
// person may still do with a request. State itself is derived in ../trust/requests.ts.
export * from './types';
export * from './limits';
export * from './text';
export * from './fields';
export * from './newAccount';
export * from './paidCampaign';
export * from './closeAccount';
export * from './ideaOrQuestion';
export * from './validate';
export * from './details';
export * from './drafts';
export * from './flow';
export * from './reviewInput';
export * from './registerEntry';
