/**
 * A limit on requests in flight towards one media server shared by every process (several workers
 * may sync tenants of the same server). Implemented over Redis by packages/jobs; keyed by origin.
 */
export interface SharedLimit {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}
