/**
 * "Nothing reaches a public output without passing the one gate": checked on the sources.
 * The proof type cannot be written by hand (a type error, shown with @ts-expect-error), no
 * production file casts to it but the proof's own, and only the publisher writes to the
 * public index or the public room.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { PublishableItem } from "../../../../../bots/digest/item/index.ts";

const root = join(import.meta.dirname, "../../../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const production = ["bots", "server", "lib", "bin"].flatMap((dir) => sources(join(root, dir)));
const read = (path: string) => readFileSync(path, "utf8");
const rel = (path: string) => relative(root, path);

describe("the publication gate", () => {
  it("cannot be satisfied by a plain object", () => {
    const forge = (): PublishableItem =>
      // @ts-expect-error: the brand is a unique symbol only publication-proof.ts can attach.
      ({ item: "dabcdef", source: "!r:x", root: "$e", preview: 1, digest: "", messages: [], checkedAt: 0 });
    expect(typeof forge).toBe("function");
  });

  it("is cast to in one file only: the proof's own", () => {
    const casting = production.filter((path) => /as (unknown as )?PublishableItem\b/.test(read(path)));
    expect(casting.map(rel)).toEqual(["bots/digest/item/publication-proof.ts"]);
  });

  it("has one writer of public outputs: the publisher", () => {
    const indexWriters = production.filter((path) =>
      /\bdeps\.index\.put\(|putPublishedItem\(/.test(read(path)),
    );
    expect(indexWriters.map(rel).sort()).toEqual([
      "bots/digest/service/digest-publisher.ts",
      "bots/start-network-bots.ts",
      "lib/digest-index/write-digest-index.ts",
    ]);
    // start-network-bots only wires the writer into the publisher's deps.
    expect(read(join(root, "bots/start-network-bots.ts"))).toMatch(/put: \(item\) => putPublishedItem/);
    const roomPosters = production.filter((path) => /publicDigest\(\)/.test(read(path)));
    expect(roomPosters.map(rel).sort()).toEqual([
      "bots/digest/service/digest-publisher.ts",
      "bots/digest/service/digest-rooms.ts",
    ]);
  });
});
