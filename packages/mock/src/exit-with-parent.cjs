// Preloaded into the Prism process (node --require). The parent holds the write end of Prism's stdin; when the
// parent exits in any way, even SIGKILL, the pipe closes and Prism exits with it, freeing the port.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
