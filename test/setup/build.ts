/**
 * Global setup, first: `npm run build`'s own build (generator/build.ts), so every test reads the
 * same generated/, dist/lib and dist/docs instead of making its own. When nothing changed since
 * the last good build this takes a fraction of a second; a failure (a broken spec) stops the run
 * with the build's file:line:column message.
 */
import build from "../../generator/build.js";
import { LintFailure } from "../../generator/findings.js";
import { CompileFailure } from "../../generator/package.js";
import { providers } from "../../generator/providers.js";

export default async function setup() {
  try {
    await build(providers);
  } catch (error) {
    throw error instanceof LintFailure || error instanceof CompileFailure
      ? new Error(`the build failed, so nothing can be tested:\n${error.message}`)
      : error;
  }
}
