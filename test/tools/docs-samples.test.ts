/**
 * Reading the curl samples of a capture of the docs (scripts/lib/docs-samples.ts): a body that is
 * JSON, even leniently, becomes the endpoint's request sample; one that is not is reported as
 * unread with its line, never dropped in silence. Both providers' readers share this step.
 */
import { describe, expect, it } from "vitest";
import type { ProviderId } from "../../scripts/lib/docs-coverage.js";
import { extractSections } from "../../scripts/lib/docs-samples.js";

const endpoint = { method: "POST", path: "/alias", where: "capture.txt:1" };
/** The curl sample on line 2; ClickSend's docs name the endpoint before it (line 1), smSend's after it (line 3). */
const capture = (body: string) => ["", `curl -XPOST 'https://example.test/alias' -d'${body}'`, ""].join("\n");
const read = (provider: ProviderId, body: string) =>
  extractSections(provider, capture(body), [{ ...endpoint, line: provider === "clicksend" ? 0 : 2 }]);

describe.each<ProviderId>(["clicksend", "smsend"])("%s: a curl sample's body", (provider) => {
  it("that is JSON (trailing comma allowed) is the request sample, at the curl line", () => {
    const { sections, unread } = read(provider, '{"alias": "Shop",}');
    expect(unread).toEqual([]);
    expect(sections.flatMap((s) => s.samples)).toEqual([{ kind: "request", body: { alias: "Shop" }, line: 2 }]);
  });

  it("that is not JSON even leniently is reported unread, with its line and first line of text", () => {
    const { sections, unread } = read(provider, '{"alias": Shop}');
    expect(sections.flatMap((s) => s.samples)).toEqual([]);
    expect(unread).toEqual([{ endpoint: { ...endpoint, line: provider === "clicksend" ? 0 : 2 }, line: 2, text: '{"alias": Shop}' }]);
  });
});
