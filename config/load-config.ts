/**
 * Reads a network config: YAML text → schema → references → the loaded `NetworkConfig`.
 * Every failure (unreadable file, YAML syntax, empty file, wrong shape, dangling reference)
 * comes back as a list of issues with file, key path and line; nothing here throws on bad input.
 */
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { type Result, ok, err } from "../lib/result.ts";
import { type ConfigIssue, DOCUMENT_PATH } from "./config-issue.ts";
import { describeFound, describeSchemaIssue } from "./describe-schema-issue.ts";
import { locateYamlPath } from "./locate-yaml-path.ts";
import type { NetworkConfig } from "./network-config.ts";
import { resolveConfig } from "./resolve-config.ts";
import { networkConfigSchema } from "./schema.ts";
import { type ReferenceIssue, formatPath, validateReferences } from "./validate-references.ts";

/** Options for {@link loadConfigFile}. */
export interface LoadConfigOptions {
  /**
   * Where the config's `{ file }` secrets live. Loading never reads secrets (the devnet
   * creates them after loading the config); `checkConfig` and `readSecret` do.
   */
  readonly secretsDir?: string;
}

// Anchors and aliases are handy for organisers, but a few nested aliases can expand to
// gigabytes ("billion laughs"); a config file needs few.
const MAX_ALIAS_COUNT = 200;

/** Parses and validates config text; `fileName` only labels the issues. */
export function parseConfigText(text: string, fileName: string): Result<NetworkConfig, ConfigIssue[]> {
  const whole = (message: string, line?: number): ConfigIssue => ({
    file: fileName,
    path: DOCUMENT_PATH,
    ...(line !== undefined && { line }),
    message,
  });
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((error) => {
        const line = error.linePos?.[0].line;
        // yaml's pretty messages end with the position and a source excerpt; the issue has the line.
        const first = (error.message.split("\n")[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, "");
        const message = `YAML syntax error: ${first}`;
        return whole(message, line);
      }),
    );
  }
  if (doc.contents === null) {
    return err([
      whole(
        "the file is empty: expected a mapping with network, regions, rooms, people, roles, bots, digest and routing",
      ),
    ]);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause: unknown) {
    return err([whole(`cannot read the YAML: ${cause instanceof Error ? cause.message : String(cause)}`)]);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return err([whole(`expected a mapping at the top of the file, found ${describeFound(data)}`, 1)]);
  }

  const toIssue = (issue: ReferenceIssue): ConfigIssue => {
    const line = locateYamlPath(doc, lines, issue.path);
    return {
      file: fileName,
      path: issue.path.length === 0 ? DOCUMENT_PATH : formatPath(issue.path),
      ...(line !== undefined && { line }),
      message: issue.message,
    };
  };

  const parsed = networkConfigSchema.safeParse(data);
  if (!parsed.success) {
    return err(
      sortByLine(parsed.error.issues.flatMap((issue) => describeSchemaIssue(issue, data)).map(toIssue)),
    );
  }
  const referenceIssues = validateReferences(parsed.data);
  if (referenceIssues.length > 0) return err(sortByLine(referenceIssues.map(toIssue)));
  return ok(resolveConfig(parsed.data));
}

/** Reads and validates a config file. */
export async function loadConfigFile(
  path: string,
  _options: LoadConfigOptions = {},
): Promise<Result<NetworkConfig, ConfigIssue[]>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause: unknown) {
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : String(cause);
    const why = code === "ENOENT" ? "the file does not exist" : `cannot read the file (${code})`;
    return err([{ file: path, path: DOCUMENT_PATH, message: why }]);
  }
  return parseConfigText(text, path);
}

/** Stable sort by line, issues without a line last, so the report reads top to bottom. */
function sortByLine(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.index - b.index)
    .map(({ issue }) => issue);
}
