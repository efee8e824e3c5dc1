/**
 * Reads what the index holds back into its types, refusing anything malformed: the hub must
 * not crash, nor render something half-shaped, because a key was edited by hand or written
 * by an older bot.
 */
import type {
  DigestChange,
  PublishedDigestItem,
  PublishedEdition,
  PublishedMessage,
} from "./published-item.ts";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === "string");

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isMessage(value: unknown): value is PublishedMessage {
  return (
    isObject(value) &&
    typeof value["author"] === "string" &&
    typeof value["pseudonymous"] === "boolean" &&
    typeof value["text"] === "string"
  );
}

export function parsePublishedItem(text: string | null | undefined): PublishedDigestItem | undefined {
  const value = parseJson(text);
  if (!isObject(value)) return undefined;
  const valid =
    value["version"] === 1 &&
    typeof value["id"] === "string" &&
    typeof value["title"] === "string" &&
    typeof value["language"] === "string" &&
    typeof value["publishedAt"] === "number" &&
    typeof value["updatedAt"] === "number" &&
    isStringList(value["regions"]) &&
    isStringList(value["topics"]) &&
    Array.isArray(value["messages"]) &&
    value["messages"].every(isMessage) &&
    (value["edition"] === undefined || typeof value["edition"] === "string");
  return valid ? (value as unknown as PublishedDigestItem) : undefined;
}

export function parsePublishedEdition(text: string | null | undefined): PublishedEdition | undefined {
  const value = parseJson(text);
  if (!isObject(value)) return undefined;
  const valid =
    value["version"] === 1 &&
    typeof value["id"] === "string" &&
    typeof value["closedAt"] === "number" &&
    isStringList(value["items"]);
  return valid ? (value as unknown as PublishedEdition) : undefined;
}

export function parseDigestChange(text: string): DigestChange | undefined {
  const value = parseJson(text);
  if (!isObject(value)) return undefined;
  const kind = value["kind"];
  if ((kind === "published" || kind === "removed") && typeof value["item"] === "string")
    return { kind, item: value["item"] };
  if (kind === "edition" && typeof value["edition"] === "string") return { kind, edition: value["edition"] };
  return undefined;
}
