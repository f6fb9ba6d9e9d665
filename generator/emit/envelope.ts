/** generated/clicksend/envelope.ts: the envelope type and each operation's `data` type. */
import type { Project, SourceFile } from "ts-morph";
import { newFile } from "./shared.js";

export default function emitEnvelope(project: Project): SourceFile {
  const file = newFile(project, "envelope.ts");
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["components"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./client.js", namedImports: ["OperationId", "Replies"] });
  file.addTypeAlias({
    isExported: true,
    name: "Envelope",
    typeParameters: ["TData = unknown"],
    docs: ["The wrapper of every ClickSend JSON reply, with `data` narrowed to `TData`."],
    type: `Omit<components["schemas"]["Envelope"], "data"> & { data: TData }`,
  });
  file.addTypeAlias({
    isExported: true,
    name: "ReplyData",
    typeParameters: ["K extends OperationId"],
    docs: ['The `data` inside an operation\'s envelope, e.g. `ReplyData<"sms/send">`.'],
    type: `Replies[K] extends { data: infer D } ? D : never`,
  });
  return file;
}
