// What `node --build-snapshot` runs for `quality-gate warm` (see dist/snapshot/build-snapshot.js).
// A snapshot builder gives its script neither `module` nor `exports`, and a `require` that loads
// only Node's own modules. This evaluates the compiled entry in a CommonJS scope, with a `require`
// that also loads a file by its absolute path the same way (the entry loads typescript.js so).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script, by necessity */
const { readFileSync } = require("node:fs");
const { wrap } = require("node:module");
const { dirname, isAbsolute, join } = require("node:path");
const { runInThisContext } = require("node:vm");

/** Evaluates a CommonJS file as `require` would. */
function load(file) {
  const scope = { exports: {} };
  runInThisContext(wrap(readFileSync(file, "utf8")), { filename: file }).call(
    scope.exports,
    scope.exports,
    requireFrom,
    scope,
    file,
    dirname(file),
  );
  return scope.exports;
}

/** Node's own modules through the builder's `require`; a file by its absolute path through load. */
function requireFrom(id) {
  return isAbsolute(id) ? load(id) : require(id);
}

load(join(__dirname, "..", "dist", "snapshot", "snapshot-entry.cjs"));
