import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { operationTable as clickSendTable } from "../../generated/clicksend/client.js";
import { operationTable as smSendTable } from "../../generated/smsend/client.js";
import { expandOperations } from "../../runtime/operation-table.js";
import { clientSurface, diffProvider, formatReport, proposeBump, type Level, type OperationDiff } from "../../scripts/lib/spec-diff.js";

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "spec-diff", name), "utf8"));
const before = fixture("before.json");
const after = fixture("after.json");
const brief = (op: OperationDiff | undefined) =>
  op && { kind: op.kind, at: `${op.method.toUpperCase()} ${op.path}`, changes: op.changes.map((c) => `${c.level} ${c.text}`) };

describe("diffProvider on the fixtures", () => {
  const byId = new Map(diffProvider("clicksend", { document: before }, { document: after }).map((op) => [op.id, op]));

  it("lists every operation that changed, sorted, and leaves unchanged ones (a self-containing allOf) out", () => {
    expect([...byId.keys()]).toEqual([
      "things/archive",
      "things/count",
      "things/create",
      "things/export",
      "things/get",
      "things/new",
      "things/old",
      "things/publish",
      "things/purge",
      "things/remove",
      "things/search",
      "things/tag",
      "things/wrapped",
    ]);
  });

  const cases: [string, { given: string; want: ReturnType<typeof brief> }][] = [
    [
      "an added operation",
      { given: "things/new", want: { kind: "added", at: "GET /new", changes: ["minor operation added: cs.things.new()"] } },
    ],
    [
      "a removed operation",
      { given: "things/old", want: { kind: "removed", at: "GET /old", changes: ["major operation removed: cs.things.old()"] } },
    ],
    [
      "method and path changed",
      {
        given: "things/remove",
        want: {
          kind: "changed",
          at: "POST /things/{thing_id}/remove",
          changes: ["major method changed: DELETE → POST", "major path changed: /things/{thing_id} → /things/{thing_id}/remove"],
        },
      },
    ],
    [
      "parameters",
      {
        given: "things/search",
        want: {
          kind: "changed",
          at: "GET /things",
          changes: [
            "major parameter removed: query.limit",
            "major parameter became required: query.sort",
            "major type changed: query.cursor string → integer",
            "minor type widened: query.offset integer → number",
            'major enum value removed: query.order "desc"',
            'minor enum value added: query.order "random"',
            "minor parameter became optional: query.q",
            "major parameter added as required: query.filter",
            "minor parameter added: query.fields",
          ],
        },
      },
    ],
    [
      "request body properties",
      {
        given: "things/create",
        want: {
          kind: "changed",
          at: "POST /things",
          changes: [
            "major request body became required",
            "minor type widened: body.size integer → number",
            'major enum value removed: body.color "red"',
            'minor enum value added: body.color "blue"',
            "major type changed: body.kind string → integer",
            "major property removed: body.tags",
            "major type narrowed: body.contact integer|string → string",
            "major became required: body.nested",
            "major became required: body.nested.deep",
            "major property added as required: body.name",
            "minor property added: body.note",
          ],
        },
      },
    ],
    [
      "reply properties, through a cyclic $ref",
      {
        given: "things/get",
        want: {
          kind: "changed",
          at: "GET /things/{thing_id}",
          changes: [
            "major property removed: reply.label",
            "major became optional: reply.state",
            'patch enum value removed: reply.state "old"',
            'major enum value added: reply.state "archived"',
            "patch type narrowed: reply.size number → integer",
            "major type widened: reply.count integer → integer|null",
            "patch became required: reply.note",
            "minor property added: reply.extra",
          ],
        },
      },
    ],
    [
      "success status and an added security alternative",
      {
        given: "things/archive",
        want: {
          kind: "changed",
          at: "POST /things/{thing_id}/archive",
          changes: ["minor security alternative added: basic", "major success status changed: 200 → 202"],
        },
      },
    ],
    [
      "a removed security alternative and request body",
      {
        given: "things/purge",
        want: {
          kind: "changed",
          at: "DELETE /things",
          changes: ["major security alternative removed: apiKey", "major request body removed"],
        },
      },
    ],
    [
      "an operation made public",
      {
        given: "things/count",
        want: {
          kind: "changed",
          at: "GET /count",
          changes: ["patch security alternative removed: apiKey", "minor security alternative added: anonymous"],
        },
      },
    ],
    [
      "a required request body added",
      {
        given: "things/publish",
        want: { kind: "changed", at: "POST /things/{thing_id}/publish", changes: ["major request body added as required"] },
      },
    ],
    [
      "an optional request body added",
      { given: "things/tag", want: { kind: "changed", at: "PUT /things/{thing_id}/tag", changes: ["minor request body added"] } },
    ],
    [
      "a reply body removed",
      { given: "things/export", want: { kind: "changed", at: "GET /things/export", changes: ["major reply body removed"] } },
    ],
    [
      "a reply without the envelope",
      {
        given: "things/wrapped",
        want: {
          kind: "changed",
          at: "GET /wrapped",
          changes: ["major reply without the envelope", "major property removed: reply.code", "major became optional: reply.data"],
        },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(brief(byId.get(given))).toEqual(want);
  });

  it("counts a provider missing at the ref as all-added", () => {
    const ops = diffProvider("clicksend", {}, { document: after });
    expect(ops.map((o) => o.kind)).toEqual(ops.map(() => "added"));
    expect(ops).toHaveLength(13);
  });

  it("finds nothing between the real ClickSend document and itself", () => {
    const document: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "clicksend", "openapi.json"), "utf8"));
    expect(diffProvider("clicksend", { document }, { document: structuredClone(document) })).toEqual([]);
  });
});

