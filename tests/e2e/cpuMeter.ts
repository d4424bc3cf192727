/**
 * CPU time of the Playwright worker's process tree (issue 15: the suite's budget is CPU on a
 * shared 2-core machine, so wall time alone says little about what a change saved).
 *
 * The worker runs the bridge in-process and starts Chromium (and pdftotext, the OCR process, …)
 * as its descendants. `treeCpuMs()` sums, over the worker and every living descendant, the user
 * and system time from /proc/PID/stat together with the time of their ended-and-reaped children
 * (cutime, cstime), so a Chromium renderer or a pdftotext that exits between two readings is still
 * counted. The difference of two readings is the CPU the tree spent in between. Linux only; on
 * other systems it returns null and the reporter leaves the column out.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc times (sysconf(_SC_CLK_TCK), 100 on Linux for decades). */
const TICKS_PER_SECOND = 100;

interface ProcTimes {
  ppid: number;
  ticks: number;
}

function readStat(pid: string): ProcTimes | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // ended between the listing and the read
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, the last ')' ends it
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return { ppid, ticks };
}

/** CPU milliseconds spent so far by this process and its descendants, or null off Linux. */
export function treeCpuMs(root = process.pid): number | null {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return null;
  }
  const byPid = new Map<number, ProcTimes>();
  const childrenOf = new Map<number, number[]>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const pid = Number(name);
    byPid.set(pid, stat);
    const siblings = childrenOf.get(stat.ppid);
    if (siblings) siblings.push(pid);
    else childrenOf.set(stat.ppid, [pid]);
  }
  if (!byPid.has(root)) return null;
  let ticks = 0;
  const pending: number[] = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    ticks += byPid.get(pid)?.ticks ?? 0;
    pending.push(...(childrenOf.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
