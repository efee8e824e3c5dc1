/**
 * Maps a key path back to a line of the YAML source, so that every issue can say where to
 * look. When the path does not exist (a missing key), the nearest enclosing key's line is
 * the most useful answer.
 */
import { type Document, type LineCounter, type Node, isAlias, isMap, isScalar, isSeq } from "yaml";
import type { KeyPath } from "./validate-references.ts";

function lineOfNode(node: Node | null | undefined, lines: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lines.linePos(start).line;
}

/** The 1-based line of the deepest key along `path` that exists in `doc`. */
export function locateYamlPath(doc: Document, lines: LineCounter, path: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOfNode(doc.contents, lines);
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined || !isScalar(pair.key)) break;
      line = lineOfNode(pair.key, lines) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (!isScalar(item) && !isMap(item) && !isSeq(item) && !isAlias(item)) break;
      line = lineOfNode(item, lines) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
