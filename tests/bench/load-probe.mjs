// Preloaded into the load bench's server (node --import): adds up the wall time the server's one
// database connection spends inside transactions, which is when it holds SQLite's write lock for
// an editor save. The bench asks for the running total over the IPC channel ("busy?") before and
// after each step; the difference over the step's length is the writer's busy share.
// Nothing here changes what the server does: each transaction function runs exactly as before.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");

let busyMs = 0;
let depth = 0;
let started = 0;

function timed(fn) {
  return function (...args) {
    if (depth++ === 0) started = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      if (--depth === 0) busyMs += performance.now() - started;
    }
  };
}

const transaction = Database.prototype.transaction;
Database.prototype.transaction = function (fn) {
  const original = transaction.call(this, fn);
  const wrapped = timed(original);
  for (const variant of ["default", "deferred", "immediate", "exclusive"]) wrapped[variant] = timed(original[variant]);
  return wrapped;
};

process.on("message", (message) => {
  if (message === "busy?") process.send({ busyMs, at: performance.now() });
});
