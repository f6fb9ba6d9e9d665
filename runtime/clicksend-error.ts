/** ClickSend's HttpError: the status plus what its envelope says (kept apart so smSend's entry does not carry it). */
import { HttpError, type CallContext, type HttpReply } from "./errors.js";

export class ClickSendError extends HttpError {
  /** The envelope's machine-readable outcome, e.g. `INSUFFICIENT_CREDIT`; undefined without an envelope. */
  declare readonly responseCode: string | undefined;
  /** The envelope's human-readable message. */
  declare readonly responseMsg: string | undefined;

  constructor(context: CallContext, reply: HttpReply) {
    const envelope = readEnvelope(reply.body);
    const what = envelope ? `${envelope.response_code}: ${envelope.response_msg}` : `HTTP ${reply.status}`;
    super(`ClickSend replied ${reply.status} ${what}`, context, reply);
    this.name = "ClickSendError";
    this.responseCode = envelope?.response_code;
    this.responseMsg = envelope?.response_msg;
  }

  override toJSON(): Record<string, unknown> {
    // responseMsg is in the body already; not repeated.
    const { responseMsg: _, ...json } = super.toJSON();
    return json;
  }
}

function readEnvelope(body: unknown): { response_code: string; response_msg: string } | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const { response_code, response_msg } = body as Record<string, unknown>;
  return typeof response_code === "string" ? { response_code, response_msg: String(response_msg ?? "") } : undefined;
}
