/**
 * The YAML never holds a secret, only a reference to where it lives. Checked by hand rather
 * than with a zod union so that the messages say what to write instead, and so that a
 * secret pasted by mistake is never echoed back in an error.
 */
import { z } from "zod";

/** Where a secret lives: a file (relative to the secrets directory, or absolute) or an environment variable. */
export type SecretRef = { readonly file: string } | { readonly env: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HOW = `write { file: "name" } (relative to the secrets directory) or { env: "VAR_NAME" }`;

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `a ${typeof value}`;
}

/** Zod schema for a {@link SecretRef}; a plain string is rejected without repeating it. */
export const secretRefSchema = z.unknown().transform((input, ctx): SecretRef => {
  if (typeof input === "string") {
    ctx.addIssue({ code: "custom", message: `secrets must not be written in the config file: ${HOW}` });
    return z.NEVER;
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    ctx.addIssue({
      code: "custom",
      message: `expected a secret reference (${HOW}), found ${describeKind(input)}`,
    });
    return z.NEVER;
  }
  const entries = Object.entries(input as Record<string, unknown>);
  for (const [key] of entries.filter(([key]) => key !== "file" && key !== "env")) {
    ctx.addIssue({
      code: "custom",
      path: [key],
      message: `unknown key "${key}" in a secret reference: ${HOW}`,
    });
  }
  const known = entries.filter(([key]) => key === "file" || key === "env");
  const [first] = known;
  if (known.length !== 1 || first === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `a secret reference needs exactly one of "file" or "env", found ${known.length === 0 ? "neither" : "both"}`,
    });
    return z.NEVER;
  }
  const [key, value] = first;
  if (typeof value !== "string" || value.trim() === "") {
    ctx.addIssue({
      code: "custom",
      path: [key],
      message: `expected a non-empty string, found ${describeKind(value)}`,
    });
    return z.NEVER;
  }
  if (key === "env") {
    if (!ENV_NAME.test(value)) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `"${value}" is not an environment variable name`,
      });
      return z.NEVER;
    }
    return { env: value };
  }
  if (value.includes("\0")) {
    ctx.addIssue({ code: "custom", path: [key], message: "a file name must not contain a NUL character" });
    return z.NEVER;
  }
  return { file: value };
});
