import { sqliteKit } from '../kit';
import { defineSchema } from './define';

// drizzle-kit reads the named exports of this file.
export const schema = defineSchema(sqliteKit);
export const {
  tenants,
  users,
  memberships,
  refreshTokens,
  apiTokens,
  passwordResets,
  authThrottles,
  connections,
  syncRuns,
  syncState,
  libraryItems,
  watchRecords,
  mediaUsers,
  mediaLibraries,
  seerrRequests,
  seerrUsers,
  titleCache,
  tenantSettings,
  whitelistEntries,
  nicknames,
  titleIssues,
  requestIssues,
  recentItems,
  analysisState,
  arrItems,
  deletions,
  deletionEvents,
  auditLog,
  notificationChannels,
  notificationDeliveries,
  householdLinks,
  keepRequests,
} = schema;
