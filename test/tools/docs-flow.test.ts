/**
 * The whole flow when the provider's docs change, on a capture written for it (ClickSend's Account
 * section with a field added to a reply, a field's type changed, an endpoint dropped and one
 * added): docs-coverage names each change → the spec is edited (a temporary copy of specs/) →
 * bundle and model → diff marks each change breaking or not → the changelog entry and version.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bundleProvider from "../../generator/bundle.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { changelogEntry, insertEntry, setVersion } from "../../scripts/lib/changelog.js";
import { checkCaptures, loadRecordedSamples, type Finding } from "../../scripts/lib/docs-drift.js";
import { diffProvider, formatReport, proposeBump, type OperationDiff } from "../../scripts/lib/spec-diff.js";

const clickSend = providers.find((p) => p.id === "clicksend")!;
const read = (...parts: string[]) => fs.readFileSync(path.join(repoRoot, "test", "fixtures", ...parts), "utf8");
const captures = [
  { name: "account.txt", text: read("docs-flow", "clicksend-account-changed.txt") },
  { name: "subaccounts.txt", text: read("docs-coverage", "clicksend-subaccounts.txt") },
];
const recorded = loadRecordedSamples(repoRoot, "clicksend");
const fresh = (document: unknown) =>
  checkCaptures("clicksend", captures, document, recorded)
    .drift.findings.filter((f: Finding) => !f.recorded)
    .map((f) => `${f.operation} ${f.category} ${f.field}`);

/** Replaces exactly one occurrence in a file of the copy, so an edit cannot silently miss. */
function edit(root: string, file: string, from: string, to: string) {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, "utf8");
  expect(text.split(from), `${file}: ${from}`).toHaveLength(2);
  fs.writeFileSync(full, text.replace(from, to));
}

