import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatFinding } from "../../generator/findings.js";
import lintProvider from "../../generator/lint.js";
import { providers, repoRoot } from "../../generator/providers.js";
import type { ResponseMismatch } from "../../runtime/validation.js";
import { describe as describeObserved } from "../../scripts/lib/verify-live/drift.js";
import { checkRequest, FREE_POSTS, guardedFetch, type GuardRequest } from "../../scripts/lib/verify-live/guard.js";
import { main } from "../../scripts/lib/verify-live/cli.js";
import { checkLive } from "../../scripts/lib/verify-live/run.js";
import { RECIPIENT_RULES } from "../../scripts/lib/verify-live/recipients.js";
import { Scrubber } from "../../scripts/lib/verify-live/scrub.js";
import { loadFacts, type ProviderId } from "../../scripts/lib/verify-live/spec-facts.js";
import { createReplyValidator } from "../../scripts/lib/verify-live/validate.js";
import { startFakeProvider, type Drifter, type FakeProvider, type ReceivedRequest } from "./verify-live-fake.js";

// Every run of the checker (and every recording checked below) builds a reply validator for the
// whole document, and compiling its schemas cost more than the calls. The real validators, one
// per document (the same content, however many times it is loaded), shared within this file;
// each caller still gets its own mismatches: validation is synchronous, so the shared validator
// reports to the caller whose reply it is checking.
vi.mock("../../scripts/lib/verify-live/validate.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../scripts/lib/verify-live/validate.js")>();
  const shared = new Map<string, { validate: ReturnType<typeof real.createReplyValidator>; report: (m: ResponseMismatch) => void }>();
  const createReplyValidator: typeof real.createReplyValidator = (facts, onMismatch) => {
    const key = createHash("sha256").update(JSON.stringify(facts.document)).digest("hex");
    let entry = shared.get(key);
    if (!entry) {
      const created: { validate?: ReturnType<typeof real.createReplyValidator>; report: (m: ResponseMismatch) => void } = {
        report: () => {},
      };
      created.validate = real.createReplyValidator(facts, (mismatch) => created.report(mismatch));
      entry = created as NonNullable<typeof entry>;
      shared.set(key, entry);
    }
    const { validate } = entry;
    return (reply) => {
      entry.report = onMismatch;
      validate(reply);
    };
  };
  return { createReplyValidator };
});

const clicksend = loadFacts("clicksend");
const smsend = loadFacts("smsend");

// ClickSend's API docs, section "Testing", copied here so that these tests do not trust the spec
// (or the guard that reads it) to say what a test recipient is.
const DOCUMENTED_TEST_RECIPIENTS = new Set([
  "+61411111111",
  "+61422222222",
  "+61433333333",
  "+61444444444",
  "+14055555555",
  "+14055555666",
  "+447777777777",
  "+8615555555555",
  "+61261111111",
  "+61262222222",
  "+61263333333",
  "test1@test.com",
  "test2@test.com",
  "test3@test.com",
  "11111",
  "22222",
  "33333",
]);

