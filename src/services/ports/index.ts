export * from './notifier';
export * from './provisioning';
export * from './settings';
export * from './policy';
