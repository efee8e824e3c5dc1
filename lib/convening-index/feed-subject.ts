/**
 * What a feed token opens: one person's convenings, one region's, or a single convening.
 * Stored as JSON behind each token and read back through a schema, since Redis holds
 * whatever was last written there.
 */
import { z } from "zod";
import type { UserId } from "../matrix-ids.ts";
import { parseUserId } from "../matrix-ids.ts";

export type FeedSubject =
  | { readonly kind: "person"; readonly user: UserId }
  | { readonly kind: "region"; readonly region: string }
  | { readonly kind: "convening"; readonly id: string };

const subjectSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("person"),
    user: z.string().transform((value, ctx) => {
      const parsed = parseUserId(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  }),
  z.strictObject({ kind: z.literal("region"), region: z.string().min(1) }),
  z.strictObject({ kind: z.literal("convening"), id: z.string().min(1) }),
]);

/** The subject as stored: only its own fields, so equal subjects store equal text. */
export function serialiseFeedSubject(subject: FeedSubject): string {
  switch (subject.kind) {
    case "person":
      return JSON.stringify({ kind: subject.kind, user: subject.user });
    case "region":
      return JSON.stringify({ kind: subject.kind, region: subject.region });
    case "convening":
      return JSON.stringify({ kind: subject.kind, id: subject.id });
  }
}

/** The subject stored as `text`, or undefined when it is not one. */
export function parseFeedSubject(text: string): FeedSubject | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = subjectSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
