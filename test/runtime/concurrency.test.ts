/**
 * Hundreds of calls at once through one client, with a mix of fast, slow (timed out), failing
 * and dropped replies: every call settles with the right outcome, and no socket stays open.
 */
import { describe, expect, it } from "vitest";
import { ClickSendError, NetworkError, TimeoutError, createClickSendClient } from "../../generated/clicksend/index.js";
import { envelope, useFaultServer, type Reply } from "../support/fault-server.js";

const CALLS = 400;
// Not reset between tests: the second checks the sockets the first one's calls left.
const server = useFaultServer("file", { reset: false });

describe("concurrency", () => {
  it(`settles ${CALLS} parallel calls, each with its own outcome`, async () => {
    // The reply is chosen by the subaccount id in the URL, so each call's outcome is known.
    const kinds = ["ok", "slow", "error", "reset"] as const;
    // `Connection: close`, so that a socket still open afterwards can only be one the client kept.
    const headers = { connection: "close" };
    server.fallback = (request): Reply => {
      const id = Number(request.url.split("/")[2]);
      const kind = kinds[id % kinds.length];
      // Never answered: its own short timeout fires however loaded the machine is.
      if (kind === "slow") return { hold: true };
      if (kind === "error") return { status: 404, body: envelope([], "NOT_FOUND", 404), headers };
      if (kind === "reset") return { reset: true };
      return { status: 200, body: envelope({ subaccount_id: id }), headers, delayMs: id % 7 };
    };
    // The client's timeout is far above what 400 parallel loopback calls can take even on a loaded
    // machine; only the never-answered calls get a short one of their own.
    const cs = createClickSendClient({ username: "u", apiKey: "k-123456", baseUrl: server.url, timeoutMs: 60_000, retry: false });
    const options = (id: number) => (kinds[id % kinds.length] === "slow" ? { timeoutMs: 200 } : undefined);
    const outcomes = await Promise.allSettled(
      Array.from({ length: CALLS }, (_, id) => cs.subaccounts.get({ subaccount_id: id }, options(id))),
    );

    outcomes.forEach((outcome, id) => {
      const kind = kinds[id % kinds.length]!;
      if (kind === "ok") {
        expect(outcome.status, String((outcome as PromiseRejectedResult).reason)).toBe("fulfilled");
        expect((outcome as PromiseFulfilledResult<{ data: { subaccount_id: number } }>).value.data.subaccount_id).toBe(id);
      } else {
        expect(outcome.status).toBe("rejected");
        const reason = (outcome as PromiseRejectedResult).reason;
        const expected = { slow: TimeoutError, error: ClickSendError, reset: NetworkError }[kind as Exclude<typeof kind, "ok">];
        expect(reason).toBeInstanceOf(expected);
      }
    });
    // A held request times out on the client's side, arrived or not; every other one arrived.
    expect(server.received.length).toBeGreaterThanOrEqual(CALLS * 0.75);
  });

  it("leaves no connection open once every call has settled", async () => {
    // Every connection that carried a request must close: one whose call timed out without the
    // client aborting its request would stay open as long as the server holds it (for ever). The
    // wait ends on the last one's `close` event; the bound only turns such a leak into a clear
    // failure instead of the test's timeout. (Connections Node's fetch opened and never used
    // close on its own idle timer, seconds later: they carry nothing to leak.)
    let bound: NodeJS.Timeout | undefined;
    const leaked = new Promise<"open">((resolve) => (bound = setTimeout(() => resolve("open"), 10_000)));
    const outcome = await Promise.race([server.usedSocketsClosed().then(() => "closed" as const), leaked]);
    clearTimeout(bound);
    expect(outcome, `${server.openSockets()} connection(s) still open`).toBe("closed");
  });
});
