/**
 * The one loopback HTTP server the runtime tests misbehave with. Each test queues what the next
 * requests get (a status, headers, a body, a delay, a dropped connection, a reply held until the
 * test releases it, an endless or trickling body) and reads back what arrived. Binds to 127.0.0.1
 * on a free port and closes every socket when stopped. Two servers are two origins (ports differ),
 * which is what the redirect tests need.
 *
 * Time-based tests use `hold` (the server says nothing until released) rather than short delays:
 * a delay races the client's timer and loses on a loaded machine; a held reply never arrives, so
 * the client's timeout fires however slow the machine is. A request the client gave up on (a
 * timeout, an abort) may still arrive much later on a loaded machine and take a reply queued for
 * the next test: tests that give up on requests start a server per test (or per property run),
 * so that such a request finds the old port closed.
 *
 * Over 150 lines on purpose: the reply kinds, the server that plays them and the vitest hooks
 * (`useFaultServer`) are one helper that every runtime test file shares; split, each part would
 * be read only beside the others.
 */
import http from "node:http";
import type net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export type Reply =
  | { status: number; body?: string | object | Uint8Array; headers?: Record<string, string>; delayMs?: number }
  /** Drops the connection without a reply. */
  | { reset: true; delayMs?: number }
  /** Sends nothing until `release()` (or the end of the test), then drops the connection or sends `then`. */
  | { hold: true; then?: Exclude<Reply, { hold: true }> }
  /** Sends headers, then `chunk` every `everyMs` (0: as fast as the client reads) until the client goes away. */
  | { status: number; stream: { chunk: string; everyMs: number }; headers?: Record<string, string> };

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
  /** Resolves once `count` requests in all have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Answers every held request (with its `then`, or by dropping the connection). */
  release(): void;
  /** Streamed replies whose client went away before the stream ended (it never ends on its own). */
  streamsCut(): number;
  /** Forgets queued replies and received requests, releases held ones, and restores the fallback. */
  reset(): void;
  /** Connections currently open. */
  openSockets(): number;
  /**
   * Resolves once every connection that carried a request is closed, on the last one's `close`
   * event. Connections that never carried one do not count: Node's fetch opens some for calls
   * aborted before they were sent and closes them on its own idle timer, seconds later.
   */
  usedSocketsClosed(): Promise<void>;
  close(): Promise<void>;
}

const defaultFallback = (): Reply => ({ status: 500, body: "no reply queued" });

export async function startFaultServer(): Promise<FaultServer> {
  const pending: Reply[] = [];
  const sockets = new Set<net.Socket>();
  const used = new Set<net.Socket>();
  const usedClosedWaiters: (() => void)[] = [];
  const held = new Map<net.Socket, () => void>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let cut = 0;
  const release = () => {
    const answers = [...held.values()];
    held.clear();
    for (const answerHeld of answers) answerHeld();
  };
  const state: FaultServer = {
    url: "",
    received: [],
    queue: (...replies) => void pending.push(...replies),
    fallback: defaultFallback,
    waitForRequests: (count) =>
      state.received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    release,
    streamsCut: () => cut,
    reset: () => {
      release();
      pending.length = 0;
      state.received.length = 0;
      cut = 0;
      state.fallback = defaultFallback;
    },
    openSockets: () => sockets.size,
    usedSocketsClosed: () => (used.size === 0 ? Promise.resolve() : new Promise((resolve) => usedClosedWaiters.push(resolve))),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    if (!req.socket.destroyed) used.add(req.socket);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      state.received.push(received);
      for (const waiter of waiters.filter((w) => state.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const reply = pending.shift() ?? state.fallback(received);
      if ("hold" in reply) return void held.set(req.socket, () => (reply.then ? answer(reply.then, req, res) : req.socket.destroy()));
      setTimeout(() => answer(reply, req, res), "delayMs" in reply ? (reply.delayMs ?? 0) : 0);
    });
  });
  const answer = (reply: Exclude<Reply, { hold: true }>, req: http.IncomingMessage, res: http.ServerResponse) => {
    if ("reset" in reply) return void req.socket.destroy();
    if ("stream" in reply) {
      res.writeHead(reply.status, reply.headers);
      const { chunk, everyMs } = reply.stream;
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        if (res.destroyed) return;
        if (everyMs > 0) timer = setTimeout(() => (res.write(chunk), next()), everyMs);
        else if (res.write(chunk)) setImmediate(next);
        else res.once("drain", next);
      };
      res.on("close", () => {
        clearTimeout(timer);
        cut++;
      });
      return next();
    }
    const body =
      reply.body instanceof Uint8Array
        ? reply.body
        : typeof reply.body === "string"
          ? reply.body
          : reply.body === undefined
            ? ""
            : JSON.stringify(reply.body);
    const type = typeof reply.body === "object" && !(reply.body instanceof Uint8Array) ? { "content-type": "application/json" } : {};
    res.writeHead(reply.status, { ...type, ...reply.headers });
    res.end(body);
  };
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      if (used.delete(socket) && used.size === 0) for (const resolve of usedClosedWaiters.splice(0)) resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  // Node loads its fetch (undici) on first use, which on a loaded machine can take longer than the
  // short timeouts the tests set; the clients do not touch fetch before their first call. Load it
  // now, so that no test's first call pays for it inside its timeout. Its connection closes after
  // the reply rather than idling for seconds beside the tests' own.
  state.queue({ status: 204, headers: { connection: "close" } });
  await fetch(state.url).then((reply) => reply.text());
  state.reset();
  return state;
}

/**
 * The hooks of a test file's server, registered once: `"file"` starts one server for the file and
 * resets it after each test (unless `reset: false`, for a test that checks what the one before
 * left); `"test"` starts a fresh one (a new port) before each test and closes it after, for tests
 * that give up on requests (see the header). The returned object always stands for the server of
 * the running test: it forwards to whichever one the hooks started last, so a file can use it at
 * module level without a `let` and hooks of its own.
 */
export function useFaultServer(lifetime: "file" | "test" = "file", { reset = true } = {}): FaultServer {
  let current: FaultServer | undefined;
  const start = async () => void (current = await startFaultServer());
  const stop = () => current?.close();
  if (lifetime === "file") {
    beforeAll(start);
    afterAll(stop);
    if (reset) afterEach(() => current?.reset());
  } else {
    beforeEach(start);
    afterEach(stop);
  }
  const server = () => {
    if (!current) throw new Error("the fault server is used outside a test");
    return current;
  };
  return new Proxy({} as FaultServer, {
    get: (_, key) => Reflect.get(server(), key),
    set: (_, key, value) => Reflect.set(server(), key, value),
  });
}

/** A ClickSend-style envelope. */
export function envelope(data: unknown, code = "SUCCESS", http_code = 200) {
  return { http_code, response_code: code, response_msg: code === "SUCCESS" ? "Here you go." : "It failed.", data };
}
