import { afterEach, describe, expect, test, vi } from "vitest";
import { type RunningNodeProcess, startNodeProcess } from "../src/node-process.js";
import { isProcessRunning } from "../src/processes.js";

const started: RunningNodeProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => running.stop(0)));
});

function start(script: string) {
  const running = startNodeProcess(["-e", script]);
  started.push(running);
  return running;
}

describe("startNodeProcess", () => {
  test("waits for the ready line, and stop() ends the process with SIGTERM", async () => {
    const server = start(`setTimeout(() => console.log("listening on http://127.0.0.1:4321"), 200);
      setInterval(() => {}, 1000);`);
    const [, url] = await server.waitForOutput(/listening on (\S+)/);
    expect(url).toBe("http://127.0.0.1:4321");
    await expect(server.stop()).resolves.toEqual({ code: null, signal: "SIGTERM" });
  });

  test("keeps stdout and stderr apart, and both together as they came", async () => {
    const script = start(`console.log("one"); console.error("two"); console.log("three");`);
    await expect(script.exited).resolves.toEqual({ code: 0, signal: null });
    expect(script.stdout()).toBe("one\nthree\n");
    expect(script.stderr()).toBe("two\n");
    // Which pipe is read first is up to the system; each stream's own order is kept.
    expect(script.output().split("\n").sort()).toEqual(["", "one", "three", "two"]);
    expect(script.output().indexOf("one")).toBeLessThan(script.output().indexOf("three"));
  });

  test("a process that ignores SIGTERM is killed once the grace period is over", async () => {
    const stubborn = start(`process.on("SIGTERM", () => console.log("not yet")); console.log("up");
      setInterval(() => {}, 1000);`);
    await stubborn.waitForOutput(/up/);
    await expect(stubborn.stop(1_500)).resolves.toEqual({ code: null, signal: "SIGKILL" });
    expect(stubborn.output()).toContain("not yet");
  });

  test("a process that ends without the line fails the wait at once, with its output", async () => {
    const failing = start(`console.error("cannot listen: EADDRINUSE"); process.exit(3);`);
    const before = Date.now();
    await expect(failing.waitForOutput(/listening/, 20_000)).rejects.toThrow(
      /ended \(exit code 3\) without printing \/listening\/:\ncannot listen: EADDRINUSE/,
    );
    expect(Date.now() - before).toBeLessThan(10_000);
  });

  test("a wait that times out says what it waited for and what came", async () => {
    const quiet = start(`console.log("starting"); setInterval(() => {}, 1000);`);
    await quiet.waitForOutput(/starting/);
    await expect(quiet.waitForOutput(/listening/, 300)).rejects.toThrow(
      /no \/listening\/ in the output within 300 ms:\nstarting/,
    );
  });

  test("a process that has finished its work exits by itself", async () => {
    await expect(start(`console.log("done")`).exited).resolves.toEqual({ code: 0, signal: null });
  });

  test.each(["SIGKILL", "SIGTERM"] as const)("the process ends with the one that started it, on %s", async (signal) => {
    const moduleUrl = new URL("../dist/node-process.js", import.meta.url).href;
    const parent = start(
      `const { startNodeProcess } = await import(${JSON.stringify(moduleUrl)});
      const child = startNodeProcess(["-e", "setInterval(() => {}, 1000)"]);
      console.log("child", child.pid); setInterval(() => {}, 1000);`.replace(/\n/g, " "),
    );
    const [, pid] = await parent.waitForOutput(/child (\d+)/);
    expect(isProcessRunning(Number(pid))).toBe(true);
    parent.child.kill(signal);
    await vi.waitFor(() => expect(isProcessRunning(Number(pid))).toBe(false), { timeout: 10_000, interval: 50 });
  });
});
