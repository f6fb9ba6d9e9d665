/**
 * The brand overlays rewrite smSend's message-type codes in the examples under `paths` only
 * (specs/smsend/brands/*.overlay.yaml: a search of the whole document cost twice the CPU). An
 * example elsewhere that still sends one of smSend's codes is not rewritten, and the brand
 * document's lint stops the build on it, naming the overlay and where in the brand's document it is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyBrandOverlays } from "../../generator/brands.js";
import bundleProvider, { type OpenApiDocument } from "../../generator/bundle.js";
import { LintFailure } from "../../generator/findings.js";
import { providers } from "../../generator/providers.js";

const smsend = providers.find((p) => p.id === "smsend")!;

/** The node at `keys` below `node`. */
function at(node: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((parent, key) => (parent as Record<string, unknown>)[key], node);
}

let bundled: OpenApiDocument;
beforeAll(async () => {
  bundled = await bundleProvider(smsend);
});

describe("smSend's codes in the brand documents' examples", () => {
  it("under paths, are rewritten to the brand's", async () => {
    const brands = await applyBrandOverlays(smsend, bundled);
    const skebby = brands.find((b) => b.id === "skebby")!.document;
    const examples = at(skebby, "paths", "/sms", "post", "requestBody", "content", "application/json", "examples") as Record<
      string,
      { value: { message_type: string } }
    >;
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    expect(Object.values(examples).map((example) => example.value.message_type)).toEqual(Object.values(examples).map(() => "GP"));
  }, 60_000);

  it("elsewhere, stop the build at the brand document's lint", async () => {
    const document = structuredClone(bundled);
    const schema = at(document, "components", "schemas", "SendSmsRequest") as Record<string, unknown>;
    schema.example = { message_type: "N", message: "Hi", recipient: ["+393471234567"] };
    const error = await applyBrandOverlays(smsend, document).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(LintFailure);
    expect((error as LintFailure).message).toMatch(
      /specs\/smsend\/brands\/skebby\.overlay\.yaml:1:1 error redocly\/no-invalid-schema-examples in the skebby document at #\/components\/schemas\/SendSmsRequest\/example/,
    );
  }, 60_000);
});
