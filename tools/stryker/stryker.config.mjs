// Stryker (mutation testing) for the finder's scripts: `make mutation` runs it from the
// repository's root, one module at a time (`--mutate generator/theme/.../match.js`).
// Each mutant is tested by the finder's whole Node suite (about a second), through Stryker's
// command runner: Node's own test runner needs no Stryker plugin.
const FINDER = "generator/theme/docs/javascripts/finder";

export default {
  testRunner: "command",
  commandRunner: { command: "node --test tests/js/*.test.js" },
  coverageAnalysis: "off", // the command runner cannot tell which test covers which mutant
  // The modules with logic and no page (the others need a browser: tests/browser/).
  mutate: ["match", "avail", "zones", "query", "data", "geo", "words", "status"]
    .map((name) => `${FINDER}/${name}.js`),
  // The sandbox gets only what the tests read (not .venv/, site/ or the listings).
  ignorePatterns: ["**", `!${FINDER}/**`, "!tests/js/**", "!package.json"],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ["clear-text", "progress", "json"],
  // tests/mutation.py names one report a module; Stryker never copies reports/ to its sandbox.
  jsonReporter: { fileName: process.env.STRYKER_REPORT ?? "reports/stryker/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