let dir: string;
let before: unknown;
let after: unknown;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-flow-"));
  fs.cpSync(path.join(repoRoot, "specs"), path.join(dir, "specs"), { recursive: true });
  const copy = { ...clickSend, root: path.join(dir, "specs", "clicksend", "openapi.yaml") };
  before = await bundleProvider(copy);

  // The maintainer's edit, following the new docs.
  const cs = path.join(dir, "specs", "clicksend");
  edit(cs, "components/schemas/Account.yaml", "  user_id:\n    type: integer\n", "  user_id:\n    type: [integer, string]\n");
  edit(
    cs,
    "components/schemas/Account.yaml",
    "  username:\n    type: string\n",
    "  loyalty_tier:\n    type: string\n    description: The account's loyalty tier.\n  username:\n    type: string\n",
  );
  edit(
    cs,
    "openapi.yaml",
    "  /account/usage/{year}/{month}/subaccount:\n    $ref: paths/account_usage_{year}_{month}_subaccount.yaml\n",
    "  /account/loyalty:\n    $ref: paths/account_loyalty.yaml\n",
  );
  fs.writeFileSync(
    path.join(cs, "paths", "account_loyalty.yaml"),
    [
      "get:",
      "  operationId: account/get-loyalty",
      "  x-provenance:",
      "    sources: [docs]",
      "  tags: [account]",
      "  summary: Get the account's loyalty status",
      "  responses:",
      '    "200":',
      "      description: The loyalty status.",
      "      content:",
      "        application/json:",
      "          schema:",
      "            allOf:",
      "              - $ref: ../components/schemas/Envelope.yaml",
      "              - type: object",
      "                required: [data]",
      "                properties:",
      "                  data:",
      "                    type: object",
      "                    properties:",
      "                      tier: { type: string }",
      "                      points: { type: integer }",
      "",
    ].join("\n"),
  );
  after = await bundleProvider(copy);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("when ClickSend's docs change", () => {
  it("docs-coverage names each change, with its operation and field", () => {
    expect(fresh(before)).toEqual([
      "account/get lacks reply.data.loyalty_tier",
      "account/get type reply.data.user_id",
      "GET /account/loyalty endpoint GET /account/loyalty",
      "account/get-usage-by-subaccount endpoint GET /account/usage/{year}/{month}/subaccount",
    ]);
  });

  it("after the spec is edited, the capture and the spec agree", () => {
    expect(fresh(after)).toEqual([]);
  });

  let operations: OperationDiff[];
  it("diff marks each change breaking or not, and names the client methods", () => {
    operations = diffProvider("clicksend", { document: before }, { document: after });
    const byId = new Map(operations.map((o) => [o.id, o.changes.map((c) => `${c.level} ${c.text}`)]));
    expect(byId.get("account/get")).toEqual([
      "major type widened: reply.data.user_id integer → integer|string",
      "minor property added: reply.data.loyalty_tier",
    ]);
    expect(byId.get("account/get-loyalty")).toEqual(["minor operation added: cs.account.getLoyalty()"]);
    expect(byId.get("account/get-usage-by-subaccount")).toEqual(["major operation removed: cs.account.getUsageBySubaccount()"]);
    // Every other operation that replies with the account changes the same way, and only those.
    for (const op of operations.filter((o) => !["account/get", "account/get-loyalty", "account/get-usage-by-subaccount"].includes(o.id))) {
      expect(
        op.changes.map((c) => c.level),
        op.id,
      ).toEqual(["major", "minor"]);
      expect(op.changes.map((c) => c.text).join(" | "), op.id).toMatch(
        /^type widened: reply\.data(\.\w+)*\.user_id integer → integer\|string \| property added: reply\.data(\.\w+)*\.loyalty_tier$/,
      );
    }
    expect(formatReport("v0.1.0", "0.1.0", [{ provider: "clicksend", operations }])).toMatch(
      /^proposed bump: minor \(0\.1\.0 → 0\.2\.0; breaking changes bump the minor version while it is 0\.x\): \d+ breaking, \d+ additions, 0 compatible$/m,
    );
  });

  it("the changelog entry names the methods, marks what breaks, and the version goes to 0.2.0", () => {
    const changes = operations.flatMap((o) => o.changes);
    const { next } = proposeBump("0.1.0", changes);
    expect(next).toBe("0.2.0");
    const entry = changelogEntry(next, "2026-01-02", "v0.1.0", [{ provider: "clicksend", operations }]);
    const lines = entry.split("\n");
    expect(lines.slice(0, 4)).toEqual(["## [0.2.0] - 2026-01-02", "", "API changes since v0.1.0.", ""]);
    const section = (name: string) => {
      const start = lines.indexOf(`### ${name}`);
      if (start < 0) return [];
      const end = lines.findIndex((l, i) => i > start && l.startsWith("### "));
      return lines.slice(start + 2, end < 0 ? undefined : end).filter(Boolean);
    };
    expect(section("Added")).toContain("- `cs.account.getLoyalty()` (GET /account/loyalty)");
    expect(section("Added")).toContain("- `cs.account.get()`: property added: reply.data.loyalty_tier");
    expect(section("Changed")).toContain("- **Breaking:** `cs.account.get()`: type widened: reply.data.user_id integer → integer|string");
    expect(section("Removed")).toEqual([
      "- **Breaking:** `cs.account.getUsageBySubaccount()` (GET /account/usage/{year}/{month}/subaccount)",
    ]);
    expect(section("Deprecated")).toEqual([]);
    expect(section("Fixed")).toEqual([]);

    const changelog = insertEntry(insertEntry(undefined, "## [0.1.0] - 2025-12-01\n\nFirst release.\n"), entry);
    expect(changelog.indexOf("## [0.2.0]")).toBeLessThan(changelog.indexOf("## [0.1.0]"));
    // Written again for the same version, the entry replaces the earlier one.
    expect(insertEntry(changelog, entry).split("## [0.2.0]")).toHaveLength(2);
    expect(JSON.parse(setVersion(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"), next)).version).toBe("0.2.0");
  });
});
