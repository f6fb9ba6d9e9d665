/**
 * Child process of benchmark 3: one loopback HTTP server replying a fixed ClickSend envelope to
 * POST /v3/sms/send, and 404 to anything else (so a client aiming at the wrong path fails the
 * benchmark instead of timing an error). It runs in its own process so that its work does not
 * share the event loop with the clients being measured. Prints its port, then serves until its
 * stdin closes (the parent exits or ends it).
 * Usage: node --import tsx scripts/bench/loopback-server.ts
 */
import http from "node:http";

const REPLY = JSON.stringify({
  http_code: 200,
  response_code: "SUCCESS",
  response_msg: "Messages queued for delivery.",
  data: {
    total_price: 0.077,
    total_count: 1,
    queued_count: 1,
    messages: [
      {
        direction: "out",
        date: 1736496000,
        to: "+61411111111",
        body: "Hi",
        from: "+61411111112",
        schedule: 0,
        message_id: "BF7AD270-0DE2-418B-B606-71D527D9C1AE",
        message_parts: 1,
        message_price: "0.0770",
        from_email: null,
        list_id: null,
        custom_string: "",
        contact_id: null,
        user_id: 1,
        subaccount_id: 1,
        country: "AU",
        carrier: "Telstra",
        status: "SUCCESS",
      },
    ],
    _currency: { currency_name_short: "AUD", currency_prefix_d: "$", currency_prefix_c: "¢", currency_name_long: "Australian Dollars" },
  },
});

const server = http.createServer((request, response) => {
  // Read the whole body, as a real server would, before replying.
  request.resume();
  request.on("end", () => {
    const ok = request.method === "POST" && request.url === "/v3/sms/send" && request.headers.authorization?.startsWith("Basic ");
    response.writeHead(ok ? 200 : 404, { "content-type": "application/json", "content-length": Buffer.byteLength(ok ? REPLY : "{}") });
    response.end(ok ? REPLY : "{}");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(typeof address === "object" && address ? address.port : "");
});
process.stdin.resume();
process.stdin.on("close", () => process.exit(0));
