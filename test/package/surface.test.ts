/**
 * The public runtime surface: each entry point users import (the generated clients' index
 * modules and the package's `./runtime`) exports the public runtime (runtime/public.ts) plus its
 * own provider's part, and none of the internals generated code runs on (runtime/internal.ts) nor
 * the other provider's part. Lists are read from the modules themselves, so a new internal is
 * covered without editing this test.
 */
import { describe, expect, it } from "vitest";
import * as clickSendEntry from "../../generated/clicksend/index.js";
import * as smSendEntry from "../../generated/smsend/index.js";
import * as clickSendPublic from "../../runtime/clicksend-public.js";
import * as runtimeEntry from "../../runtime/index.js";
import * as internal from "../../runtime/internal.js";
import * as publicRuntime from "../../runtime/public.js";
import * as smSendPublic from "../../runtime/smsend-public.js";

const names = (module: object) => Object.keys(module).sort();
/** The internals: what internal.ts adds to the public surface, and, should a public module leak one, those named here. */
const KNOWN_INTERNALS = [
  "basicAuthorization",
  "bindOperations",
  "brandBaseUrl",
  "camelCase",
  "createClickSendBase",
  "createClickSendRuntime",
  "createSmSendRuntime",
  "expand",
  "expandOperations",
  "logIn",
  "loginSecrets",
  "parseLoginReply",
  "splitInput",
];
const internalOnly = [...new Set([...names(internal).filter((name) => !(name in runtimeEntry)), ...KNOWN_INTERNALS])];

it("has internals to keep out, each really exported by runtime/internal.ts", () => {
  expect(names(internal)).toEqual(expect.arrayContaining(KNOWN_INTERNALS));
  expect(names(clickSendPublic)).toEqual(["ClickSendError", "refusedRecipients"]);
  expect(names(smSendPublic)).toEqual(["SmSendError"]);
});

describe.each([
  [
    "clicksend",
    clickSendEntry,
    clickSendPublic,
    smSendPublic,
    /sm-?send/i,
    ["createClickSendClient", "DEFAULT_BASE_URL", "operationTable"],
  ],
  [
    "smsend",
    smSendEntry,
    smSendPublic,
    clickSendPublic,
    /click-?send/i,
    ["createSmSendClient", "DEFAULT_BASE_URL", "operationTable", "brands"],
  ],
] as const)("generated/%s/index.ts", (_id, entry, own, other, otherName, client) => {
  const exported = names(entry);

  it("exports the public runtime, its own provider's part and its client", () => {
    expect(exported).toEqual(expect.arrayContaining([...names(publicRuntime), ...names(own), ...client]));
  });

  it("exports no runtime internal", () => {
    expect(exported.filter((name) => internalOnly.includes(name))).toEqual([]);
  });

  it("exports nothing of the other provider", () => {
    expect(exported.filter((name) => name in other || otherName.test(name))).toEqual([]);
  });
});

it("the package's ./runtime entry exports the public surface of both providers and no internal", () => {
  expect(names(runtimeEntry)).toEqual([...new Set([...names(publicRuntime), ...names(clickSendPublic), ...names(smSendPublic)])].sort());
  expect(names(runtimeEntry).filter((name) => internalOnly.includes(name))).toEqual([]);
});