describe("the guard", () => {
  const sms = (...to: unknown[]) => ({
    messages: to.map((t) => (typeof t === "number" ? { body: "hi", list_id: t } : { body: "hi", to: t })),
  });
  const table: [string, ProviderId, boolean, GuardRequest][] = [
    ["a read", "clicksend", true, { method: "GET", path: "/account" }],
    ["a read with an id", "clicksend", true, { method: "GET", path: "/lists/428" }],
    ["a read that moves smSend's read position", "smsend", false, { method: "GET", path: "/newsrsmsmessage" }],
    ["a DELETE", "clicksend", false, { method: "DELETE", path: "/lists/428" }],
    ["a PUT (a recharge purchase)", "clicksend", false, { method: "PUT", path: "/recharge/purchase/12" }],
    ["a PUT that only marks read", "clicksend", false, { method: "PUT", path: "/sms/receipts-read", body: {} }],
    ["a PATCH", "clicksend", false, { method: "PATCH", path: "/own-numbers/abc", body: {} }],
    ["a price call, to any number", "clicksend", true, { method: "POST", path: "/sms/price", body: sms("+61437111222") }],
    ["an SMS to test numbers", "clicksend", true, { method: "POST", path: "/sms/send", body: sms("+61411111111", "+447777777777") }],
    [
      "an SMS to a test number and a real one",
      "clicksend",
      false,
      { method: "POST", path: "/sms/send", body: sms("+61411111111", "+61437111222") },
    ],
    ["an SMS to a contact list", "clicksend", false, { method: "POST", path: "/sms/send", body: sms(428) }],
    ["an SMS to a fax test number", "clicksend", false, { method: "POST", path: "/sms/send", body: sms("+61261111111") }],
    ["an SMS without messages", "clicksend", false, { method: "POST", path: "/sms/send", body: { messages: [] } }],
    [
      "an SMS whose message names no recipient",
      "clicksend",
      false,
      { method: "POST", path: "/sms/send", body: { messages: [{ body: "hi" }] } },
    ],
    ["an SMS body that is not JSON", "clicksend", false, { method: "POST", path: "/sms/send", body: "to=+61411111111" }],
    [
      "an MMS to a test number",
      "clicksend",
      true,
      { method: "POST", path: "/mms/send", body: { media_file: "x", ...sms("+61422222222") } },
    ],
    ["a voice call to a test number", "clicksend", true, { method: "POST", path: "/voice/send", body: sms("+61433333333") }],
    ["a fax to a test fax number", "clicksend", true, { method: "POST", path: "/fax/send", body: sms("+61261111111") }],
    ["a fax to an SMS test number", "clicksend", false, { method: "POST", path: "/fax/send", body: sms("+61411111111") }],
    [
      "an email to test addresses",
      "clicksend",
      true,
      { method: "POST", path: "/email/send", body: { to: [{ email: "test1@test.com" }], cc: [{ email: "test2@test.com" }] } },
    ],
    [
      "an email with a real bcc",
      "clicksend",
      false,
      { method: "POST", path: "/email/send", body: { to: [{ email: "test1@test.com" }], bcc: [{ email: "boss@example.com" }] } },
    ],
    [
      "a letter to a test postal code",
      "clicksend",
      true,
      { method: "POST", path: "/post/letters/send", body: { recipients: [{ address_postal_code: "11111" }] } },
    ],
    [
      "a letter to a real postal code",
      "clicksend",
      false,
      { method: "POST", path: "/post/letters/send", body: { recipients: [{ address_postal_code: "6000" }] } },
    ],
    [
      "a postcard, even to a test postal code",
      "clicksend",
      false,
      { method: "POST", path: "/post/postcards/send", body: { recipients: [{ address_postal_code: "11111" }] } },
    ],
    ["an SMS campaign", "clicksend", false, { method: "POST", path: "/sms-campaigns/send", body: { list_id: 428, name: "x", body: "y" } }],
    ["a dedicated number purchase", "clicksend", false, { method: "POST", path: "/numbers/buy/61411111111" }],
    ["a free POST that stores something", "clicksend", false, { method: "POST", path: "/lists", body: { list_name: "x" } }],
    ["a path the spec does not have", "clicksend", false, { method: "GET", path: "/nothing-here" }],
    [
      "an smSend SMS, even to a ClickSend test number",
      "smsend",
      false,
      { method: "POST", path: "/sms", body: { message_type: "N", message: "hi", recipient: ["+61411111111"] } },
    ],
    ["an smSend credit move", "smsend", false, { method: "POST", path: "/subaccount/5/credit", body: {} }],
  ];

  it.each(table)("%s (%s) → allowed: %s", (_, provider, allowed, request) => {
    const verdict = checkRequest(provider === "clicksend" ? clicksend : smsend, request);
    expect(verdict.allowed, verdict.allowed ? "" : verdict.reason).toBe(allowed);
  });

  it("refuses an operation whose billing nobody decided", () => {
    const undecided = {
      ...clicksend,
      operations: clicksend.operations.map((op) => (op.operationId === "sms/price" ? { ...op, billable: undefined } : op)),
    };
    expect(checkRequest(undecided, { method: "POST", path: "/sms/price", body: {} })).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("x-billable"),
    });
  });

  it("lists as free only POSTs the spec marks x-billable: false, and reads recipients only of billable ones", () => {
    for (const facts of [clicksend, smsend]) {
      const byId = new Map(facts.operations.map((op) => [op.operationId, op]));
      for (const id of FREE_POSTS[facts.provider]!) expect([id, byId.get(id)?.method, byId.get(id)?.billable]).toEqual([id, "post", false]);
      for (const id of Object.keys(RECIPIENT_RULES[facts.provider]!))
        expect([id, byId.get(id)?.method, byId.get(id)?.billable]).toEqual([id, "post", true]);
    }
  });

  it("stops a refused request inside fetch, before it reaches the transport", async () => {
    const sent: string[] = [];
    const guard = guardedFetch(
      clicksend,
      "https://rest.clicksend.com/v3",
      async (request) => (sent.push(`${request.method} ${request.url}`), new Response("{}")),
    );
    const post = (url: string, body: unknown) => new Request(url, { method: "POST", body: JSON.stringify(body) });
    await guard.fetch(new Request("https://rest.clicksend.com/v3/account"));
    await guard.fetch(post("https://rest.clicksend.com/v3/sms/send", { messages: [{ to: "+61411111111", body: "x" }] }));
    await expect(
      guard.fetch(post("https://rest.clicksend.com/v3/sms/send", { messages: [{ to: "+61437111222", body: "x" }] })),
    ).rejects.toThrow(/guard/);
    await expect(guard.fetch(new Request("https://rest.clicksend.com/v3/lists/1", { method: "DELETE" }))).rejects.toThrow(/guard/);
    await expect(guard.fetch(new Request("https://elsewhere.example/v3/account"))).rejects.toThrow(/outside the server/);
    expect(sent).toEqual(["GET https://rest.clicksend.com/v3/account", "POST https://rest.clicksend.com/v3/sms/send"]);
    expect(guard.refusals.map((r) => r.operationId)).toEqual(["sms/send", "contact-lists/delete", undefined]);
  });
});

