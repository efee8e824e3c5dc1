/**
 * The example network as test input: its text, a way to derive a broken variant with one
 * edit (through the YAML document, so line numbers stay meaningful), and issue lookups.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { type Document, parseDocument } from "yaml";
import { type ConfigIssue, type NetworkConfig, parseConfigText } from "../../../config/index.ts";

export const EXAMPLE_PATH = fileURLToPath(new URL("../../../config/network.example.yaml", import.meta.url));
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, "utf8");
export const FILE_NAME = "network.yaml";

/** The example's text after `edit` is applied to its YAML document. */
export function editedExample(edit: (doc: Document) => unknown): string {
  const doc = parseDocument(EXAMPLE_TEXT);
  edit(doc);
  return doc.toString();
}

/** The loaded example; fails the test if it does not load. */
export function loadExample(): NetworkConfig {
  const result = parseConfigText(EXAMPLE_TEXT, FILE_NAME);
  if (!result.ok) throw new Error(`example does not load: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

/** The issues for `text`; fails the test if it loads. */
export function issuesOf(text: string): ConfigIssue[] {
  const result = parseConfigText(text, FILE_NAME);
  expect(result.ok, "expected the config to be rejected").toBe(false);
  return result.ok ? [] : result.error;
}

/** The one issue at `path`; fails with the full list when there is none. */
export function issueAt(issues: readonly ConfigIssue[], path: string): ConfigIssue {
  const found = issues.find((issue) => issue.path === path);
  expect(found, `no issue at ${path}; issues: ${JSON.stringify(issues, null, 2)}`).toBeDefined();
  return found!;
}

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineContaining(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  expect(index, `no line contains ${needle}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}
