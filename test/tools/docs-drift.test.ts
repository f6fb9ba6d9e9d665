/**
 * Field-level drift between captures of the providers' docs and the bundled specs. The captures
 * are excerpts of ClickSend's API docs (the Account section, trimmed to the curl samples, and the
 * Subaccounts Redoc page) and smSend's REST API docs (the TPOA alias section, trimmed to the
 * shell samples), copied into test/fixtures/docs-coverage/.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import type { ProviderId } from "../../scripts/lib/docs-coverage.js";
import { checkCaptures, loadRecordedSamples, type Finding } from "../../scripts/lib/docs-drift.js";
import { readLenient } from "../../scripts/lib/docs-samples.js";

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, "test", "fixtures", "docs-coverage", name), "utf8");
const spec = (provider: ProviderId): unknown =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider, "openapi.json"), "utf8"));
const ACCOUNT = "clicksend-account.txt";
const SUBACCOUNTS = "clicksend-subaccounts.txt";
const ALIASES = "smsend-aliases.txt";

function check(provider: ProviderId, files: Record<string, string>) {
  const captures = Object.entries(files).map(([name, text]) => ({ name, text }));
  return checkCaptures(provider, captures, spec(provider), loadRecordedSamples(repoRoot, provider)).drift;
}
const brief = (f: Finding) => `${f.operation} ${f.category} ${f.field}`;
const fresh = (findings: Finding[]) => findings.filter((f) => !f.recorded).map(brief);
/** Replaces every occurrence, `count` of them, so a fixture edit cannot silently miss. */
function edit(text: string, from: string, to: string, count = 1): string {
  expect(text.split(from)).toHaveLength(count + 1);
  return text.replaceAll(from, to);
}

describe("the docs' captures as they are", () => {
  it("ClickSend: every sample, table and status agrees with the spec or is recorded", () => {
    const drift = check("clicksend", { [ACCOUNT]: fixture(ACCOUNT), [SUBACCOUNTS]: fixture(SUBACCOUNTS) });
    expect(fresh(drift.findings)).toEqual([]);
    expect(drift.checked.samples).toBeGreaterThanOrEqual(25);
    // Recorded: by an erratum of a sample (same pointer, same value) and by x-discrepancies.
    expect(drift.findings.filter((f) => f.recorded).map(brief)).toEqual(
      expect.arrayContaining([
        "subaccounts/update value body.email",
        "account/create value body.country",
        "account/verify type path.activation_token",
        "subaccounts/regenerate-api-key lacks body.notes",
      ]),
    );
  });

  it("smSend: the same", () => {
    const drift = check("smsend", { [ALIASES]: fixture(ALIASES) });
    expect(fresh(drift.findings)).toEqual([]);
    expect(drift.checked).toEqual({ samples: 6, fields: 6, statuses: 16 });
    expect(drift.findings.map(brief)).toEqual(["aliases/create lacks body.getAlias"]);
  });
});

