import type { issuesEn } from '../en/issues';

export const issuesFr: Record<keyof typeof issuesEn, string> = {};