describe("the x-billable lint rule", () => {
  it("reports every POST/PUT/PATCH/DELETE without a true/false x-billable, with file and line", async () => {
    const provider = {
      ...providers.find((p) => p.id === "smsend")!,
      root: path.join(repoRoot, "test/fixtures/verify-live/undecided.yaml"),
    };
    const findings = (await lintProvider(provider)).filter((f) => f.rule === "operation-billable-decided").map(formatFinding);
    expect(findings).toEqual([
      "test/fixtures/verify-live/undecided.yaml:18:10 error spectral/operation-billable-decided say whether this operation costs money: add `x-billable: true` or `x-billable: false`",
      "test/fixtures/verify-live/undecided.yaml:29:19 error spectral/operation-billable-decided `x-billable` must be true or false",
    ]);
  });
});

/** A bound for a case that runs the whole checker (every operation's call; under a second on a
 * quiet machine): only a hung run reaches it, however loaded the machine. */
const WHOLE_RUN_MS = 90_000;

/** Runs the CLI against a fake and returns its exit code, stdout and what the fake received. */
async function runAgainstFake(
  provider: ProviderId,
  drift: Record<string, Drifter> = {},
  extraArgs: string[] = [],
  env: Record<string, string> = {},
) {
  const fake = await startFakeProvider((provider === "clicksend" ? clicksend : smsend).document, drift);
  fakes.push(fake);
  let stdout = "";
  let stderr = "";
  const credentials =
    provider === "clicksend"
      ? { CLICKSEND_USERNAME: "someone", CLICKSEND_API_KEY: "key-1234" }
      : { SMSEND_USERNAME: "someone", SMSEND_PASSWORD: "pass-1234" };
  const code = await main(
    [provider, "--base-url", fake.url, ...extraArgs],
    { ...credentials, ...env },
    (t) => (stdout += `${t}\n`),
    (t) => (stderr += `${t}\n`),
  );
  return { code, stdout, stderr, received: fake.received };
}
const fakes: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** Everything the checker sent that could cost money, change data or reach a real person. */
function unsafeRequests(received: ReceivedRequest[]): string[] {
  const recipients = (body: unknown): string[] => {
    const b = (body ?? {}) as {
      messages?: { to?: string; list_id?: number }[];
      to?: { email: string }[];
      cc?: { email: string }[];
      bcc?: { email: string }[];
      recipients?: { address_postal_code: string }[];
    };
    return [
      ...(b.messages ?? []).map((m) => m.to ?? `list ${m.list_id}`),
      ...[...(b.to ?? []), ...(b.cc ?? []), ...(b.bcc ?? [])].map((p) => p.email),
      ...(b.recipients ?? []).map((r) => r.address_postal_code),
    ];
  };
  return received
    .filter((r) => {
      if (r.method === "GET") return false;
      if (r.method !== "POST") return true;
      if (/\/(price|price-campaign|detect-address)$/.test(r.path)) return false;
      if (["nocredit", "notactive", "banned"].includes(r.username ?? "") && r.path !== "/sms/send") return true;
      const named = recipients(JSON.parse(r.body || "{}"));
      return named.length === 0 || named.some((to) => !DOCUMENTED_TEST_RECIPIENTS.has(to));
    })
    .map((r) => `${r.method} ${r.path} ${r.body}`);
}

