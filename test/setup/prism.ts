/**
 * Global setup: one Prism mock server per bundled document (generated/<provider>/openapi.json, and
 * Skebby's generated/smsend/skebby.openapi.json),
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
  // One mock per provider, plus one brand's (Skebby: the brand whose codes differ most from
  // smSend's). Every other brand document is checked against its codes in test/specs/brands.test.ts;
  // a Prism server each would cost a second of a loaded 2-core machine apiece.
  const mocks: [name: string, document: string][] = [
    ...providers.map((provider): [string, string] => [provider.id, path.join(repoRoot, "generated", provider.id, "openapi.json")]),
    ["smsend-skebby", path.join(repoRoot, "generated", "smsend", "skebby.openapi.json")],
  ];
  for (const [, document] of mocks) {
    if (!fs.existsSync(document)) throw new Error(`${document} is missing: run \`npm run build\` first`);
  }
  const started = await Promise.allSettled(
    mocks.map(async ([name, document]) => {
      const port = await freePort();
      children.push(await startPrism(document, port));
      urls[name] = `http://127.0.0.1:${port}`;
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
