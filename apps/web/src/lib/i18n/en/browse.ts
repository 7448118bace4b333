export const browseEn = {} as const;
