// The trust rules of PRODUCT.md §3 as pure functions: "does this record count?" and "what is the
// current state?". Repositories hand over raw records (author id and Created as SharePoint recorded
// them); every reader decides through these.
export * from './records';
export * from './register';
export * from './submissions';
export * from './accountRecords';
export * from './vault';
export * from './credentialSecrets';
export * from './requests';
export { countsFor, acknowledgementOf, acknowledgementsCountFrom, majorReleaseOf, type AckLike, type MajorRelease, type PublishedVersion } from '../policy/acknowledgement';
