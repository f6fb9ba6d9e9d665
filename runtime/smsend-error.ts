/** smSend's HttpError: its replies carry plain text, not an envelope (kept apart so ClickSend's entry does not carry it). */
import { HttpError, type CallContext, type HttpReply } from "./errors.js";

export class SmSendError extends HttpError {
  constructor(context: CallContext, reply: HttpReply, explanation?: string) {
    const detail = typeof reply.body === "string" && reply.body.trim() ? `: ${reply.body.trim()}` : "";
    super(`smSend replied ${reply.status}${explanation ? ` (${explanation})` : ""}${detail}`, context, reply);
    this.name = "SmSendError";
  }
}
