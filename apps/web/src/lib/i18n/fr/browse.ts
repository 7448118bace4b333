import type { browseEn } from '../en/browse';

export const browseFr: Record<keyof typeof browseEn, string> = {};
