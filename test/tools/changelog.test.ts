import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { changelogEntry, HEADER, insertEntry, setVersion } from "../../scripts/lib/changelog.js";
import type { OperationDiff } from "../../scripts/lib/spec-diff.js";

const operations: OperationDiff[] = [
  {
    id: "contacts/list",
    kind: "changed",
    method: "get",
    path: "/lists/{list_id}/contacts",
    changes: [
      { level: "major", text: "client cs.contacts.list.all() removed" },
      { level: "minor", text: "parameter added: query.updated_before" },
      { level: "minor", text: "operation deprecated" },
    ],
  },
  {
    id: "sms/send",
    kind: "changed",
    method: "post",
    path: "/sms/send",
    changes: [
      { level: "patch", text: "client now retries cs.sms.send() on its own" },
      { level: "patch", text: "type narrowed: reply.data.total_count number → integer" },
      { level: "major", text: "property removed: reply.data.queued_count" },
      { level: "major", text: "became required: body.messages[].source" },
    ],
  },
  {
    id: "sms/schedule",
    kind: "added",
    method: "put",
    path: "/sms/schedule",
    changes: [{ level: "minor", text: "operation added: cs.sms.schedule()" }],
  },
];
const smSend: OperationDiff[] = [
  {
    id: "sms/send-to-groups",
    kind: "removed",
    method: "post",
    path: "/smstogroups",
    changes: [{ level: "major", text: "operation removed: sm.sms.sendToGroups()" }],
  },
];

describe("changelogEntry", () => {
  it("sorts changes into Keep a Changelog sections, names methods as users call them, marks what breaks", () => {
    expect(
      changelogEntry("0.2.0", "2026-01-02", "v0.1.0", [
        { provider: "clicksend", operations },
        { provider: "smsend", operations: smSend },
      ]),
    ).toBe(
      [
        "## [0.2.0] - 2026-01-02",
        "",
        "API changes since v0.1.0.",
        "",
        "### Added",
        "",
        "- `cs.contacts.list()`: parameter added: query.updated_before",
        "- `cs.sms.schedule()` (PUT /sms/schedule)",
        "",
        "### Changed",
        "",
        "- client now retries `cs.sms.send()` on its own",
        "- **Breaking:** `cs.sms.send()`: became required: body.messages[].source",
        "",
        "### Deprecated",
        "",
        "- `cs.contacts.list()`: operation deprecated",
        "",
        "### Removed",
        "",
        "- **Breaking:** client `cs.contacts.list.all()` removed",
        "- **Breaking:** `cs.sms.send()`: property removed: reply.data.queued_count",
        "- **Breaking:** `sm.sms.sendToGroups()` (POST /smstogroups)",
        "",
        "### Fixed",
        "",
        "- `cs.sms.send()`: type narrowed: reply.data.total_count number → integer",
        "",
      ].join("\n"),
    );
  });
});

describe("insertEntry and setVersion", () => {
  const entry = (v: string) =>
    `## [${v}] - 2026-01-02\n\nAPI changes since v0.1.0.\n\n### Added\n\n- \`cs.sms.schedule()\` (PUT /sms/schedule)\n`;

  it("starts a changelog with its header, puts the newest entry first, and replaces one for the same version", () => {
    const first = insertEntry(undefined, entry("0.1.0"));
    expect(first.startsWith(HEADER)).toBe(true);
    const second = insertEntry(first, entry("0.2.0"));
    expect([...second.matchAll(/^## \[(.*?)\]/gm)].map((m) => m[1])).toEqual(["0.2.0", "0.1.0"]);
    expect(insertEntry(second, entry("0.2.0").replace("schedule", "reschedule"))).toBe(second.replace("schedule", "reschedule"));
  });

  it("the repository's CHANGELOG.md has that header and an entry per version", () => {
    const text = fs.readFileSync(path.join(repoRoot, "CHANGELOG.md"), "utf8");
    expect(text.startsWith(HEADER)).toBe(true);
    expect(text).toMatch(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}$/m);
  });

  it("sets package.json's version and nothing else", () => {
    const before = fs.readFileSync(path.join(repoRoot, "package.json"), "utf8");
    const after = setVersion(before, "0.2.0");
    expect(JSON.parse(after)).toEqual({ ...JSON.parse(before), version: "0.2.0" });
    expect(after.split("\n").filter((line, i) => line !== before.split("\n")[i])).toEqual(['  "version": "0.2.0",']);
  });
});
