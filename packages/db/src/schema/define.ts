import type { Kit } from '../kit';
import { defineAccounts } from './accounts';

export function defineSchema(k: Kit) {
  return { ...defineAccounts(k) };
}

export type Schema = ReturnType<typeof defineSchema>;