describe("verify-live against a fake ClickSend", { timeout: WHOLE_RUN_MS }, () => {
  it("exits 0 against a fake that serves the spec's own examples, having called only safe things", async () => {
    const run = await runAgainstFake("clicksend");
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/^(DRIFT|ERROR)/m);
    expect(run.code).toBe(0);
    // Every operation gets a line; sends, price calls and the test credentials were really made.
    for (const op of clicksend.operations) expect(run.stdout).toMatch(new RegExp(`^(OK|SKIPPED) +${op.operationId}( |$)`, "m"));
    expect(run.stdout).toMatch(/^OK +sms\/send +200$/m);
    expect(run.stdout).toMatch(/^OK +account\/get \(test credentials nocredit\) +401 documented failure UNAUTHORIZED$/m);
    expect(run.received.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["POST /sms/send", "POST /sms/price", "POST /fax/send", "POST /email/send", "POST /post/letters/send"]),
    );
    expect(unsafeRequests(run.received)).toEqual([]);
    expect(run.received.filter((r) => r.method !== "GET" && r.method !== "POST")).toEqual([]);
  });

  it("names exactly the drifted operations and pointers and exits 1", async () => {
    const drift: Record<string, Drifter> = {
      // A changed type: the balance comes as a number instead of a string.
      "account/get": (reply) => ({ ...reply, body: withValue(reply.body, ["data", "balance"], 1117.46) }),
      // A missing required field.
      "sms-templates/list": (reply) => ({ ...reply, body: withValue(reply.body, ["data", "data", "1", "template_name"], undefined) }),
      // An unknown status.
      "countries/list": (reply) => ({ ...reply, status: 418 }),
    };
    const run = await runAgainstFake("clicksend", drift, ["--json"]);
    expect(run.code).toBe(1);
    const { outcomes } = JSON.parse(run.stdout) as {
      outcomes: { operationId: string; label?: string; kind: string; drifts?: { pointer: string; expected: string; observed: string }[] }[];
    };
    const drifted = outcomes.filter((o) => o.kind === "drift").map((o) => [o.operationId, o.drifts]);
    expect(drifted).toEqual([
      ["account/get", [{ pointer: "/data/balance", expected: "be string", observed: "number 1117.46" }]],
      ["countries/list", [{ pointer: "", expected: "a documented status (200, 400, 404, 405, 429, 500)", observed: "status 418" }]],
      ["sms-templates/list", [{ pointer: "/data/data/1/template_name", expected: "present (required)", observed: "missing" }]],
    ]);
    expect(unsafeRequests(run.received)).toEqual([]);
  });

  it("prints each drift with its pointer, and withholds observed values that could be personal", async () => {
    const drift: Record<string, Drifter> = {
      "account/get": (reply) => ({ ...reply, body: withValue(reply.body, ["data", "user_phone"], 61499887766) }),
    };
    const run = await runAgainstFake("clicksend", drift);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DRIFT +account\/get +200\n +\/data\/user_phone: expected be string; observed number \(value withheld\)$/m);
    expect(run.stdout).not.toContain("61499887766");
  });
});

