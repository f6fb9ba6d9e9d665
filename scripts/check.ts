/**
 * `npm run check`: fails when generated/ is not what the specs produce right now (someone edited
 * a spec without running `npm run build`, or edited a generated file by hand). A provider whose
 * spec, toolchain and generated files all hash as the last good build left them is current
 * without more work (generator/fingerprint.ts); any other is generated again, lint included,
 * and compared.
 */
import path from "node:path";
import { inputHashes, isCurrent, outputsOf, readRecord } from "../generator/fingerprint.js";
import { LintFailure } from "../generator/findings.js";
import { providers, repoRoot } from "../generator/providers.js";
import { readGenerated } from "../generator/write.js";

try {
  const record = readRecord();
  const inputs = inputHashes(providers).providers;
  const unproven = providers.filter((p) => !isCurrent(record, p.id, inputs[p.id]!, () => outputsOf.provider(p)));
  const files = unproven.length > 0 ? await generateAgain(unproven) : {};
  const onDisk = readGenerated(
    path.join(repoRoot, "generated"),
    unproven.map((p) => p.id),
  );
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
    console.log(`generated/ is current${unproven.length === 0 ? " (as the last good build left it)" : ""}.`);
  }
} catch (error) {
  console.error(error instanceof LintFailure ? error.message : error);
  process.exitCode = 1;
}

/**
 * The providers' files as the specs produce them now. Imported here, not at the top: the
 * generator's imports (linters, openapi-typescript, ts-morph) take seconds, which a current
 * generated/ never needs.
 */
async function generateAgain(unproven: typeof providers): Promise<Record<string, Record<string, string>>> {
  const { fromLintChild, lintInChild } = await import("../generator/lint-child.js");
  // The linters run in a child process beside the generation (two cores).
  const child = lintInChild(unproven, {});
  const { default: generate } = await import("../generator/pipeline.js");
  return (await generate(unproven, {}, fromLintChild(child))).files;
}
