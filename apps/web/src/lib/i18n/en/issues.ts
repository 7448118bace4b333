export const issuesEn = {} as const;
