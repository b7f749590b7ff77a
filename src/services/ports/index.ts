export * from './notifier';
export * from './provisioning';
export * from './settings';
export * from './policy';
export * from './acknowledgements';
export * from './accounts';
export * from './activity';
export * from './groups';
