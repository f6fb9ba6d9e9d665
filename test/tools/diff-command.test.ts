/**
 * `npm run diff` on a real spec edit, before any build: ClickSend's split specs copied, two edits
 * made in the YAML (contacts of a list lose their pagination; sending SMS is declared safe to
 * retry), compared with HEAD's committed bundle. The edited specs exist only in the copy, so the
 * comparison can see them only by bundling the specs themselves.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { providers, repoRoot } from "../../generator/providers.js";
import { diffSpecsSince } from "../../scripts/lib/diff-command.js";
import { formatReport } from "../../scripts/lib/spec-diff.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diff-command-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function edit(file: string, from: string, to: string) {
  const full = path.join(dir, "specs", "clicksend", file);
  const text = fs.readFileSync(full, "utf8");
  expect(text.split(from), `${file}: ${from}`).toHaveLength(2);
  fs.writeFileSync(full, text.replace(from, to));
}

describe("npm run diff against the specs as they are now", () => {
  it("reports a removed .all() and a changed retry safety from a YAML edit alone", async () => {
    fs.cpSync(path.join(repoRoot, "specs"), path.join(dir, "specs"), { recursive: true });
    edit("paths/lists_{list_id}_contacts.yaml", "  x-pagination: envelope-page\n", "");
    edit("paths/sms_send.yaml", "  x-billable: true\n", "  x-billable: true\n  x-idempotent: true\n");
    const clickSend = providers.find((p) => p.id === "clicksend")!;
    const copy = { ...clickSend, root: path.join(dir, "specs", "clicksend", "openapi.yaml") };
    const report = formatReport("HEAD", "0.1.0", await diffSpecsSince("HEAD", [copy]));
    expect(report).toMatch(/breaking +client cs\.contacts\.list\.all\(\) removed/);
    expect(report).toMatch(/compatible +client now retries cs\.sms\.send\(\) on its own/);
  });
});