describe("the client surface, from the real bundled documents", () => {
  const real = (provider: string) =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider, "openapi.json"), "utf8")) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };

  it.each([
    ["clicksend", clickSendTable],
    ["smsend", smSendTable],
  ] as const)("%s: is what the generated client binds (its table's pagination and retry safety)", (provider, table) => {
    const expanded = expandOperations(table);
    const expected = new Map(
      Object.entries(expanded).map(([id, spec]) => [id, { idempotent: spec.idempotent, paginated: spec.pagination !== undefined }]),
    );
    expect(clientSurface(real(provider))).toEqual(expected);
  });

  it("reports .all() and automatic retries appearing or going, named as users call them", () => {
    const before = real("clicksend");
    const after = structuredClone(before);
    delete after.paths["/lists/{list_id}/contacts"]!.get!["x-pagination"];
    after.paths["/sms/send"]!.post!["x-idempotent"] = true;
    const there = diffProvider("clicksend", { document: before }, { document: after });
    const back = diffProvider("clicksend", { document: after }, { document: before });
    expect([...there, ...back].map(brief)).toEqual([
      { kind: "changed", at: "GET /lists/{list_id}/contacts", changes: ["major client cs.contacts.list.all() removed"] },
      { kind: "changed", at: "POST /sms/send", changes: ["patch client now retries cs.sms.send() on its own"] },
      { kind: "changed", at: "GET /lists/{list_id}/contacts", changes: ["minor client cs.contacts.list.all() added"] },
      { kind: "changed", at: "POST /sms/send", changes: ["patch client no longer retries cs.sms.send() on its own"] },
    ]);
  });

  it("reports an operation newly deprecated", () => {
    const before = real("clicksend");
    const after = structuredClone(before);
    after.paths["/sms/send"]!.post!.deprecated = true;
    expect(diffProvider("clicksend", { document: before }, { document: after }).map(brief)).toEqual([
      { kind: "changed", at: "POST /sms/send", changes: ["minor operation deprecated"] },
    ]);
  });

  it("names smSend's methods on sm", () => {
    const before = real("smsend");
    const after = structuredClone(before);
    delete after.paths["/sms"]!.post;
    expect(diffProvider("smsend", { document: before }, { document: after }).map(brief)).toEqual([
      { kind: "removed", at: "POST /sms", changes: ["major operation removed: sm.sms.send()"] },
    ]);
  });
});

describe("proposeBump", () => {
  const cases: [string, { given: [string, Level[]]; want: string }][] = [
    ["breaking wins", { given: ["1.1.0", ["patch", "minor", "major"]], want: "major 2.0.0" }],
    ["breaking on 0.x bumps the minor version", { given: ["0.1.3", ["patch", "minor", "major"]], want: "minor 0.2.0" }],
    ["additions on 0.x bump the patch version", { given: ["0.1.3", ["patch", "minor"]], want: "patch 0.1.4" }],
    ["additions", { given: ["1.4.2", ["patch", "minor"]], want: "minor 1.5.0" }],
    ["compatible only", { given: ["1.4.2", ["patch"]], want: "patch 1.4.3" }],
    ["no changes", { given: ["2.0.0", []], want: "patch 2.0.1" }],
    ["a pre-release version", { given: ["1.0.0-beta.1", ["minor"]], want: "minor 1.1.0" }],
  ];
  it.each(cases)("%s", (_name, { given: [version, levels], want }) => {
    const bump = proposeBump(
      version,
      levels.map((level) => ({ level, text: "" })),
    );
    expect(`${bump.bump} ${bump.next}`).toBe(want);
  });
});

it("formats the report", () => {
  const operations: OperationDiff[] = [
    {
      id: "sms/send",
      kind: "changed",
      method: "post",
      path: "/sms/send",
      changes: [
        { level: "major", text: "property removed: reply.data.total" },
        { level: "patch", text: "type narrowed: reply.data.count number → integer" },
      ],
    },
    {
      id: "sms/schedule",
      kind: "added",
      method: "put",
      path: "/sms/schedule",
      changes: [{ level: "minor", text: "operation added: client.sms.schedule" }],
    },
  ];
  expect(
    formatReport("v0.1.0", "0.1.0", [
      { provider: "clicksend", operations },
      { provider: "smsend", operations: [] },
    ]),
  ).toBe(
    [
      "API changes from v0.1.0 to the working tree",
      "",
      "clicksend: 1 added, 0 removed, 1 changed",
      "  ~ sms/send  POST /sms/send",
      "      breaking   property removed: reply.data.total",
      "      compatible type narrowed: reply.data.count number → integer",
      "  + sms/schedule  PUT /sms/schedule",
      "      addition   operation added: client.sms.schedule",
      "",
      "smsend: 0 added, 0 removed, 0 changed",
      "",
      "proposed bump: minor (0.1.0 → 0.2.0; breaking changes bump the minor version while it is 0.x): 1 breaking, 1 additions, 1 compatible",
    ].join("\n"),
  );
});

describe("npm run diff", () => {
  const run = (ref: string) =>
    promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(repoRoot, "scripts", "diff.ts"), ref],
      { cwd: repoRoot },
    ).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }),
    );

  it("compares HEAD with the working tree and proposes a bump", async () => {
    const result = await run("HEAD");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^clicksend: \d+ added, \d+ removed, \d+ changed$/m);
    expect(result.stdout).toMatch(/^proposed bump: (major|minor|patch) \(\d+\.\d+\.\d+ → \d+\.\d+\.\d+\)/m);
  }, 60_000);

  it("refuses an unknown ref", async () => {
    const result = await run("no-such-ref-anywhere");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "diff: unknown git ref 'no-such-ref-anywhere' (try a commit, branch or tag, such as HEAD~1)\n",
    });
  }, 60_000);
});
