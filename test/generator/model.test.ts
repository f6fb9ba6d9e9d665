/**
 * The operation model (generator/model.ts) on tiny fixture documents: a table of cases, each
 * model held in a file snapshot (openapi-typescript's style), then the rules the model refuses.
 */
import { describe, expect, it } from "vitest";
import buildModel, { OperationError } from "../../generator/model.js";
import { fixtureSpec as fixture, type FixtureSpec as Doc } from "../support/fixture-specs.js";

describe("buildModel", () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      "enveloped: page pagination, text and empty replies, x-idempotent PUT, public operation, shared path parameter",
      { given: "enveloped.yaml", want: "./__snapshots__/model/enveloped.json" },
    ],
    [
      "plain: cursor pagination, text login with its own credentials, header parameter, x-idempotent POST",
      { given: "plain.yaml", want: "./__snapshots__/model/plain.json" },
    ],
  ];
  it.each(cases)("%s", async (_name, { given, want }) => {
    await expect(`${JSON.stringify(buildModel(fixture(given)), null, 2)}\n`).toMatchFileSnapshot(want);
  });
});

describe("buildModel refuses", () => {
  const pagination = (edit: (value: Doc) => void) => (doc: Doc) => edit(doc.paths["/things"].get["x-pagination"]);
  const cases: [string, { given: [string, (doc: Doc) => void]; want: { rule: string; pointer: string; message: string } }][] = [
    [
      "an operation without a 2xx reply",
      {
        given: [
          "plain.yaml",
          (doc) => {
            doc.paths["/login"].get.responses = { "401": { description: "Refused." } };
          },
        ],
        want: {
          rule: "success-reply",
          pointer: "/paths/~1login/get/operationId",
          message: "auth/login: has no 2xx response (the client types its reply from it)",
        },
      },
    ],
    [
      "pagination naming a parameter the operation lacks",
      {
        given: [
          "enveloped.yaml",
          pagination((p) => {
            p.size = "per_page";
          }),
        ],
        want: {
          rule: "x-pagination",
          pointer: "/paths/~1things/get/operationId",
          message: 'things/list: x-pagination names query parameter "per_page", which the operation does not have',
        },
      },
    ],
    [
      "pagination in two styles at once",
      {
        given: [
          "enveloped.yaml",
          pagination((p) => {
            p.offset = "limit";
          }),
        ],
        want: {
          rule: "x-pagination",
          pointer: "/paths/~1things/get/operationId",
          message: "things/list: x-pagination needs exactly one of `page`, `offset` and `cursor`",
        },
      },
    ],
    [
      "a cursor without a next link",
      {
        given: [
          "plain.yaml",
          (doc) => {
            delete doc.paths["/messages"].get["x-pagination"].next;
          },
        ],
        want: {
          rule: "x-pagination",
          pointer: "/paths/~1messages/get/operationId",
          message:
            "messages/list: x-pagination a `cursor` needs `next` (where the next link is) and `fromNext` (the parameters to take from it)",
        },
      },
    ],
    [
      "items that are not a JSON pointer, and an unknown field",
      {
        given: [
          "enveloped.yaml",
          pagination((p) => {
            p.items = "data.data";
            p.pageSize = "limit";
          }),
        ],
        want: {
          rule: "x-pagination",
          pointer: "/paths/~1things/get/operationId",
          message: 'things/list: x-pagination "data.data" is not a JSON pointer; unknown field(s) pageSize',
        },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given: [file, edit], want }) => {
    const doc = fixture(file);
    edit(doc);
    let thrown: unknown;
    try {
      buildModel(doc);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OperationError);
    const { rule, pointer, message } = thrown as OperationError;
    expect({ rule, pointer, message }).toEqual(want);
  });

  it("an operationId that is not namespace/action", () => {
    const doc = fixture("plain.yaml");
    doc.paths["/login"].get.operationId = "login";
    expect(() => buildModel(doc)).toThrow('GET /login: operationId "login" is not namespace/action');
  });
});