describe("each kind of drift is named with its operation and field", () => {
  const cases: [string, { provider: ProviderId; file: string; from: string; to: string; count?: number; want: string[] }][] = [
    [
      "a field the spec lacks, in a reply sample",
      {
        provider: "clicksend",
        file: ACCOUNT,
        from: '"setting_sms_hide_business_name": 1,',
        to: '"setting_sms_hide_business_name": 1,\n"loyalty_tier": "gold",',
        want: ["account/get lacks reply.data.loyalty_tier"],
      },
    ],
    [
      "a type change, in a reply sample",
      {
        provider: "clicksend",
        file: ACCOUNT,
        from: '"user_id": 3819,',
        to: '"user_id": "3819",',
        want: ["account/get type reply.data.user_id"],
      },
    ],
    [
      "a required field a request sample omits",
      {
        provider: "clicksend",
        file: ACCOUNT,
        from: '"user_first_name": "user_first_name",\n',
        to: "",
        want: ["account/create omitted body.user_first_name"],
      },
    ],
    [
      "a field a table lists that the spec lacks",
      {
        provider: "clicksend",
        file: ACCOUNT,
        from: "user_last_name | string | true | none | Your last name |",
        to: "user_last_name | string | true | none | Your last name |\nuser_title | string | false | none | Your title |",
        want: ["account/create lacks body.user_title"],
      },
    ],
    [
      "a table type disagreement",
      {
        provider: "clicksend",
        file: SUBACCOUNTS,
        from: "subaccount_id path integer(int32) true ID of subaccount to delete",
        to: "subaccount_id path boolean true ID of subaccount to delete",
        want: ["subaccounts/delete type path.subaccount_id"],
      },
    ],
    [
      "an enum disagreement",
      {
        provider: "smsend",
        file: ALIASES,
        from: '"contact-type": "WEB", \n        "contact-info": "www.www.it"\n    }\n}\n\'\n\n# Access',
        to: '"contact-type": "TELEX", \n        "contact-info": "www.www.it"\n    }\n}\n\'\n\n# Access',
        want: ["aliases/create enum body.alias.contact-type"],
      },
    ],
    [
      "a status code the spec does not declare",
      {
        provider: "smsend",
        file: ALIASES,
        from: "200 Alias successfully deleted",
        to: "200 Alias successfully deleted\n409 [Conflict] The alias is in use",
        want: ["aliases/delete status status 409"],
      },
    ],
    [
      "an erratum covers only its own value: another wrong value at its pointer is new",
      {
        provider: "clicksend",
        file: SUBACCOUNTS,
        from: '"email": "{{email}}"\n}',
        to: '"email": "nobody"\n}',
        want: ["subaccounts/update value body.email"],
      },
    ],
    [
      "an endpoint the docs add, and one of a covered section they drop",
      {
        provider: "clicksend",
        file: ACCOUNT,
        from: "rest.clicksend.com/v3/forgot-username",
        to: "rest.clicksend.com/v3/forgot-login",
        count: 2,
        want: ["PUT /forgot-login endpoint PUT /forgot-login", "account/forgot-username endpoint PUT /forgot-username"],
      },
    ],
  ];
  it.each(cases)("%s", (_name, { provider, file, from, to, count, want }) => {
    const files: Record<string, string> =
      provider === "clicksend" ? { [ACCOUNT]: fixture(ACCOUNT), [SUBACCOUNTS]: fixture(SUBACCOUNTS) } : { [ALIASES]: fixture(ALIASES) };
    files[file] = edit(files[file]!, from, to, count);
    expect(fresh(check(provider, files).findings)).toEqual(want);
  });
});

describe("reading samples leniently", () => {
  const cases: [string, { given: string; want: unknown }][] = [
    [
      "comment strings and an omitted entry",
      { given: '{\n "a": [ {"b": 1}, {...}  "// more" ],\n "c": 2,   "// note"\n}', want: { a: [{ b: 1 }], c: 2 } },
    ],
    ["a type outline becomes a typed placeholder", { given: '{"n": (int)}', want: { n: "\u0000type:int" } }],
    ["an unquoted {PLACEHOLDER}", { given: '{"id": {ID}}', want: { id: "{ID}" } }],
    ["Redoc bullets", { given: '{\n  • "a": 1\n}', want: { a: 1 } }],
    ["not JSON at all", { given: "{USER_KEY};{SESSION_KEY}", want: undefined }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => expect(readLenient(given)).toEqual(want));
});

describe("npm run docs-coverage", () => {
  const run = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(repoRoot, "scripts", "docs-coverage.ts"), ...args],
      { cwd: repoRoot },
    ).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }),
    );
  const fixturePath = (name: string) => path.join("test", "fixtures", "docs-coverage", name);

  it("exits 0 on the unmodified captures, listing what is recorded", async () => {
    const result = await run("clicksend", fixturePath(ACCOUNT), fixturePath(SUBACCOUNTS));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^new drift \(0\):$/m);
    expect(result.stdout).toMatch(/^recorded in the spec or the samples' errata \([1-9]\d*\):$/m);
  }, 60_000);

  it("exits 1 and names the operation and field when a sample gains a field; --json for tools", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-coverage-"));
    const file = path.join(dir, "account.txt");
    fs.writeFileSync(
      file,
      edit(fixture(ACCOUNT), '"setting_sms_hide_business_name": 1,', '"setting_sms_hide_business_name": 1,\n"loyalty_tier": "gold",'),
    );
    const text = await run("clicksend", file);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "new drift (1):\n  account/get\n    not in the spec    reply.data.loyalty_tier: the docs show reply.data.loyalty_tier; the spec does not declare it (account.txt:",
    );
    const json = await run("clicksend", file, "--json");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { new: number; findings: Finding[] };
    expect(parsed.new).toBe(1);
    expect(parsed.findings.filter((f) => !f.recorded).map(brief)).toEqual(["account/get lacks reply.data.loyalty_tier"]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
