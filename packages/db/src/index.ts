export * from './client';
export * from './ids';
export * from './migrate';
export type { Schema } from './schema/define';
export * from './queries/accounts';
