// Hashtags (PRODUCT.md C7): what a tag may look like, the key the register indexes, and the clean check.
export * from './normalise';
export * from './validate';
export * from './clean';
