/**
 * The linters (./lint.ts) in a Node process of their own (./child.ts), so the build bundles and
 * generates on the other core meanwhile: linting ClickSend is about three seconds of CPU work.
 * The same process makes the brand documents (./brands.ts: overlays, then a Redocly lint of
 * each), the other heavy Redocly work of a build, first, so that the generation gets them by
 * the time it needs them, and the bundled document it made them from, which the generation then
 * takes instead of bundling the same spec again. Kept apart from lint.ts so that starting the
 * child does not load the linters here.
 */
import type { BrandOutcome } from "./brands.js";
import type { OpenApiDocument } from "./bundle.js";
import type { Finding } from "./findings.js";
import type { PipelineOptions } from "./pipeline.js";
import { runInChild } from "./child.js";
import type { Provider } from "./providers.js";
import type { StepTimings } from "./timing.js";

/** The brand documents' outcome, by provider id, for the providers with brands. */
export type BrandOutcomes = Record<string, BrandOutcome>;
/** The name of the part that carries them, sent ahead of the findings (./worker.ts). */
export const BRANDS = "brands";
/** The name of the part that carries one provider's bundled document, `{ id, document }`, sent ahead of its brands. */
export const BUNDLED = "bundled";

export interface LintChildResult {
  findings: Finding[];
}

export interface LintChild {
  findings: Promise<Finding[]>;
  brands: Promise<BrandOutcomes>;
  /** The bundled document the child made a provider's brand documents from; undefined when it
   * made none (the provider has no brands, or its spec failed to bundle: the caller's own
   * bundling then reports why). */
  bundled: (providerId: string) => Promise<OpenApiDocument | undefined>;
}

/** A promise and the function that resolves it (Node 20 has no Promise.withResolvers). */
function settleable<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lints `providers` and makes their brand documents in a child process; its wall time goes to `timings.lint`. */
export function lintInChild(providers: readonly Provider[], timings: StepTimings): LintChild {
  const started = performance.now();
  const took = () => (timings.lint = (timings.lint ?? 0) + (performance.now() - started));
  const brands = settleable<BrandOutcomes>();
  // Only the providers with brands are bundled there; each is settled by the time the brands come.
  const bundles = new Map(providers.filter((p) => p.brands).map((p) => [p.id as string, settleable<OpenApiDocument | undefined>()]));
  const noMoreBundles = () => bundles.forEach((bundle) => bundle.resolve(undefined));
  // The providers go whole (they are plain data): a test's fixture provider is no known id.
  const result = runInChild<LintChildResult>("lint", providers, (name, value) => {
    if (name === BUNDLED) {
      const { id, document } = value as { id: string; document: OpenApiDocument };
      bundles.get(id)?.resolve(document);
    }
    if (name === BRANDS) {
      noMoreBundles();
      brands.resolve(value as BrandOutcomes);
    }
  }).then(
    (result) => (took(), result),
    (error: Error) => {
      took();
      throw new Error(`the linters failed to run: ${error.message}`);
    },
  );
  // The brands come ahead of the result; a child that ends without sending them fails them.
  const unsent = () => Promise.reject(new Error("the linters' child process sent no brand documents"));
  result.then(noMoreBundles, noMoreBundles);
  const child = {
    findings: result.then((r) => r.findings),
    brands: Promise.race([brands.promise, result.then(unsent)]),
    bundled: (providerId: string) => bundles.get(providerId)?.promise ?? Promise.resolve(undefined),
  };
  // The caller awaits them later; this only keeps an early failure from going unhandled.
  for (const promise of [child.findings, child.brands]) promise.catch(() => {});
  return child;
}

/** What the generation takes from the child (./pipeline.ts): its findings, brand documents and bundled documents. */
export function fromLintChild(child: LintChild): Pick<PipelineOptions, "lint" | "brands" | "bundled"> {
  return { lint: child.findings, brands: child.brands, bundled: child.bundled };
}
