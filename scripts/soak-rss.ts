/** Resident memory of a process, read from Linux's `/proc/<pid>/status`. */
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in bytes, or undefined when the process is gone or this is not Linux. */
export function readRssBytes(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
}
