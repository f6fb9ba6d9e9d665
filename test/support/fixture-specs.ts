/** The tiny OpenAPI documents of test/fixtures/generator/, parsed afresh for each use (tests edit them). */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { repoRoot } from "../../generator/providers.js";

export type FixtureSpec = Record<string, any>;

export const fixtureSpec = (name: string): FixtureSpec =>
  YAML.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "generator", name), "utf8"));
