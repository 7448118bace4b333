export * from './env';
export * from './paths';
export * from './app-config';
export * from './embedded-secrets';
