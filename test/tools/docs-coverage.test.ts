import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import {
  coverage,
  extractEndpoints,
  formatCoverage,
  normalisePath,
  specOperations,
  type Endpoint,
} from "../../scripts/lib/docs-coverage.js";

const capture = (name: string) => fs.readFileSync(path.join(repoRoot, "test", "fixtures", "docs-coverage", name), "utf8");
const brief = (list: Endpoint[]) => list.map((e) => `${e.method} ${e.path} @${e.where}`);

const clickSendSpec = {
  paths: {
    "/widgets": { get: { operationId: "widgets/list" }, post: { operationId: "widgets/create" } },
    "/widgets/{widget_id}": { parameters: [], get: { operationId: "widgets/get" }, delete: { operationId: "widgets/delete" } },
    "/gadgets/{id}": { patch: { operationId: "gadgets/rename" } },
  },
};
const smSendSpec = {
  paths: {
    "/profile": { get: { operationId: "profile/get" } },
    "/folders": { get: { operationId: "folders/list" } },
    "/folder/{folder_id}": { delete: { operationId: "folders/delete" } },
    "/folder/{folder_id}/archive": { post: { operationId: "folders/archive" } },
    "/inbox": { get: { operationId: "inbox/list" } },
    "/inbox/{id}": { get: { operationId: "inbox/list-one" } },
    "/status": { get: { operationId: "status/get" } },
  },
};

describe("normalisePath", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["drops the query string", { given: "/widgets?page={page}&limit=10", want: "/widgets" }],
    ["forgets path parameter names", { given: "/lists/{list_id}/contacts/{id}", want: "/lists/{}/contacts/{}" }],
    ["drops a trailing slash", { given: "/widgets/", want: "/widgets" }],
    ["keeps the root", { given: "/", want: "/" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => expect(normalisePath(given)).toBe(want));
});

describe("ClickSend captures", () => {
  it("reads bare URLs (method from the code sample for the same path), method/v3 lines and curl samples", () => {
    const found = extractEndpoints("clicksend", capture("clicksend.txt"), "cs.txt");
    expect(brief(found.documented)).toEqual([
      "POST /widgets @cs.txt:5",
      "POST /widgets @cs.txt:14",
      "GET /widgets @cs.txt:19",
      "GET /widgets @cs.txt:22",
      "DELETE /widgets/{widget_id} @cs.txt:26",
      "DELETE /widgets/{id} @cs.txt:28",
      "PATCH /gadgets/{gadget_id} @cs.txt:31",
      "PUT /frobnicate @cs.txt:37",
      "PUT /frobnicate @cs.txt:41",
    ]);
    expect(found.unresolved).toEqual([]);
  });

  const cases: [string, { given: string; want: { documented: string[]; unresolved: string[] } }][] = [
    [
      "a URL with no sample anywhere is unresolved",
      { given: "https://rest.clicksend.com/v3/lonely\n", want: { documented: [], unresolved: [" /lonely @x:1"] } },
    ],
    [
      "else the nearest sample of another path lends its method",
      {
        given: "curl --request POST 'https://rest.clicksend.com/v3/a'\n\n\nhttps://rest.clicksend.com/v3/b\n\n\n\n\nget/v3/c",
        want: { documented: ["POST /a @x:1", "POST /b @x:4", "GET /c @x:9"], unresolved: [] },
      },
    ],
    [
      "a sample for the same path after the URL beats a nearer one for another path",
      {
        given: "get/v3/a\nhttps://rest.clicksend.com/v3/b/{id}\n\n\ncurl -X DELETE 'https://rest.clicksend.com/v3/b/{b_id}'",
        want: { documented: ["GET /a @x:1", "DELETE /b/{id} @x:2", "DELETE /b/{b_id} @x:5"], unresolved: [] },
      },
    ],
    [
      "a quoted URL in a reply sample is no endpoint",
      { given: '"next_page_url": "https://rest.clicksend.com/v3/a?page=2"', want: { documented: [], unresolved: [] } },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const found = extractEndpoints("clicksend", given, "x");
    expect({ documented: brief(found.documented), unresolved: brief(found.unresolved) }).toEqual(want);
  });

  it("compares with the spec and prints a summary", () => {
    const found = extractEndpoints("clicksend", capture("clicksend.txt"), "cs.txt");
    const result = coverage(found.documented, found.unresolved, specOperations(clickSendSpec));
    expect(formatCoverage("clicksend", ["cs.txt"], result)).toBe(
      [
        "clicksend: cs.txt",
        "5 endpoints documented, 4 in the spec, 1 missing from the spec; 4 of the spec's 5 operations mentioned, 1 not",
        "",
        "documented but missing from the spec (1):",
        "  PUT /frobnicate  (cs.txt:37)",
        "",
        "spec operations the capture does not mention (1):",
        "  GET /widgets/{widget_id}  widgets/get",
      ].join("\n"),
    );
  });

  it("counts an unresolved URL as a mention of every operation on its path", () => {
    const found = extractEndpoints("clicksend", "https://rest.clicksend.com/v3/widgets/{id}", "x");
    const result = coverage(found.documented, found.unresolved, specOperations(clickSendSpec));
    expect(result.unmentioned.map((o) => o.id)).toEqual(["widgets/list", "widgets/create", "gadgets/rename"]);
    expect(formatCoverage("clicksend", ["x"], result)).toContain("URLs without a method in any code sample (1):\n  /widgets/{id}  (x:1)");
  });
});

describe("smSend captures", () => {
  it("reads the request lines and nothing else", () => {
    expect(brief(extractEndpoints("smsend", capture("smsend.txt"), "sm.txt").documented)).toEqual([
      "GET /profile @sm.txt:6",
      "GET /folders @sm.txt:13",
      "DELETE /folder/{folder_id} @sm.txt:20",
      "GET /inbox @sm.txt:25",
      "GET /inbox/{inbox_id} @sm.txt:28",
      "GET /folder/{folder_id}/archive @sm.txt:36",
    ]);
  });

  it("points at the spec's method when only the method differs", () => {
    const found = extractEndpoints("smsend", capture("smsend.txt"), "sm.txt");
    const result = coverage(found.documented, found.unresolved, specOperations(smSendSpec));
    expect(formatCoverage("smsend", ["sm.txt"], result)).toBe(
      [
        "smsend: sm.txt",
        "6 endpoints documented, 5 in the spec, 1 missing from the spec; 5 of the spec's 7 operations mentioned, 2 not",
        "",
        "documented but missing from the spec (1):",
        "  GET /folder/{folder_id}/archive  (sm.txt:36; the spec has POST on this path)",
        "",
        "spec operations the capture does not mention (2):",
        "  POST /folder/{folder_id}/archive  folders/archive",
        "  GET /status  status/get",
      ].join("\n"),
    );
  });
});

describe("npm run docs-coverage", () => {
  const run = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(repoRoot, "scripts", "docs-coverage.ts"), ...args],
      { cwd: repoRoot },
    ).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );

  it("checks a capture against the bundled spec, and exits 1 on endpoints the spec lacks", async () => {
    const result = await run("smsend", path.join("test", "fixtures", "docs-coverage", "smsend.txt"));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^6 endpoints documented, \d+ in the spec, \d+ missing from the spec; \d+ of the spec's \d+ operations mentioned, \d+ not$/m,
    );
  }, 60_000);

  it("explains its usage", async () => {
    expect(await run("twilio", "x.txt")).toEqual({
      code: 2,
      stdout: "usage: npm run docs-coverage -- <clicksend|smsend> <capture.txt> [more captures…] [--json]\n",
    });
  }, 60_000);
});
