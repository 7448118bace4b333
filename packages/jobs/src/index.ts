export * from './definitions';
export * from './runner';
export * from './next-run';
export * from './in-process';
export * from './bullmq';
export * from './redis-shared-limit';
