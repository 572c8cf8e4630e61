#!/usr/bin/env node
// sigmamind as a process: its arguments, environment and streams in, its exit status out.
import { processIOStreams } from "./io-streams.js";
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2), process.env, processIOStreams());
