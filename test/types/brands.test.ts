/**
 * The brand-generic smSend client, at compile time: `createSmSendClient({ brand })` types every
 * `message_type` (and a purchase's `message-type`) with that brand's codes, smSend's stay the
 * default, and an unknown brand does not compile. Compiled in memory against the generated
 * client (test/support/type-check.ts, which keeps the result while nothing it read changed); each
 * `@ts-expect-error` must be needed (an unused one is itself an error).
 */
import path from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import typeCheck from "../support/type-check.js";

const file = path.join(repoRoot, "test", "types", "brands.usage.ts");
const source = `
import { createSmSendClient, type BrandMessageType, type Input } from "../../generated/smsend/index.js";
declare const keys: { userKey: string; accessToken: string };
const recipient = ["+393471234567"];

export async function skebby() {
  const sk = await createSmSendClient({ ...keys, brand: "skebby" });
  await sk.sms.send({ body: { message_type: "GP", message: "Hi", recipient } });
  await sk.sms.sendToGroups({ body: { message_type: "TI", message: "Hi", recipient: ["Staff"] } });
  await sk.sms.sendParametric({ body: { message_type: "SI", message: "Hi {name}", recipients: { a: { recipient: "+393471234567", name: "Anna" } } } });
  await sk.subaccounts.createPurchase({ subaccount_id: "1", body: { purchases: [{ price: 5, "message-types": [{ "message-type": "GP", "unit-price": 0.1 }] }] } });
  // @ts-expect-error smSend's N is not a Skebby code
  await sk.sms.send({ body: { message_type: "N", message: "Hi", recipient } });
  // @ts-expect-error an unknown code
  await sk.sms.send({ body: { message_type: "XX", message: "Hi", recipient } });
  // @ts-expect-error smSend's LL in a purchase
  await sk.subaccounts.createPurchase({ subaccount_id: "1", body: { purchases: [{ price: 5, "message-types": [{ "message-type": "LL", "unit-price": 0.1 }] }] } });
  // @ts-expect-error the rest of the body is still checked: a misspelt field
  await sk.sms.send({ body: { message_type: "GP", message: "Hi", recipient, shedule: "x" } });
}

export async function smsendByDefault() {
  const sm = await createSmSendClient(keys);
  await sm.sms.send({ body: { message_type: "N", message: "Hi", recipient } });
  // @ts-expect-error GP is Skebby's, not smSend's
  await sm.sms.send({ body: { message_type: "GP", message: "Hi", recipient } });
}

export async function otherBrands() {
  const aruba = await createSmSendClient({ ...keys, brand: "aruba" });
  await aruba.sms.send({ body: { message_type: "L", message: "Hi", recipient } });
  // @ts-expect-error no LL seen for Aruba
  await aruba.sms.send({ body: { message_type: "LL", message: "Hi", recipient } });
  const envoi = await createSmSendClient({ username: "u", password: "p", brand: "smsenvoi" });
  await envoi.sms.send({ body: { message_type: "PRM", message: "Hi", recipient } });
}

export const codes: BrandMessageType<"trendoo">[] = ["GP", "GS", "SI"];
// @ts-expect-error Input of a brand takes its codes
export const wrong: Input<"sms/send", "vodafone">["body"]["message_type"] = "N";

// @ts-expect-error not a brand of the table
export const unknown = createSmSendClient({ ...keys, brand: "acme" });
`;

it("types message_type with the brand's codes, and refuses the others", () => {
  const problems = typeCheck("brands", { roots: [file], virtual: new Map([[file, source]]) });
  expect(problems.map((p) => `line ${p.line}: ${p.message}`)).toEqual([]);
});
