/**
 * `npm run build`: lint both specs, bundle, generate types and clients, compile the package and
 * build the reference docs, all staged and swapped in only when everything passed (see
 * generator/build.ts). Skips what is unchanged since the last good build; `--force` rebuilds all;
 * `--generated-only` stops after generated/ (the edit loop's build, as `npm run dev` runs it).
 * Any failure prints file, line and rule and leaves generated/ and dist/ as they were.
 */
import build from "../generator/build.js";
import { formatFinding, LintFailure } from "../generator/findings.js";
import { CompileFailure } from "../generator/package.js";
import { providers } from "../generator/providers.js";

const started = performance.now();
try {
  const { rebuilt, libraryRebuilt, warnings, timings } = await build(providers, {
    force: process.argv.includes("--force"),
    generatedOnly: process.argv.includes("--generated-only"),
  });
  for (const warning of warnings) console.warn(formatFinding(warning));
  const took = Math.round(performance.now() - started);
  if (rebuilt.length > 0 && !libraryRebuilt) {
    console.log(`rebuilt ${rebuilt.join(", ")}: generated/ only (${took} ms); dist/ waits for the next npm run build`);
  } else if (!libraryRebuilt) {
    console.log(`build is current: nothing changed since the last good build (${took} ms; --force rebuilds)`);
  } else {
    const steps = Object.entries(timings)
      .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
      .join(", ");
    console.log(`rebuilt ${rebuilt.length > 0 ? rebuilt.join(", ") : "the library"}: generated/, dist/lib, dist/docs`);
    console.log(`build finished in ${took} ms (${steps})`);
  }
} catch (error) {
  // Lint, syntax and model failures carry file:line:column rule; a compile failure tsc's own words.
  console.error(error instanceof LintFailure || error instanceof CompileFailure ? error.message : error);
  console.error("build failed: generated/ and dist/ are unchanged");
  process.exitCode = 1;
}
