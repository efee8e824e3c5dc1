/**
 * Turns zod's issues into messages for a person editing YAML: the key path of the offending
 * key (one issue per unknown key), "missing required key" rather than "received undefined",
 * and the value actually found. Secret references produce their own messages, so no secret
 * value is ever quoted here.
 */
import type { z } from "zod";
import type { KeyPath, ReferenceIssue } from "./validate-references.ts";

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  record: "a mapping",
};

/** A short description of a YAML value, for "found …". */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

function valueAt(root: unknown, path: KeyPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function toKeyPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
}

function describeBound(
  issue: { origin: string; inclusive?: boolean },
  bound: number | bigint,
  side: "least" | "most",
): string {
  const exclusive = issue.inclusive === false;
  if (issue.origin === "array") return `at ${side} ${String(bound)} ${bound === 1 ? "entry" : "entries"}`;
  if (issue.origin === "string") return `at ${side} ${String(bound)} character(s)`;
  return exclusive
    ? `${side === "least" ? "more" : "less"} than ${String(bound)}`
    : `at ${side} ${String(bound)}`;
}

/**
 * Converts one zod issue (paths relative to `base`) into reference-style issues with full
 * key paths. `root` is the parsed YAML, used to quote what was found.
 */
export function describeSchemaIssue(issue: ZodIssue, root: unknown, base: KeyPath = []): ReferenceIssue[] {
  const path = [...base, ...toKeyPath(issue.path)];
  const found = valueAt(root, path);
  const lastKey = path.at(-1);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key "${key}"` }));
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (found === undefined && typeof lastKey === "string") {
        return [{ path, message: `missing required key "${lastKey}" (expected ${expected})` }];
      }
      return [{ path, message: `expected ${expected}, found ${describeFound(found)}` }];
    }
    case "invalid_value": {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(", ");
      const expected = issue.values.length === 1 ? allowed : `one of ${allowed}`;
      if (found === undefined && typeof lastKey === "string") {
        return [{ path, message: `missing required key "${lastKey}" (expected ${expected})` }];
      }
      return [{ path, message: `expected ${expected}, found ${describeFound(found)}` }];
    }
    case "invalid_union":
      return describeUnionIssue(issue, root, path, found);
    case "too_small":
      return [
        {
          path,
          message: `expected ${describeBound(issue, issue.minimum, "least")}, found ${describeFound(found)}`,
        },
      ];
    case "too_big":
      return [
        {
          path,
          message: `expected ${describeBound(issue, issue.maximum, "most")}, found ${describeFound(found)}`,
        },
      ];
    case "invalid_key":
      // The inner issue is about the key's text, which its message already quotes.
      return issue.issues.flatMap((inner) => describeSchemaIssue(inner, root, path));
    case "invalid_element":
      return issue.issues.flatMap((inner) => describeSchemaIssue(inner, root, path));
    case "invalid_format":
    case "not_multiple_of":
    case "custom":
      return [{ path, message: issue.message }];
  }
}

function describeUnionIssue(
  issue: z.core.$ZodIssueInvalidUnion,
  root: unknown,
  path: KeyPath,
  found: unknown,
): ReferenceIssue[] {
  if (issue.discriminator !== undefined && issue.inclusive !== false && issue.options !== undefined) {
    const allowed = issue.options.map((option) => JSON.stringify(option)).join(", ");
    if (found === undefined) {
      return [
        { path, message: `missing required key "${issue.discriminator}" (expected one of ${allowed})` },
      ];
    }
    return [{ path, message: `expected one of ${allowed}, found ${describeFound(found)}` }];
  }
  // A plain union (e.g. the edition: a mapping or a cron line). If exactly one branch got past
  // its type check, its problems are the helpful ones; otherwise the value had the wrong type.
  const relevant = issue.errors.filter(
    (branch) => !branch.every((inner) => inner.code === "invalid_type" && inner.path.length === 0),
  );
  const [only] = relevant;
  if (relevant.length === 1 && only !== undefined) {
    return only.flatMap((inner) => describeSchemaIssue(inner, root, path));
  }
  const expected = issue.errors
    .flatMap((branch) => branch.filter((inner) => inner.code === "invalid_type" && inner.path.length === 0))
    .map((inner) => (inner.code === "invalid_type" ? (TYPE_NAMES[inner.expected] ?? inner.expected) : ""));
  const expectation = expected.length > 0 ? [...new Set(expected)].join(" or ") : "a different value";
  return [{ path, message: `expected ${expectation}, found ${describeFound(found)}` }];
}
