// What runs on this machine, asked of the system the same way on Linux and macOS (no /proc on macOS).
import { execFileSync } from "node:child_process";

export interface ProcessEntry {
  pid: number;
  parentPid: number;
  commandLine: string;
}

/** Whether a process with this id exists. */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === "EPERM") return true;
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/** Every process, from `ps`, whose options here mean the same to procps (Linux) and BSD ps (macOS). */
export function listProcesses(): ProcessEntry[] {
  // -ww: command lines in full, whatever the terminal's width.
  const table = execFileSync("ps", ["-A", "-ww", "-o", "pid=", "-o", "ppid=", "-o", "args="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, parentPid, commandLine]) => ({
      pid: Number(pid),
      parentPid: Number(parentPid),
      commandLine: (commandLine as string).trim(),
    }));
}

/** The Prism servers that process `parentPid` started (`startMock` runs Prism as a child of its caller). */
export function prismProcessesOf(parentPid: number): ProcessEntry[] {
  return listProcesses().filter((entry) => entry.parentPid === parentPid && entry.commandLine.includes("prism-cli"));
}
