/**
 * Loaded secrets. A `Secret` prints as REDACTED however it is printed (template string,
 * JSON, `util.inspect`, a logger), so passing one to a log call by mistake leaks nothing;
 * only `reveal()`, called at the point of use, gives the value.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import type { SecretRef } from "./secret-ref-schema.ts";

export type { SecretRef } from "./secret-ref-schema.ts";

const REDACTED = "REDACTED";

/** A secret value that never prints itself. */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret value; call only where it is handed to the thing that needs it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return REDACTED;
  }
}

/** Where relative secret files are read from, and the environment `{ env }` refs read. */
export interface SecretSources {
  readonly secretsDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A ref as a short human string, e.g. `file "convene-bot.password"` or `env MERIDIAN_X`. */
export function describeSecretRef(ref: SecretRef): string {
  return "file" in ref ? `file "${ref.file}"` : `env ${ref.env}`;
}

/**
 * Reads one secret. Files are read relative to `secretsDir` (absolute paths as given) and lose
 * one trailing newline, since editors and `echo` add one. Errors name the ref and the path,
 * never the value.
 */
export async function readSecret(ref: SecretRef, sources: SecretSources): Promise<Result<Secret, string>> {
  if ("env" in ref) {
    const value = sources.env[ref.env];
    if (value === undefined || value === "")
      return err(`secret ${describeSecretRef(ref)}: the variable is not set`);
    return ok(new Secret(value));
  }
  const filePath = path.resolve(sources.secretsDir, ref.file);
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (cause: unknown) {
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : "unknown error";
    const why = code === "ENOENT" ? "not found" : `cannot be read (${code})`;
    return err(`secret ${describeSecretRef(ref)}: ${filePath} ${why}`);
  }
  const value = text.replace(/\r?\n$/, "");
  if (value === "") return err(`secret ${describeSecretRef(ref)}: ${filePath} is empty`);
  return ok(new Secret(value));
}

/**
 * The secrets directory: an explicit override (`--secrets-dir`), else `MERIDIAN_SECRETS_DIR`,
 * else `secrets/` next to the config file.
 */
export function resolveSecretsDir(
  configPath: string,
  options: { readonly override?: string; readonly env?: Readonly<Record<string, string | undefined>> } = {},
): string {
  const fromEnv = options.env?.["MERIDIAN_SECRETS_DIR"];
  const chosen = options.override ?? (fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined);
  return chosen !== undefined
    ? path.resolve(chosen)
    : path.join(path.dirname(path.resolve(configPath)), "secrets");
}
