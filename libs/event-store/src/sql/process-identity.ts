import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, precisely enough to tell later whether it still runs: a pid alone is not
 * (pids are reused), so on Linux the record adds the kernel's boot id and the process's start
 * time in clock ticks since boot, which together with the pid name one process for ever.
 * Elsewhere only the pid and host are known, and a live pid counts as the same process.
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly hostname: string;
  /** /proc/sys/kernel/random/boot_id: a new one at every boot. */
  readonly bootId?: string;
  /** Field 22 of /proc/<pid>/stat. */
  readonly startTicks?: string;
}

export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, hostname: hostname(), bootId: bootId(), startTicks: startTicks(process.pid) };
}

/**
 * 'alive', 'dead', or 'unknown' when it runs on another host (a shared volume): this process
 * cannot look there, and only 'dead' may ever let anyone take over.
 */
export function processState(who: ProcessIdentity): 'alive' | 'dead' | 'unknown' {
  if (who.hostname !== hostname()) return 'unknown';
  const ourBoot = bootId();
  if (who.bootId && ourBoot && who.bootId !== ourBoot) return 'dead'; // it ran before a reboot
  try {
    process.kill(who.pid, 0);
  } catch (err) {
    // EPERM: the pid exists, owned by another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  const now = procStat(who.pid);
  if (now) {
    if (now.state === 'Z') return 'dead'; // exited, not yet reaped by its parent
    if (who.startTicks && now.startTicks !== who.startTicks) return 'dead'; // the pid was reused
  }
  return 'alive';
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // No /proc (not Linux): the boot is unknown, and the caller then trusts the pid alone.
    return undefined;
  }
}

function startTicks(pid: number): string | undefined {
  return procStat(pid)?.startTicks;
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat, where there is a /proc. */
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTicks: fields[19] };
  } catch {
    // No such process (or no /proc): undefined is the answer the caller asks for.
    return undefined;
  }
}
