/** ClickSend's part of the public runtime surface (re-exported by generated/clicksend/index.ts). */
export { ClickSendError } from "./clicksend-error.js";
export type { ClickSendOptions } from "./clicksend-base.js";
export { refusedRecipients } from "./clicksend.js";
