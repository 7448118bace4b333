import type { Kit } from '../kit';
import { defineAccounts } from './accounts';
import { defineAnalysis } from './analysis';
import { defineCleanup } from './cleanup';
import { defineConnections } from './connections';
import { defineLibrary } from './library';
import { defineNotifications } from './notifications';
import { defineRequests } from './requests';
import { defineSync } from './sync';

export function defineSchema(k: Kit) {
  const accounts = defineAccounts(k);
  return {
    ...accounts,
    ...defineConnections(k, accounts.tenants),
    ...defineSync(k, accounts.tenants),
    ...defineLibrary(k),
    ...defineRequests(k, accounts.tenants),
    ...defineAnalysis(k, accounts.tenants),
    ...defineCleanup(k, accounts.tenants),
    ...defineNotifications(k, accounts.tenants),
  };
}

export type Schema = ReturnType<typeof defineSchema>;
