#!/usr/bin/env node
// The only place that touches the process: run the CLI and hand its exit code to Node.
import { requireWithCodeCache } from "../dist/code-cache.js";

// Before anything imports it: the compiler then loads from a code cache instead of recompiling.
requireWithCodeCache("typescript");
const { main } = await import("../dist/cli/main.js");

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
