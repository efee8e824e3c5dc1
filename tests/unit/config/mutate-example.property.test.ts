/**
 * Property: whatever a careless edit does to the example (a key deleted, renamed or given a
 * value of another type), loading never throws, and a rejected file's issues all name a
 * key path and say something.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { parseConfigText } from "../../../config/index.ts";
import { EXAMPLE_TEXT, FILE_NAME } from "./example-config.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = "delete" | "rename" | "retype";

/** Every path to a value inside the example (not the root). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : typeof value === "object" && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function kindOf(value: Json): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

const REPLACEMENTS: Json[] = [null, 0, -1, 3.5, true, "", "x y", [], [1], {}, { unexpected: 1 }];

/** Applies one mutation in place; returns false when it does not apply at that path. */
function mutate(root: Json, path: (string | number)[], mutation: Mutation, pick: number): boolean {
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
  const key = path.at(-1)!;
  const container = parent as Record<string | number, Json>;
  const current = container[key]!;
  if (mutation === "retype") {
    const choices = REPLACEMENTS.filter((candidate) => kindOf(candidate) !== kindOf(current));
    container[key] = structuredClone(choices[pick % choices.length]!);
    return true;
  }
  if (Array.isArray(parent)) {
    if (mutation === "rename") return false;
    parent.splice(key as number, 1);
    return true;
  }
  Reflect.deleteProperty(container, key);
  if (mutation === "rename") container[`zz_${String(key)}`] = current;
  return true;
}

describe("mutations of the example", () => {
  const example = parse(EXAMPLE_TEXT) as Json;
  const paths = pathsOf(example);

  it("never throw and always give located issues", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.integer({ min: 0, max: paths.length - 1 }),
            mutation: fc.constantFrom<Mutation>("delete", "rename", "retype"),
            pick: fc.nat(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (steps) => {
          const data = structuredClone(example);
          // Renaming a key or changing a value's type always breaks the file, unless a later
          // deletion removed what was broken (deleting alone may leave a valid file).
          let broken = false;
          let deleted = false;
          for (const step of steps) {
            const path = paths[step.path]!;
            // Earlier steps may have removed this path; then the step is skipped.
            try {
              if (!mutate(data, path, step.mutation, step.pick)) continue;
            } catch {
              continue;
            }
            if (step.mutation === "delete") deleted = true;
            else broken = true;
          }
          const mustFail = broken && !deleted;
          const result = parseConfigText(stringify(data), FILE_NAME);
          if (mustFail) expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.length).toBeGreaterThan(0);
            for (const issue of result.error) {
              expect(issue.path).not.toBe("");
              expect(issue.message).not.toBe("");
              expect(issue.file).toBe(FILE_NAME);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throw on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseConfigText(text, FILE_NAME);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
