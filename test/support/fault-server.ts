/**
 * A loopback HTTP server for fault tests: each test queues what the next requests get (a status,
 * headers, a body, a delay, or a dropped connection) and reads back what arrived. Binds to
 * 127.0.0.1 on a free port and closes every socket when stopped.
 */
import http from "node:http";
import type net from "node:net";

export type Reply =
  | { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number }
  | { reset: true; delayMs?: number };

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface FaultServer {
  url: string;
  received: Received[];
  /** Queue replies for the next requests, in order. */
  queue(...replies: Reply[]): void;
  /** Reply used when the queue is empty. */
  fallback: (request: Received) => Reply;
  /** Forgets queued replies and received requests, and restores the fallback. */
  reset(): void;
  /** Connections currently open. */
  openSockets(): number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const pending: Reply[] = [];
  const sockets = new Set<net.Socket>();
  const state: FaultServer = {
    url: "",
    received: [],
    queue: (...replies) => void pending.push(...replies),
    fallback: () => ({ status: 500, body: "no reply queued" }),
    reset: () => {
      pending.length = 0;
      state.received.length = 0;
      state.fallback = () => ({ status: 500, body: "no reply queued" });
    },
    openSockets: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const received: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: Date.now() };
      state.received.push(received);
      const reply = pending.shift() ?? state.fallback(received);
      setTimeout(() => {
        if ("reset" in reply) {
          req.socket.destroy();
          return;
        }
        const text = typeof reply.body === "string" ? reply.body : reply.body === undefined ? "" : JSON.stringify(reply.body);
        const type = typeof reply.body === "object" ? { "content-type": "application/json" } : {};
        res.writeHead(reply.status, { ...type, ...reply.headers });
        res.end(text);
      }, reply.delayMs ?? 0);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  // Node loads its fetch (undici) on first use, which on a loaded machine can take longer than the
  // short timeouts the tests set; the clients do not touch fetch before their first call. Load it
  // now, so that no test's first call pays for it inside its timeout.
  await fetch(state.url).then((reply) => reply.text());
  state.reset();
  return state;
}

/** A ClickSend-style envelope. */
export function envelope(data: unknown, code = "SUCCESS", http_code = 200) {
  return { http_code, response_code: code, response_msg: code === "SUCCESS" ? "Here you go." : "It failed.", data };
}
