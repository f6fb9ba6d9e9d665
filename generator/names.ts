/**
 * Name check: every operation gets its own method, and no method group hides a client member.
 * operationIds are unique in the spec, but the names they become are camelCased
 * (`sms/send-2` and `sms/send2` are both `sms.send2`), and a namespace named `raw` would replace
 * `client.raw`. Either would silently drop an operation from the client, so both stop the build.
 */
import { camelCase } from "../runtime/bind.js";
import { escapePointer } from "../runtime/pointer.js";
import type { Finding } from "./findings.js";
import type { ApiModel, OperationModel } from "./model.js";
import type { Provider } from "./providers.js";
import { locate } from "./source.js";

/** Members of the client object besides the method groups: `raw`, the provider's extra members,
 * and what every object inherits (a group named `constructor` would be looked up, not created). */
export function reservedMembers(provider: Provider): string[] {
  const extra = provider.extraMembers.map(
    (member) => /^(?:readonly\s+)?([A-Za-z_$][\w$]*)/.exec(member.split("\n").at(-1) ?? "")?.[1] ?? "",
  );
  return ["raw", ...extra.filter(Boolean), ...Object.getOwnPropertyNames(Object.prototype)];
}

function operationIdPointer(op: OperationModel): string {
  return `/paths/${escapePointer(op.path)}/${op.method}/operationId`;
}

export default function checkNames(provider: Provider, model: ApiModel): Finding[] {
  const findings: Finding[] = [];
  const report = (op: OperationModel, rule: string, message: string) =>
    findings.push({ ...locate(provider, operationIdPointer(op)), rule, severity: "error", message, linter: "generator" });

  const reserved = new Set(reservedMembers(provider));
  const methods = new Map<string, OperationModel>();
  for (const op of model.operations) {
    const group = camelCase(op.namespace);
    const name = `${group}.${camelCase(op.action)}`;
    if (reserved.has(group)) {
      report(
        op,
        "namespace-collision",
        `operationId ${op.operationId}: namespace ${op.namespace} becomes client.${group}, which is already a member of ${provider.clientType}`,
      );
    }
    const earlier = methods.get(name);
    if (earlier) {
      report(
        op,
        "method-name-collision",
        `operationId ${op.operationId} becomes client.${name}, like ${earlier.operationId}: one of them would be unreachable`,
      );
    } else {
      methods.set(name, op);
    }
  }
  return findings;
}
