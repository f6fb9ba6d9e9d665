/**
 * Global setup: one Prism mock server per bundled document (generated/<provider>/openapi.json,
 * Skebby's generated/smsend/skebby.openapi.json, and a fixture of the server's settings), request
 * validation on, for the whole test run, all served by this process (scripts/lib/prism.ts): Prism's
 * modules load once. Tests get the base URLs through `inject("prism")`.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { providers, repoRoot } from "../../generator/providers.js";
import { type Mock, startPrism } from "../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prism: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // One mock per provider, plus one brand's (Skebby: the brand whose codes differ most from
  // smSend's). Every other brand document is checked against its codes in test/specs/brands.test.ts;
  // another mock would cost the parsing of its document.
  const documents: Record<string, string> = {
    ...Object.fromEntries(providers.map((provider) => [provider.id, path.join(repoRoot, "generated", provider.id, "openapi.json")])),
    "smsend-skebby": path.join(repoRoot, "generated", "smsend", "skebby.openapi.json"),
    // The mock server's own settings, shown where the real documents cannot show them
    // (test/contract/prism-settings.test.ts).
    "mock-settings": path.join(repoRoot, "test", "fixtures", "mock", "openapi.yaml"),
  };
  const mocks: Mock[] = [];
  const stopAll = () => Promise.all(mocks.map((mock) => mock.close()));
  const urls: Record<string, string> = {};
  try {
    for (const [name, document] of Object.entries(documents)) {
      if (!fs.existsSync(document)) throw new Error(`${document} is missing: run \`npm run build\` first`);
      const mock = await startPrism(document);
      mocks.push(mock);
      urls[name] = mock.url;
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide("prism", urls);
  return stopAll;
}
