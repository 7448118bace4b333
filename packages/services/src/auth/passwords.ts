import bcrypt from 'bcrypt';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Burns the same time as a real check, so an unknown email is not revealed by timing. */
  verifyDummy(password: string): Promise<void>;
}

export function bcryptHasher(cost: number): PasswordHasher {
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => bcrypt.hash(password, cost),
    verify: (password, hash) => bcrypt.compare(password, hash),
    async verifyDummy(password) {
      dummyHash ??= bcrypt.hash('media-janitor-dummy-password', cost);
      await bcrypt.compare(password, await dummyHash);
    },
  };
}