describe("verify-live when the spec's only send examples reach real people", () => {
  it("skips the send instead of making it, and the fake never sees it", async () => {
    // A copy of the spec whose sms/send examples name a real number and a contact list only.
    const document = structuredClone(clicksend.document) as typeof clicksend.document;
    const media = (document.paths!["/sms/send"]!.post as { requestBody: { content: Record<string, { examples: object }> } }).requestBody
      .content["application/json"]!;
    media.examples = {
      real: { value: { messages: [{ body: "hi", to: "+61437111222" }] } },
      list: { value: { messages: [{ body: "hi", list_id: 428 }] } },
    };
    // Only sms/send is checked: what is asked is how the plan treats its examples, which the
    // other 236 operations' calls would not change (the full run is the tests above).
    const facts = { ...clicksend, document, operations: clicksend.operations.filter((op) => op.operationId === "sms/send") };
    const fake = await startFakeProvider(document);
    fakes.push(fake);
    const outcomes = await checkLive({ facts, baseUrl: fake.url, username: "someone", secret: "key-1234" });
    expect(outcomes.find((o) => o.operationId === "sms/send")).toEqual({
      operationId: "sms/send",
      kind: "skipped",
      reason: "refused by the guard: billable, and 1 recipient(s) are not documented test recipients",
    });
    expect(fake.received.filter((r) => r.path === "/sms/send")).toEqual([]);
    expect(unsafeRequests(fake.received)).toEqual([]);
  });
});

describe("verify-live against a fake smSend", { timeout: WHOLE_RUN_MS }, () => {
  it("logs in, reads, never sends (smSend documents no test recipients) and exits 0", async () => {
    const run = await runAgainstFake("smsend");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^SKIPPED +sms\/send +refused by the guard: billable, and the provider's docs publish no test recipients$/m);
    expect(run.stdout).toMatch(/^SKIPPED +received-sms\/list-new +refused by the guard: a read that changes/m);
    expect(run.received.map((r) => r.method)).toEqual(run.received.map(() => "GET"));
    expect(run.received.map((r) => r.path)).not.toContain("/newsrsmsmessage");
  });

  it("takes a brand's host by name and refuses an unknown brand", async () => {
    let stderr = "";
    const code = await main(
      ["smsend", "--brand", "nobody"],
      { SMSEND_USERNAME: "u", SMSEND_PASSWORD: "p" },
      () => {},
      (t) => (stderr += t),
    );
    expect([code, stderr]).toEqual([2, expect.stringContaining('unknown brand "nobody"; known: smsend, skebby')]);
  });
});

describe("record mode", { timeout: WHOLE_RUN_MS }, () => {
  // Secrets with characters that change under URL, JSON and Base64 encodings.
  const username = "ana.lópez+cs@corp.example.org";
  const apiKey = 'Xy:9/+&=%"\\é€ key';
  const realPhone = "+61499887766";
  const realEmail = "jane.doe@corp.example.org";

  it("saves replies with credentials, account ids, phone numbers and e-mail addresses replaced, still valid against the spec", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-live-"));
    const drift: Record<string, Drifter> = {
      // The fake echoes the credentials and personal data into a reply, as a real account would.
      "account/get": (reply) => {
        let body = withValue(reply.body, ["data", "username"], username);
        body = withValue(body, ["data", "user_email"], realEmail);
        body = withValue(body, ["data", "user_phone"], realPhone);
        body = withValue(body, ["data", "account_billing_mobile"], realPhone);
        body = withValue(body, ["data", "account_name"], `key ${apiKey} of ${username}`);
        return { ...reply, body: withValue(body, ["response_msg"], `Welcome ${username}, your key is ${apiKey}`) };
      },
    };
    const run = await runAgainstFake("clicksend", drift, ["--record", dir], { CLICKSEND_USERNAME: username, CLICKSEND_API_KEY: apiKey });
    expect(run.code).toBe(0);
    const files = fs.readdirSync(path.join(dir, "replies"));
    expect(files.length).toBeGreaterThan(50);
    const all = files.map((f) => fs.readFileSync(path.join(dir, "replies", f), "utf8")).join("\n");
    const basic = Buffer.from(`${username}:${apiKey}`).toString("base64");
    for (const secret of [
      username,
      apiKey,
      JSON.stringify(apiKey).slice(1, -1),
      encodeURIComponent(apiKey),
      basic,
      realEmail,
      realPhone,
      "61499887766",
      "3819",
    ]) {
      expect(all, secret).not.toContain(secret);
    }
    const account = JSON.parse(fs.readFileSync(path.join(dir, "replies", "account__get.json"), "utf8")).body.data;
    // Stable: the same phone number gets the same placeholder in both fields.
    expect(account.user_phone).toBe(account.account_billing_mobile);
    expect(account.user_phone).toMatch(/^\+1\d{10}$/);
    expect(account.user_email).toMatch(/^person-\d+@example\.com$/);
    expect(typeof account.user_id).toBe("number");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "recording.json"), "utf8"))).toMatchObject({ provider: "clicksend", live: false });
    expect(validateRecording(dir)).toEqual([]);
  });

  it("keeps documented test recipients, and gives each original its own stable placeholder", () => {
    const scrubber = new Scrubber(["s3cr3t"], ["+61411111111"]);
    const scrubbed = scrubber.value({
      to: "+61411111111",
      from: "+61499887766",
      mobile: "0499887766",
      hide_your_number: 1,
      user_id: 7,
      list: [{ user_id: 7 }, { user_id: 8 }],
      note: "call +61499887766 or s3cr3t",
    });
    expect(scrubbed).toEqual({
      to: "+61411111111",
      from: "+10000000001",
      mobile: "10000000002",
      hide_your_number: 1,
      user_id: 900001,
      list: [{ user_id: 900001 }, { user_id: 900002 }],
      note: "call +10000000001 or secret-1",
    });
  });
});

