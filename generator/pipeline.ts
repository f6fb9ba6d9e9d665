/**
 * The whole generation: lint → bundle → types → model → emit, per provider, then the formatter. Returns the file
 * contents; writing them (atomically) and building docs are the caller's call, so `npm run check`
 * can run the same pipeline and compare instead of writing.
 *
 * The build and `npm run check` run the linters in a child process while this one bundles and
 * generates (two cores, two lanes: ./lint-child.ts). What is reported stays what a strictly ordered
 * run would report: a lint error is reported before anything generation found, and generation
 * errors only when lint found none.
 */
import { LintFailure, type Finding } from "./findings.js";
import bundleProvider, { type OpenApiDocument } from "./bundle.js";
import buildModel, { OperationError } from "./model.js";
import emitTypes from "./types.js";
import emitClientFiles from "./emit.js";
import { applyBrandOverlays, brandDocuments, brandProfile, emitBrandTable, type BrandOutcome } from "./brands.js";
import checkNames from "./names.js";
import { generatedHeader } from "./header.js";
import webhookValidators from "./webhook-validators.js";
import checkRequestTypes, { type GeneratedTypes } from "./request-types.js";
import { locate } from "./source.js";
import formatGenerated from "./format.js";
import type { GeneratedFiles } from "./write.js";
import type { Provider } from "./providers.js";
import { timed, type StepTimings } from "./timing.js";

export interface PipelineResult {
  files: GeneratedFiles;
  /** Each provider's bundled document. */
  documents: Record<string, OpenApiDocument>;
  /** Warnings that did not stop the build. */
  warnings: Finding[];
  timings: StepTimings;
  /** With `deferTypeCheck`: the request-type check, for the caller to run when it suits it. */
  checkTypes?: () => Finding[];
  /** The linters' warnings, or a LintFailure when they found an error (what `deferLint` leaves to the caller). */
  lintVerdict: Promise<Finding[]>;
}

export interface PipelineOptions {
  /** false skips the linters (the brand documents' lint too) and the request-type check, for a
   * caller that knows the specs already passed them (the tests, after the build). */
  checks?: boolean;
  /** Leave the request-type check to the caller: the edit loop's build runs it when generation is
   * done; the full build runs it on the library's own program instead (./compile.ts). */
  deferTypeCheck?: boolean;
  /** The linters' findings, when the caller runs them beside the pipeline (./lint-child.ts). */
  lint?: Promise<Finding[]>;
  /** With `lint`: return as soon as generation is done, without waiting for the linters; the
   * caller takes their verdict from `lintVerdict` and reports it ahead of what its own later steps
   * find (the full build compiles the library meanwhile). A generation failure still waits for
   * them: a lint error outranks it. */
  deferLint?: boolean;
  /** The brand documents, by provider id, when the caller makes them beside the pipeline (./lint-child.ts). */
  brands?: Promise<Record<string, BrandOutcome>>;
  /** A provider's bundled document when the caller made it beside the pipeline (for the brand
   * documents, ./lint-child.ts), so that it is not bundled twice; undefined: bundle it here. */
  bundled?: (providerId: string) => Promise<OpenApiDocument | undefined>;
}

async function generateProvider(
  provider: Provider,
  timings: StepTimings,
  files: GeneratedFiles,
  { brands: made, bundled, checks }: PipelineOptions,
): Promise<GeneratedTypes> {
  const document = await timed(timings, "bundle", async () => (await bundled?.(provider.id)) ?? bundleProvider(provider));
  const schema = await timed(timings, "types", () => emitTypes(provider.id, document));
  const model = buildModel(document);
  const nameErrors = checkNames(provider, model);
  if (nameErrors.length > 0) throw new LintFailure(nameErrors);
  const client = await timed(timings, "emit", () => emitClientFiles(provider, model, { indent: false })); // formatted below, by Biome
  const own: Record<string, string> = (files[provider.id] = {
    "openapi.json": `${JSON.stringify(document, null, 2)}\n`,
    "schema.d.ts": schema,
    ...client,
    ...(model.webhooks.length > 0 ? { "webhook-validators.ts": webhookValidators(document, generatedHeader(provider.id)) } : {}),
  });
  if (provider.brands) {
    const brands = await timed(timings, "brands", async () =>
      made ? brandDocuments((await made)[provider.id]!) : applyBrandOverlays(provider, document, { lint: checks !== false }),
    );
    for (const brand of brands) own[`${brand.id}.openapi.json`] = `${JSON.stringify(brand.document, null, 2)}\n`;
    own["brands.ts"] = emitBrandTable(provider, [document, ...brands.map((b) => b.document)].map(brandProfile));
  }
  return { provider, document, schema };
}

async function lintHere(providers: readonly Provider[]): Promise<Finding[]> {
  // Imported here, not on top: the build and `npm run check` lint in a child process and should
  // not pay for loading Spectral and Redocly's linter in this one too.
  const { default: lintProvider } = await import("./lint.js");
  return (await Promise.all(providers.map(lintProvider))).flat();
}

/** A model error names the spec file and line of the operation (generator/source.ts). */
function located(provider: Provider, error: unknown): unknown {
  if (!(error instanceof OperationError)) return error;
  return new LintFailure([
    { ...locate(provider, error.pointer), rule: error.rule, severity: "error", message: error.message, linter: "generator" },
  ]);
}

export default async function generate(
  providers: readonly Provider[],
  timings: StepTimings = {},
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  let lint = options.lint ?? Promise.resolve([]);
  if (options.checks !== false && !options.lint) {
    // No child's findings handed in: lint here, first (a test's repeated calls reuse the loaded linters).
    const findings = await timed(timings, "lint", () => lintHere(providers));
    if (findings.some((f) => f.severity === "error")) throw new LintFailure(findings);
    lint = Promise.resolve(findings);
  }
  const lintResult = async () => {
    const findings = await lint;
    if (findings.some((f) => f.severity === "error")) throw new LintFailure(findings);
    return findings;
  };

  let files: GeneratedFiles = {};
  const types: GeneratedTypes[] = [];
  try {
    for (const provider of providers)
      types.push(
        await generateProvider(provider, timings, files, options).catch((error: unknown) => Promise.reject(located(provider, error))),
      );
    files = await timed(timings, "format", () => formatGenerated(files));
  } catch (error) {
    await lintResult(); // a lint error explains (and outranks) whatever generation tripped over
    throw error;
  }
  const documents = Object.fromEntries(types.map((t) => [t.provider.id, t.document]));
  // Every request type must be exact: a schema openapi-typescript could not model is a build error.
  const checkTypes = () => (options.checks === false ? [] : checkRequestTypes(types));
  const lintVerdict = lintResult();
  lintVerdict.catch(() => {}); // awaited below or by the caller; this only keeps it from going unhandled meanwhile
  const warnings = options.deferLint ? [] : await lintVerdict;
  if (options.deferTypeCheck) return { files, documents, warnings, timings, checkTypes, lintVerdict };
  const typeErrors = await timed(timings, "request-types", checkTypes);
  if (typeErrors.length > 0) {
    await lintVerdict; // a lint error outranks them
    throw new LintFailure(typeErrors);
  }
  return { files, documents, warnings, timings, lintVerdict };
}
