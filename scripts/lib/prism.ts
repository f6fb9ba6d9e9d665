/**
 * Prism mock servers inside this process, each configured as `prism mock --errors
 * --json-schema-faker-fillProperties=false <document>` configures its own (prism-cli 5.14.2,
 * createPrismServerWithLogger in dist/util/createServer.js): requests and replies validated, a
 * request the spec does not allow answered with an error, examples unless a request asks for a
 * random reply (`Prefer: dynamic=true`), CORS on. One process serves any number of documents, so
 * Prism's modules (about 1.5 s of CPU) load once rather than once per CLI process. The one place
 * mocks are started: the tests' global setup, `npm run mock` and `npm run dev`.
 */
import { configureExtensionsUserProvided } from "@stoplight/prism-cli/dist/extensions.js";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

export interface Mock {
  /** The base URL to point a client at, `http://127.0.0.1:<port>`. */
  url: string;
  close(): Promise<void>;
}

export interface MockOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  /** Receives Prism's log, a line per event (requests, violations); without it Prism logs nothing. */
  log?: (line: string) => void;
}

/** Starts a mock of `document` (a bundled OpenAPI file) and resolves once it listens. */
export async function startPrism(document: string, options: MockOptions = {}): Promise<Mock> {
  const operations = await getHttpOperationsFromSpec(document);
  if (operations.length === 0) throw new Error(`${document}: no operations to mock`);
  // --json-schema-faker-fillProperties=false: without it dynamic replies get random extra properties.
  // json-schema-faker's options are global to the process, shared by every mock in it (as is the
  // random source a request's `Prefer: seed=…` sets), so a document's own `x-json-schema-faker`
  // options, which the CLI would apply, are not read (our documents have none:
  // test/contract/prism-settings.test.ts).
  await configureExtensionsUserProvided({}, { fillProperties: false });
  const { log } = options;
  const logger = createLogger("CLI", { level: log ? "info" : "silent" }, { write: (line: string) => log?.(readable(line)) });
  const server = createServer(operations, {
    cors: true,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: true,
      upstreamProxy: undefined,
      isProxy: false,
      // The CLI passes seed null (no --seed): unseeded, as here.
      mock: { dynamic: false, ignoreExamples: false },
    },
    components: { logger: logger.child({ name: "HTTP SERVER" }) },
  });
  const url = await server.listen(options.port ?? 0, "127.0.0.1");
  return { url, close: () => server.close() };
}

/** One of Prism's JSON log lines as the CLI shows it: `[VALIDATOR] POST /sms/send Violation: …`. */
function readable(line: string): string {
  const { name, input, msg } = JSON.parse(line) as { name: string; input?: { method: string; url: { path: string } }; msg: string };
  return `[${name}]${input ? ` ${input.method.toUpperCase()} ${input.url.path}` : ""} ${msg}`;
}
