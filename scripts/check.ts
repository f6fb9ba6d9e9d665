/**
 * `npm run check`: fails when generated/ is not what the specs produce right now (someone edited
 * a spec without running `npm run build`, or edited a generated file by hand). Runs the same
 * pipeline as the build, lint included, but only compares.
 */
import path from "node:path";
import { LintFailure } from "../generator/lint.js";
import generate from "../generator/pipeline.js";
import { providers, repoRoot } from "../generator/providers.js";
import { readGenerated } from "../generator/write.js";

try {
  const { files } = await generate(providers);
  const onDisk = readGenerated(path.join(repoRoot, "generated"), providers.map((p) => p.id));
  const stale: string[] = [];
  for (const [provider, expected] of Object.entries(files)) {
    const actual = onDisk[provider] ?? {};
    for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (expected[name] !== actual[name]) {
        const why = actual[name] === undefined ? "missing" : expected[name] === undefined ? "not produced by the specs" : "differs";
        stale.push(`generated/${provider}/${name} (${why})`);
      }
    }
  }
  if (stale.length > 0) {
    console.error(`generated/ is stale; run \`npm run build\` and commit the result:\n  ${stale.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log("generated/ is current.");
  }
} catch (error) {
  console.error(error instanceof LintFailure ? error.message : error);
  process.exitCode = 1;
}
