/**
 * The mock server's settings (scripts/lib/prism.ts) are the Prism CLI's own for `prism mock
 * --errors --json-schema-faker-fillProperties=false`, which the contract suites rely on. Each is
 * shown here on test/fixtures/mock/openapi.yaml, where the real documents cannot show it; request
 * validation and the credentials check are shown on the real documents (closed-bodies.test.ts,
 * lenient.test.ts, clicksend.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";

const url = inject("prism")["mock-settings"]!;
const example = { text: "example text of the note" };

it("answers with the documented example unless a request asks for a random reply", async () => {
  const plain = await fetch(`${url}/note`);
  expect(plain.status).toBe(200);
  expect(await plain.json()).toEqual(example);
  const random = await fetch(`${url}/note`, { headers: { Prefer: "dynamic=true" } });
  expect(random.status).toBe(200);
  expect(await random.json()).not.toEqual(example);
});

it("answers a reply that breaks its schema with a 500 naming the violation, not the reply", async () => {
  const response = await fetch(`${url}/broken-note`);
  expect(response.status).toBe(500);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { type: string; validation: { location: string[] }[] };
  expect(problem.type).toBe("https://stoplight.io/prism/errors#VIOLATIONS");
  expect(problem.validation.map((v) => v.location.join("."))).toEqual(["response.body.text"]);
});

it("gives random replies only the properties the schema declares", async () => {
  // With json-schema-faker's fillProperties on, about three random replies in four carry made-up
  // properties: twenty all without any would be chance once in a trillion runs.
  const replies = await Promise.all(
    Array.from({ length: 20 }, async () => (await fetch(`${url}/note`, { headers: { Prefer: "dynamic=true" } })).json()),
  );
  expect(replies.filter((reply) => Object.keys(reply as object).join() !== "text")).toEqual([]);
});

it("answers a browser's preflight and lets the calling origin read the reply (CORS)", async () => {
  const origin = "https://docs.example";
  const preflight = await fetch(`${url}/note`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "GET" } });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
  expect(preflight.headers.get("access-control-allow-methods")).toBe("GET");
  const reply = await fetch(`${url}/note`, { headers: { Origin: origin } });
  expect(reply.headers.get("access-control-allow-origin")).toBe(origin);
});

it("no bundled document carries x-json-schema-faker options (the CLI would apply them; the shared mock server does not)", () => {
  const documents = fs
    .readdirSync(path.join(repoRoot, "generated"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("openapi.json"));
  expect(documents.length).toBeGreaterThan(3);
  const carrying = documents.filter(
    (file) => "x-json-schema-faker" in JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", file), "utf8")),
  );
  expect(carrying).toEqual([]);
});
