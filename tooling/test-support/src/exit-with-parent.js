// Loaded into every process that startNodeProcess starts (node --import). Only the parent holds the other end of
// this process's stdin, so when the parent ends in any way, even on SIGKILL, the pipe closes and this process
// exits too.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
// Watching the pipe must not keep alive a process that has finished its work.
process.stdin.unref();
