/**
 * Consuming the package from another repository, as a user would: `npm pack`, install the
 * tarball into a fresh project, type-check a usage file against it, run it against Prism, and let
 * publint and arethetypeswrong judge the tarball.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import typeCheck from "../support/type-check.js";

const run = promisify(execFile);
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
let work: string;
let tarball: string;

const usage = `
import { createClickSendClient, ClickSendError, type ReplyData } from "sms-gateway-openapi/clicksend";
import type { Envelope } from "sms-gateway-openapi/clicksend/envelope";
import type { components } from "sms-gateway-openapi/clicksend/schema";
import { parseWebhook } from "sms-gateway-openapi/clicksend/webhooks";
import { createSmSendClient } from "sms-gateway-openapi/smsend";
import type { paths as SmSendPaths } from "sms-gateway-openapi/smsend/schema";
import { createResponseValidator } from "sms-gateway-openapi/validation";
import document from "sms-gateway-openapi/clicksend/openapi.json" with { type: "json" };

const [clicksendUrl, smsendUrl] = process.argv.slice(2) as [string, string];
const drift: string[] = [];
const cs = createClickSendClient({
  username: "user", apiKey: "key-123456", baseUrl: clicksendUrl,
  validateResponses: createResponseValidator(document, (m) => drift.push(m.operationId)),
});
const sent: Envelope<ReplyData<"sms/send">> = await cs.sms.send({ body: { messages: [{ to: "+61411111111", body: "Hi", source: "pack-test" }] } });
const contact: components["schemas"]["Contact"] | undefined = (await cs.contacts.list({ list_id: 428 })).data.data[0];
const error = await cs.account.get(undefined, { headers: { Prefer: "code=404" }, retry: false }).catch((e: unknown) => e);
const sm = await createSmSendClient({ baseUrl: smsendUrl, username: "alice", password: "pw-123456", auth: "token" });
const state = await sm.sms.getState({ order_id: "123456789" });
const loginPath: keyof SmSendPaths = "/login";
const receipt = parseWebhook("sms-delivery-receipt", { body: "message_id=abc&status_code=201&timestamp=1722565661", contentType: "application/x-www-form-urlencoded" });
console.log(JSON.stringify({
  sent: sent.response_code, contact: typeof contact, notFound: error instanceof ClickSendError && error.status,
  state: state.result, loginPath, receipt: receipt.message_id, drift,
}));
`;

beforeAll(async () => {
  // dist/lib is the build's (test/setup/build.ts), as `npm pack` would ship it.
  // Outside the repository (its node_modules must not be found), emptied first, and at the same
  // place on every run of this checkout: the type-check's record (test/support/type-check.ts)
  // names the files it read by path, so a tarball with the same declarations as last time is not
  // checked again.
  work = path.join(os.tmpdir(), `pack-test-${createHash("sha256").update(repoRoot).digest("hex").slice(0, 12)}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work);
  // --ignore-scripts: the package is built; prepack would run the build again.
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: repoRoot });
  tarball = path.join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  const consumer = path.join(work, "consumer");
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  fs.writeFileSync(path.join(consumer, "usage.ts"), usage);
  fs.writeFileSync(
    path.join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        resolveJsonModule: true,
        // The package's declarations, and those of its dependencies, are checked as a consumer
        // without skipLibCheck would see them; TypeScript's own lib files are not the package's.
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        lib: ["ES2022", "DOM"],
        types: [],
      },
      files: ["usage.ts", "env.d.ts"],
    }),
  );
  // The usage file reads argv; declare just that instead of installing @types/node.
  fs.writeFileSync(path.join(consumer, "env.d.ts"), "declare const process: { argv: string[] };\n");
  // --prefer-offline: the dependencies are in npm's cache since this repository's own install.
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: consumer });
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// In this process, so before the others: the check holds the event loop while it runs, and the
// timers of tests beside it would expire waiting.
describe("the packed package", () => {
  it("type-checks a usage file in a fresh project", () => {
    // As `tsc -p .` there would: its tsconfig.json, every file of the program.
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(work, "consumer", "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(ts.flattenDiagnosticMessageText(d.messageText, " ")),
      },
    )!;
    expect(config.errors).toEqual([]);
    const problems = typeCheck("pack-consumer", { roots: config.fileNames, options: config.options, wholeProgram: true });
    expect(problems.map((p) => `${p.file && path.relative(work, p.file)}:${p.line} ${p.message}`)).toEqual([]);
  }, 60_000);
});

// The child processes (tsx, publint, attw) are independent: side by side, one runs while another
// waits on Prism or the disk.
describe.concurrent("the packed package", () => {
  it("ships only the built library and the README", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball]);
    const files = stdout.trim().split("\n");
    expect(files.every((f) => f === "package/package.json" || f === "package/README.md" || f.startsWith("package/dist/lib/"))).toBe(true);
    expect(files).toContain("package/dist/lib/generated/clicksend/schema.d.ts");
  });

  it("runs against Prism from the fresh project", async () => {
    const urls = inject("prism");
    const { stdout } = await run(bin("tsx"), ["usage.ts", urls.clicksend!, urls.smsend!], { cwd: path.join(work, "consumer") });
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).toEqual({
      sent: "SUCCESS",
      contact: "object",
      notFound: 404,
      state: "OK",
      loginPath: "/login",
      receipt: "abc",
      drift: [],
    });
  }, 60_000);

  it("passes publint with warnings as errors", async () => {
    const { stdout } = await run(bin("publint"), ["run", tarball, "--strict"]);
    expect(stdout).toContain("All good!");
  }, 60_000);

  it("passes arethetypeswrong for an ESM-only package", async () => {
    const result = await run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"]).then(
      () => "ok",
      (e: { stdout?: string }) => e.stdout ?? String(e),
    );
    expect(result).toBe("ok");
  }, 60_000);
});
