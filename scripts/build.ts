/**
 * `npm run build`: lint both specs, bundle, generate types and clients, write generated/
 * atomically, compile the package into dist/lib, then build the reference docs into dist/docs/. Stops at the first lint error with
 * file, line and rule, leaving generated/ untouched.
 */
import path from "node:path";
import buildDocs from "../generator/docs.js";
import buildPackage from "../generator/package.js";
import { formatFinding, LintFailure } from "../generator/lint.js";
import generate from "../generator/pipeline.js";
import { providers, relative, repoRoot } from "../generator/providers.js";
import writeGenerated from "../generator/write.js";

const started = performance.now();
try {
  const { files, warnings, timings } = await generate(providers);
  for (const warning of warnings) console.warn(formatFinding(warning));
  const writeStart = performance.now();
  writeGenerated(path.join(repoRoot, "generated"), files);
  timings.write = performance.now() - writeStart;
  // The package and the docs read generated/ and write separate folders: build them side by side.
  const timedStep = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[step] = performance.now() - started;
    return result;
  };
  const [, docs] = await Promise.all([
    timedStep("package", () => buildPackage(providers)),
    timedStep("docs", () => buildDocs(providers, path.join(repoRoot, "dist", "docs"))),
  ]);

  const count = Object.values(files).reduce((n, f) => n + Object.keys(f).length, 0);
  console.log(`generated/: ${count} files for ${providers.map((p) => p.id).join(", ")}`);
  console.log(`docs: ${docs.map(relative).join(", ")}`);
  const steps = Object.entries(timings).map(([step, ms]) => `${step} ${Math.round(ms)} ms`).join(", ");
  console.log(`build finished in ${Math.round(performance.now() - started)} ms (${steps})`);
} catch (error) {
  if (error instanceof LintFailure) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
