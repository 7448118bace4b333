import type { Schema } from '../schema/define';

// Row types of the evaluated tables (schema/analysis.ts), shared by the analysis query modules.

export type TitleIssueRow = Schema['titleIssues']['$inferSelect'];
export type TitleIssueInsert = Schema['titleIssues']['$inferInsert'];
export type RequestIssueRow = Schema['requestIssues']['$inferSelect'];
export type RequestIssueInsert = Schema['requestIssues']['$inferInsert'];
export type RecentItemRow = Schema['recentItems']['$inferSelect'];
export type RecentItemInsert = Schema['recentItems']['$inferInsert'];
export type AnalysisStateRow = Schema['analysisState']['$inferSelect'];
