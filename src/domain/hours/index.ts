export * from './weeklyHours';
