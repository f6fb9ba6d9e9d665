/** smSend's part of the public runtime surface (re-exported by generated/smsend/index.ts). */
export { SmSendError } from "./smsend-error.js";
export type { SmSendKeys, SmSendLoginOptions, SmSendOptions, SmSendSessionOptions, SmSendTokenOptions } from "./smsend.js";
export type { LoginCredentials, Rebrand } from "./brands.js";
