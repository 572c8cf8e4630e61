import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, test } from "vitest";
import { startNodeProcess } from "../src/node-process.js";
import { isProcessRunning, listProcesses, prismProcessesOf } from "../src/processes.js";

describe("isProcessRunning", () => {
  test("is true for a live process and false once it has ended", async () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    const child = spawn(process.execPath, ["-e", ""]);
    await once(child, "exit");
    expect(isProcessRunning(child.pid as number)).toBe(false);
  });
});

describe("listProcesses", () => {
  test("lists this process with its parent and its full command line", () => {
    const self = listProcesses().find((entry) => entry.pid === process.pid);
    expect(self).toEqual({ pid: process.pid, parentPid: process.ppid, commandLine: expect.any(String) });
    expect(self?.commandLine).toContain(process.argv[1]);
  });
});

describe("prismProcessesOf", () => {
  test("finds the children of a process whose command line names prism-cli, and only those", async () => {
    const keepRunning = 'console.log("up"); setInterval(() => {}, 1000)';
    const prismLike = startNodeProcess(["-e", keepRunning, "node_modules/@stoplight/prism-cli/dist/index.js"]);
    const other = startNodeProcess(["-e", keepRunning]);
    try {
      await Promise.all([prismLike.waitForOutput(/up/), other.waitForOutput(/up/)]);
      expect(prismProcessesOf(process.pid).map((entry) => entry.pid)).toEqual([prismLike.pid]);
    } finally {
      await Promise.all([prismLike.stop(), other.stop()]);
    }
    expect(prismProcessesOf(process.pid)).toEqual([]);
  });
});
