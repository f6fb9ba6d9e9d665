/**
 * Starts a Prism mock server on a bundled document with request validation on (`--errors`: a
 * request the spec does not allow gets an error reply), and resolves once it listens. Shared by
 * the tests' global setup and `npm run mock`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "../../generator/providers.js";

export function freePort(): Promise<number> {
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

export function startPrism(document: string, port: number, options: { inheritOutput?: boolean } = {}): Promise<ChildProcess> {
  const cli = path.join(repoRoot, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
  // fillProperties=false: without it Prism's dynamic mode adds random properties to replies.
  const args = [cli, "mock", "--errors", "--json-schema-faker-fillProperties=false", "-h", "127.0.0.1", "-p", String(port), document];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Prism did not start for ${document} within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.inheritOutput) process.stdout.write(chunk);
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        if (!options.inheritOutput) {
          child.stdout?.off("data", onData);
          // Keep draining its output so the pipe never fills and blocks it.
          child.stdout?.resume();
        }
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
