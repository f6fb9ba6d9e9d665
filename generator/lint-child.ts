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

/** The brand documents' outcome, by provider id, for the providers with brands. */
export type BrandOutcomes = Record<string, BrandOutcome>;
/** The name of the part that carries them, sent ahead of the findings (./worker.ts). */
export const BRANDS = "brands";

export interface LintChildResult {
  findings: Finding[];
}

export interface LintChild {
  findings: Promise<Finding[]>;
  brands: Promise<BrandOutcomes>;
}

/** Lints `providers` and makes their brand documents in a child process; its wall time goes to `timings.lint`. */
export function lintInChild(providers: readonly Provider[], timings: StepTimings): LintChild {
  const started = performance.now();
  const took = () => (timings.lint = (timings.lint ?? 0) + (performance.now() - started));
  let brandsSent: (brands: BrandOutcomes) => void;
  const sent = new Promise<BrandOutcomes>((resolve) => (brandsSent = resolve));
  // The providers go whole (they are plain data): a test's fixture provider is no known id.
  const result = runInChild<LintChildResult>("lint", providers, (name, value) => {
    if (name === BRANDS) brandsSent(value as BrandOutcomes);
  }).then(
    (result) => (took(), result),
    (error: Error) => {
      took();
      throw new Error(`the linters failed to run: ${error.message}`);
    },
  );
  // The brands come ahead of the result; a child that ends without sending them fails them.
  const unsent = () => Promise.reject(new Error("the linters' child process sent no brand documents"));
  const child = { findings: result.then((r) => r.findings), brands: Promise.race([sent, result.then(unsent)]) };
  // The caller awaits them later; this only keeps an early failure from going unhandled.
  for (const promise of [child.findings, child.brands]) promise.catch(() => {});
  return child;
}
