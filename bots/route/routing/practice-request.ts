/**
 * What routing needs to know about a practice request. The topic is already a configured
 * topic id (see `resolveTopic`); people are config person ids, not Matrix user ids, since
 * expert profiles and pools are keyed by person id.
 */
import type { Urgency } from "../../../config/network-config.ts";

export interface PracticeRequest {
  /** A configured topic id. */
  readonly topic: string;
  /** The language the requester wants help in, e.g. "fr" or "pt-BR". */
  readonly language: string;
  /** The requester's region id. */
  readonly region: string;
  readonly urgency: Urgency;
  /** The requester's person id, when the requester is a configured person. */
  readonly requester?: string;
}

/**
 * Whether two language tags name the same language. A bare language covers its regional
 * variants ("pt" and "pt-BR"), but two different variants ("pt-BR", "pt-PT") do not match,
 * since that difference is exactly what a variant-specific entry means to express.
 */
export function sameLanguage(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}