describe("recorded fixtures in test/fixtures/live/", () => {
  const root = path.join(repoRoot, "test/fixtures/live");
  const recordings = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, "recording.json")));

  it("has at least the recording made from the fake server, labelled as not live", () => {
    expect(recordings.length).toBeGreaterThan(0);
    const labels = recordings.map(
      (name) => JSON.parse(fs.readFileSync(path.join(root, name, "recording.json"), "utf8")) as { live: boolean },
    );
    expect(labels.some((label) => label.live === false)).toBe(true);
  });

  it.each(recordings)("%s validates against the spec and carries no personal value", (name) => {
    const dir = path.join(root, name);
    expect(validateRecording(dir)).toEqual([]);
    const text = fs
      .readdirSync(path.join(dir, "replies"))
      .map((f) => fs.readFileSync(path.join(dir, "replies", f), "utf8"))
      .join("\n");
    const emails = [...text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)].map((m) => m[0]);
    expect(emails.filter((e) => !/^person-\d+@example\.com$/.test(e) && !DOCUMENTED_TEST_RECIPIENTS.has(e))).toEqual([]);
    const phones = [...text.matchAll(/\+\d{7,15}/g)].map((m) => m[0]);
    expect(phones.filter((p) => !/^\+1000000\d{4}$/.test(p) && !DOCUMENTED_TEST_RECIPIENTS.has(p))).toEqual([]);
  });
});

describe("observed values in drift reports", () => {
  it.each([
    ["status", "Queued:WaitSend", 'string "Queued:WaitSend"'],
    ["response_code", "INSUFFICIENT_CREDIT", 'string "INSUFFICIENT_CREDIT"'],
    ["user_first_name", "Jane", "string of 4 character(s) (value withheld)"],
    ["balance", "1117.46", "string of 7 character(s) (value withheld)"],
    ["to", 61411111111, "number (value withheld)"],
    ["total", 12, "number 12"],
    ["data", [1, 2], "array of 2 item(s)"],
  ])("%s = %j → %s", (key, value, want) => {
    expect(describeObserved(value, key)).toBe(want);
  });
});

/** Every reply of a recording checked against the spec of its provider: the mismatches found. */
function validateRecording(dir: string): ResponseMismatch[] {
  const { provider } = JSON.parse(fs.readFileSync(path.join(dir, "recording.json"), "utf8")) as { provider: ProviderId };
  const facts = provider === "clicksend" ? clicksend : smsend;
  const found: ResponseMismatch[] = [];
  const validate = createReplyValidator(facts, (m) => found.push(m));
  for (const file of fs.readdirSync(path.join(dir, "replies"))) {
    const reply = JSON.parse(fs.readFileSync(path.join(dir, "replies", file), "utf8")) as {
      operationId: string;
      status: number;
      contentType?: string;
      body: unknown;
    };
    const op = facts.operations.find((o) => o.operationId === reply.operationId);
    if (!op) throw new Error(`${file}: no operation ${reply.operationId}`);
    validate({
      operationId: op.operationId,
      spec: { method: op.method, path: op.path } as never,
      status: reply.status,
      contentType: reply.contentType,
      body: reply.body,
    });
  }
  return found;
}

/** A copy of a JSON value with the value at a path replaced (undefined removes it). */
function withValue(value: unknown, keys: string[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (replacement === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = replacement;
  return copy;
}
