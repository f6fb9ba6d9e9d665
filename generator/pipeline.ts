/**
 * The whole generation, in one process: lint → bundle → types → model → emit, per provider.
 * Returns the file contents; writing them (atomically) and building docs are the caller's call,
 * so `npm run check` can run the same pipeline and compare instead of writing.
 */
import { LintFailure, type Finding } from "./findings.js";
import lintProvider from "./lint.js";
import bundleProvider, { type OpenApiDocument } from "./bundle.js";
import buildModel from "./model.js";
import emitTypes from "./types.js";
import emitClientFiles from "./emit.js";
import { applyBrandOverlays, brandProfile, emitBrandTable } from "./brands.js";
import checkNames from "./names.js";
import { generatedHeader } from "./header.js";
import webhookValidators from "./webhook-validators.js";
import checkRequestTypes, { type GeneratedTypes } from "./request-types.js";
import type { GeneratedFiles } from "./write.js";
import type { Provider } from "./providers.js";
import { timed, type StepTimings } from "./timing.js";

export interface PipelineResult {
  files: GeneratedFiles;
  /** Warnings that did not stop the build. */
  warnings: Finding[];
  timings: StepTimings;
}

/** `checks: false` skips the linters and the request-type check, for a caller that knows the
 * specs already passed them (the tests, after the build). `onBundled` gets each bundled document
 * as soon as it exists (the build renders the docs from it meanwhile). */
export default async function generate(
  providers: readonly Provider[],
  timings: StepTimings = {},
  options: { checks?: boolean; onBundled?: (provider: Provider, document: OpenApiDocument) => void } = {},
): Promise<PipelineResult> {
  const findings = options.checks === false ? [] : (await timed(timings, "lint", () => Promise.all(providers.map(lintProvider)))).flat();
  if (findings.some((f) => f.severity === "error")) throw new LintFailure(findings);

  const files: GeneratedFiles = {};
  const types: GeneratedTypes[] = [];
  for (const provider of providers) {
    const document = await timed(timings, "bundle", () => bundleProvider(provider));
    options.onBundled?.(provider, document);
    const schema = await timed(timings, "types", () => emitTypes(provider.id, document));
    types.push({ provider, document, schema });
    const model = buildModel(document);
    const nameErrors = checkNames(provider, model);
    if (nameErrors.length > 0) throw new LintFailure(nameErrors);
    const client = await timed(timings, "emit", () => emitClientFiles(provider, model));
    files[provider.id] = {
      "openapi.json": `${JSON.stringify(document, null, 2)}\n`,
      "schema.d.ts": schema,
      ...client,
      ...(model.webhooks.length > 0 ? { "webhook-validators.ts": webhookValidators(document, generatedHeader(provider.id)) } : {}),
    };
    if (provider.brands) {
      const brands = await timed(timings, "brands", () => applyBrandOverlays(provider, document));
      for (const brand of brands) files[provider.id]![`${brand.id}.openapi.json`] = `${JSON.stringify(brand.document, null, 2)}\n`;
      files[provider.id]!["brands.ts"] = emitBrandTable(provider, [document, ...brands.map((b) => b.document)].map(brandProfile));
    }
  }
  // Every request type must be exact: a schema openapi-typescript could not model is a build error.
  const typeErrors = options.checks === false ? [] : await timed(timings, "request-types", () => checkRequestTypes(types));
  if (typeErrors.length > 0) throw new LintFailure(typeErrors);
  return { files, warnings: findings, timings };
}
