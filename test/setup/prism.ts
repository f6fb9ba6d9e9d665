/**
 * Global setup: one Prism mock server per bundled document (generated/<provider>/openapi.json),
 * request validation on (`--errors`: any request the spec does not allow gets an error reply),
 * for the whole test run. Tests get the base URLs through `inject("prism")`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { providers, repoRoot } from "../../generator/providers.js";

declare module "vitest" {
  export interface ProvidedContext {
    prism: Record<string, string>;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startPrism(document: string, port: number): Promise<ChildProcess> {
  const cli = path.join(repoRoot, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
  const child = spawn(process.execPath, [cli, "mock", "--errors", "--json-schema-faker-fillProperties=false", "-h", "127.0.0.1", "-p", String(port), document], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Prism did not start for ${document} within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining its output so the pipe never fills and blocks it.
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code} for ${document}:\n${output}`));
    });
  });
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
  for (const provider of providers) {
    const document = path.join(repoRoot, "generated", provider.id, "openapi.json");
    if (!fs.existsSync(document)) throw new Error(`${document} is missing: run \`npm run build\` first`);
  }
  const started = await Promise.allSettled(
    providers.map(async (provider) => {
      const port = await freePort();
      const child = await startPrism(path.join(repoRoot, "generated", provider.id, "openapi.json"), port);
      children.push(child);
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
