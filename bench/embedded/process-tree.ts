// Memory of a whole process tree from /proc (Linux): what `pnpm start` leaves running is pnpm, the start
// script and the server, so the figure a user sees in `top` is their sum, not the server's RSS alone.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

export function treePids(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** kB field of /proc/<pid>/status (VmRSS) or smaps_rollup (Pss); 0 once the process is gone. */
function kb(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export type TreeMemory = { rssMb: number; pssMb: number; processes: { pid: number; command: string; rssMb: number }[] };

export function treeMemory(rootPid: number): TreeMemory {
  const processes = treePids(rootPid).map((pid) => {
    let command = '?';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
    } catch {
      /* exited meanwhile */
    }
    return {
      pid,
      command,
      rssMb: kb(`/proc/${pid}/status`, 'VmRSS') / 1024,
      pssKb: kb(`/proc/${pid}/smaps_rollup`, 'Pss'),
    };
  });
  return {
    rssMb: Math.round(processes.reduce((s, p) => s + p.rssMb, 0)),
    pssMb: Math.round(processes.reduce((s, p) => s + p.pssKb, 0) / 1024),
    processes: processes.map(({ pid, command, rssMb }) => ({ pid, command, rssMb: Math.round(rssMb) })),
  };
}
