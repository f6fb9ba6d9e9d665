/**
 * The brand documents of smSend's REST v1.0 family (generated/smsend/<brand>.openapi.json, made
 * from specs/smsend/brands/*.overlay.yaml) and the brand table the client reads: each brand's
 * send bodies take its own codes and refuse smSend's (and smSend's refuse the brand's), every
 * fact carries its evidence, and the rest of the API is smSend's unchanged.
 */
import { describe, expect, it } from "vitest";
import { brands } from "../../generated/smsend/brands.js";
import { brandBaseUrl } from "../../runtime/brands.js";
import { loadSpec } from "../support/openapi.js";

type Json = Record<string, unknown>;
const smsend = loadSpec("smsend");
const sendBody = "/paths/~1sms/post/requestBody/content/application~1json/schema";
const body = (code: string) => ({ message_type: code, message: "Hi", recipient: ["+393471234567"] });
const ids = Object.keys(brands).filter((id) => id !== "smsend");

it("has a profile for every brand with pinned evidence for its host", () => {
  expect(ids.sort()).toEqual(["aruba", "messaggissima", "mobyt", "skebby", "smsenvoi", "textanywhere", "trendoo", "vodafone"]);
  expect(Object.keys(brands)[0]).toBe("smsend");
  expect(brandBaseUrl(brands, undefined)).toBe("https://app.gateway.smsend.it/API/v1.0/REST");
  expect(brandBaseUrl(brands, "skebby")).toBe("https://api.skebby.it/API/v1.0/REST");
  expect(() => brandBaseUrl(brands, "acme")).toThrow(/unknown brand "acme"/);
});

describe.each(ids)("brand %s", (id) => {
  const spec = loadSpec("smsend", id);
  const profile = brands[id as keyof typeof brands];
  const info = spec.document.info as Json;
  const codes = Object.keys(profile.messageTypes);

  it("its table entry is read from its document", () => {
    expect(spec.document.servers?.[0]?.url).toBe(profile.baseUrl);
    expect((info["x-brand"] as Json).id).toBe(id);
    expect(((spec.document.components as Json).schemas as Json).MessageType).toMatchObject({ enum: codes });
  });

  it("every fact names its evidence, says whether it is verified, and is shown on the docs page", () => {
    const evidence = (info["x-brand"] as Json).evidence as Json[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const fact of evidence) {
      expect(fact.status).toMatch(/^(verified|unverified)$/);
      expect(String(fact.source).length).toBeGreaterThan(10);
      // and the docs page shows it (extensions are not rendered)
      expect(String(info.description)).toContain(`- **${String(fact.fact)}**, ${String(fact.status)}: ${String(fact.source)}`);
    }
    expect(evidence.some((fact) => fact.status === "verified" && String(fact.fact).includes("host"))).toBe(true);
  });

  it("a send takes the brand's codes and refuses smSend's others", () => {
    const validate = spec.validator(sendBody);
    for (const code of codes) expect(validate(body(code)), `${id} ${code}`).toBe(true);
    for (const code of ["N", "L", "LL"].filter((c) => !codes.includes(c)))
      expect(validate(body(code)), `${id} refuses ${code}`).toBe(false);
    expect(validate(body("XX"))).toBe(false);
  });

  it("smSend's own document refuses the brand's codes", () => {
    const validate = smsend.validator(sendBody);
    for (const code of codes.filter((c) => !["N", "L", "LL"].includes(c)))
      expect(validate(body(code)), `smSend refuses ${code}`).toBe(false);
  });

  it("keeps every operation of smSend's document", () => {
    expect(spec.model.operations.map((o) => o.operationId)).toEqual(smsend.model.operations.map((o) => o.operationId));
  });
});
