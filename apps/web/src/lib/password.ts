/**
 * Mirrors `PASSWORD_MIN_LENGTH` from @mj/contracts for the browser bundle, which should not pull in zod
 * and every schema just for a hint. A unit test keeps the two equal.
 */
export const PASSWORD_MIN_LENGTH = 10;
