// `pnpm bench:scale --tenants 500 --workers 2`: prints progress, then as its LAST line one JSON object
// with tenants, synced, duplicates, stuck, tenantsPerMinPerWorker, ...
import { parseArgs } from 'node:util';
import { runScale } from './scale-run';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string', default: '500' },
    workers: { type: 'string', default: '2' },
    servers: { type: 'string', default: '4' },
    'kill-at': { type: 'string', default: '0.3' },
    'latency-ms': { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '4' },
    /** Drill: restart Redis then PostgreSQL when this fraction is synced (private instances, started for the run). */
    'restart-services-at': { type: 'string', default: '0' },
  },
});

const result = await runScale({
  tenants: Number(values.tenants),
  workers: Number(values.workers),
  servers: Number(values.servers),
  killAt: Number(values['kill-at']),
  latencyMs: Number(values['latency-ms']),
  workerConcurrency: Number(values.concurrency),
  restartServicesAt: Number(values['restart-services-at']),
  log: (line) => console.error(line),
});
console.log(JSON.stringify(result));
process.exit(0);
