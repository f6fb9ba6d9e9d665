/**
 * Global setup: one Prism mock server per bundled document (generated/<provider>/openapi.json),
 * request validation on, for the whole test run. Tests get the base URLs through `inject("prism")`.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { providers, repoRoot } from "../../generator/providers.js";
import { freePort, startPrism } from "../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prism: Record<string, string>;
  }
}

function stopAll(children: ChildProcess[]): void {
  for (const child of children) {
    child.removeAllListeners("exit");
    child.kill("SIGKILL");
  }
}

export default async function setup(project: TestProject) {
  const children: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  const documents = providers.map((provider) => path.join(repoRoot, "generated", provider.id, "openapi.json"));
  for (const document of documents) {
    if (!fs.existsSync(document)) throw new Error(`${document} is missing: run \`npm run build\` first`);
  }
  const started = await Promise.allSettled(
    providers.map(async (provider, index) => {
      const port = await freePort();
      children.push(await startPrism(documents[index]!, port));
      urls[provider.id] = `http://127.0.0.1:${port}`;
    }),
  );
  const failed = started.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    stopAll(children);
    throw failed.reason;
  }
  project.provide("prism", urls);
  return () => stopAll(children);
}
