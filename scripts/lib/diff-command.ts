/**
 * What `npm run diff` and `npm run changelog` compare: each provider's bundled document at a git
 * ref (the committed generated/<provider>/openapi.json, which `npm run check` keeps equal to that
 * commit's specs) against the specs as they are now, bundled here. Reading the working tree's
 * generated/ instead would report nothing for a spec edit until the next build.
 */
import bundleProvider from "../../generator/bundle.js";
import type { Provider } from "../../generator/providers.js";
import { documentAt } from "./git.js";
import { diffProvider, type OperationDiff } from "./spec-diff.js";

export async function diffSpecsSince(
  ref: string,
  providers: readonly Provider[],
): Promise<{ provider: string; operations: OperationDiff[] }[]> {
  return Promise.all(
    providers.map(async (p) => ({
      provider: p.id,
      operations: diffProvider(p.id, { document: documentAt(ref, p.id) }, { document: await bundleProvider(p) }),
    })),
  );
}
