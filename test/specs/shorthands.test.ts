/**
 * The specs' shorthands (specs/plugins/shorthands.js, a Redocly preprocessor registered in
 * redocly.yaml): bundling expands them to exactly what a spelled-out spec says, the linters check
 * the expanded replies, a misused shorthand stops the build with its file, and none is left in
 * the bundled documents everything else is generated from.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import bundleProvider from "../../generator/bundle.js";
import { formatFinding } from "../../generator/findings.js";
import lintProvider from "../../generator/lint.js";
import { providers, repoRoot } from "../../generator/providers.js";

const clickSend = providers.find((p) => p.id === "clicksend")!;
const fixtures = path.join(repoRoot, "test", "fixtures", "shorthands");
const withRoot = (root: string) => ({ ...clickSend, root });

/** A copy of the fixture with one exact edit (the edit must match once, so it cannot miss). */
const copies: string[] = [];
function editedCopy(file: string, from: string, to: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shorthands-"));
  copies.push(dir);
  fs.cpSync(fixtures, dir, { recursive: true });
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  expect(text.split(from), `${file}: ${from}`).toHaveLength(2);
  fs.writeFileSync(path.join(dir, file), text.replace(from, to));
  return path.join(dir, "openapi.yaml");
}
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("the shorthands", () => {
  it("bundle to the same document, key order included, as the spec written out by hand", async () => {
    const short = await bundleProvider(withRoot(path.join(fixtures, "openapi.yaml")));
    const long = await bundleProvider(withRoot(path.join(fixtures, "longhand.yaml")));
    expect(JSON.stringify(short, null, 2)).toBe(JSON.stringify(long, null, 2));
  });

  it("lint clean: Redocly sees the expanded replies, Spectral's envelope rule takes the shorthand", async () => {
    const findings = await lintProvider(withRoot(path.join(fixtures, "openapi.yaml")));
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual([]);
  });

  it("an example is checked against the whole envelope, and reported at its line in the path file", async () => {
    const root = editedCopy(
      "paths/things_{id}.yaml",
      "value: { http_code: 200, response_code: SUCCESS, response_msg: Here., data: { id: 1 } }",
      "value: { response_code: SUCCESS, response_msg: Here., data: { id: 1 } }",
    );
    const errors = (await lintProvider(withRoot(root))).filter((f) => f.severity === "error");
    expect(errors.map((f) => [path.basename(f.file), f.line, f.rule, f.message])).toEqual([
      [
        "things_{id}.yaml",
        20,
        "no-invalid-media-type-examples",
        "Example value must conform to the schema: must have required property 'http_code'.",
      ],
    ]);
  });

  it("Spectral's envelope rule still refuses a reply that is not the envelope, at the reply's line", async () => {
    const root = editedCopy(
      "paths/things_{id}.yaml",
      "x-envelope: { $ref: ../components/schemas/Thing.yaml }",
      "$ref: ../components/schemas/Thing.yaml",
    );
    const errors = (await lintProvider(withRoot(root))).filter((f) => f.linter === "spectral");
    expect(errors.map((f) => [path.basename(f.file), f.line, f.rule, f.message])).toEqual([
      [
        "things_{id}.yaml",
        15,
        "clicksend-envelope-reply",
        "200 application/json reply is not the envelope: it does not require http_code, response_code, response_msg, data",
      ],
    ]);
  });

  it("lint reports a misused shorthand at its line in the path file", async () => {
    const root = editedCopy("paths/things_{id}.yaml", 'x-standard-errors: ["404"]', 'x-standard-errors: ["410"]');
    const errors = (await lintProvider(withRoot(root))).filter((f) => f.severity === "error");
    expect(errors.map((f) => [path.basename(f.file), f.line, f.column, f.rule])).toEqual([
      ["things_{id}.yaml", 10, 22, "shorthands/expand"],
    ]);
  });

  it.each([
    [
      "x-envelope with a sibling",
      "paths/things_{id}.yaml",
      "x-envelope: { $ref: ../components/schemas/Thing.yaml }",
      "x-envelope: { $ref: ../components/schemas/Thing.yaml }\n            description: beside it",
      /things_\{id\}\.yaml.*a schema with x-envelope has nothing beside it \(found x-envelope, description\)/,
    ],
    [
      "an undeclared pagination style",
      "paths/things.yaml",
      "x-pagination: envelope-page",
      "x-pagination: cursor",
      /things\.yaml.*x-pagination: cursor is not one of the root's x-shorthands\.pagination styles \(envelope-page\)/,
    ],
    [
      "a status that is not a standard error",
      "paths/things_{id}.yaml",
      'x-standard-errors: ["404"]',
      'x-standard-errors: ["410"]',
      /things_\{id\}\.yaml.*x-standard-errors lists statuses of the root's standard-errors \(400, 401, 404\), found \["410"\]/,
    ],
    [
      "x-envelope-page without a declared page",
      "openapi.yaml",
      "  page: components/schemas/Page.yaml\n",
      "",
      /things\.yaml.*x-envelope-page is used but the root document's x-shorthands declares no `page`/,
    ],
  ])("%s stops the bundle with the file", async (_name, file, from, to, message) => {
    await expect(bundleProvider(withRoot(editedCopy(file, from, to)))).rejects.toThrow(message);
  });
});

/** Every key path in a JSON value whose key is one of `keys` (with a string value for `stringKeys`). */
function findKeys(value: unknown, keys: string[], stringKeys: string[], at = "#"): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(keys.includes(key) || (stringKeys.includes(key) && typeof child === "string") ? [`${at}/${key}`] : []),
    ...findKeys(child, keys, stringKeys, `${at}/${key}`),
  ]);
}

const bundled = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", file), "utf8")) as {
    paths: Record<string, Record<string, { security?: object[]; responses: Record<string, unknown> }>>;
    security: object[];
  };

describe("the bundled documents", () => {
  it.each(
    providers
      .map((p) => p.id)
      .flatMap((dir) =>
        fs
          .readdirSync(path.join(repoRoot, "generated", dir))
          .filter((f) => f.endsWith("openapi.json"))
          .map((f) => `${dir}/${f}`),
      ),
  )("%s holds no shorthand", (file) => {
    expect(findKeys(bundled(file), ["x-shorthands", "x-envelope", "x-envelope-page", "x-standard-errors"], ["x-pagination"])).toEqual([]);
  });

  it("every ClickSend operation has the standard errors, 401 and 403 only where credentials are needed", () => {
    const document = bundled("clicksend/openapi.json");
    const wrong = Object.entries(document.paths).flatMap(([url, item]) =>
      Object.entries(item)
        .filter(([method]) => method !== "parameters")
        .flatMap(([method, operation]) => {
          const security = operation.security ?? document.security;
          const open = security.length === 0 || security.some((r) => Object.keys(r).length === 0);
          const want = ["400", ...(open ? [] : ["401", "403"]), "404", "405", "429", "500"];
          const have = Object.keys(operation.responses).filter((s) => /^[45]/.test(s));
          return JSON.stringify(have) === JSON.stringify(want) ? [] : [`${method.toUpperCase()} ${url}: ${have.join(",")}`];
        }),
    );
    expect(wrong).toEqual([]);
  });
});
