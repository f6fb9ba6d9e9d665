/**
 * The linters (./lint.ts) in a Node process of their own (./child.ts), so the build bundles and
 * generates on the other core meanwhile: linting ClickSend is about three seconds of CPU work.
 * The same process makes the brand documents (./brands.ts: overlays, then a Redocly lint of
 * each), the other heavy Redocly work of a build, first, so that the generation gets them by
 * the time it needs them. Kept apart from lint.ts so that starting the child does not load the
 * linters here.
 */
import type { BrandOutcome } from "./brands.js";
import type { Finding } from "./findings.js";
import { runInChild } from "./child.js";
import type { Provider } from "./providers.js";
import type { StepTimings } from "./timing.js";

export interface LintChildResult {
  findings: Finding[];
  /** By provider id, for the providers with brands. */
  brands: Record<string, BrandOutcome>;
}

export interface LintChild {
  findings: Promise<Finding[]>;
  brands: Promise<Record<string, BrandOutcome>>;
}

/** Lints `providers` and makes their brand documents in a child process; its wall time goes to `timings.lint`. */
export function lintInChild(providers: readonly Provider[], timings: StepTimings): LintChild {
  const started = performance.now();
  const took = () => (timings.lint = (timings.lint ?? 0) + (performance.now() - started));
  // The providers go whole (they are plain data): a test's fixture provider is no known id.
  const result = runInChild<LintChildResult>("lint", providers).then(
    (result) => (took(), result),
    (error: Error) => {
      took();
      throw new Error(`the linters failed to run: ${error.message}`);
    },
  );
  const child = { findings: result.then((r) => r.findings), brands: result.then((r) => r.brands) };
  // The caller awaits them later; this only keeps an early failure from going unhandled.
  for (const promise of [child.findings, child.brands]) promise.catch(() => {});
  return child;
}
