export { startSimulator } from './simulator';
export type { ServerName, Simulator, SimulatorOptions } from './simulator';
export type { FaultConfig, FaultRule } from './http/faults';
export type { RequestStats, RouteStats, ServerStats } from './http/stats';
export type { GroundTruth } from './truth/index';
export type { Scale, ScaleCounts, ScaleName } from './data/scale';
export { SCALES } from './data/scale';
export type { JellyfinProfile } from './jellyfin/profiles';
export type { SeerrProfile } from './data/seerr';
