/**
 * Structured JSON logs. Logs carry ids (user, room, event, job), never message bodies:
 * callers pass fields, and the redaction list below scrubs the fields that may hold
 * secrets or plaintext if one is passed by mistake.
 */
import { pino, type Logger as PinoLogger, type DestinationStream } from "pino";

export type Logger = PinoLogger;

export const REDACTED_FIELDS = [
  "password",
  "accessToken",
  "access_token",
  "token",
  "secret",
  "body",
  "formatted_body",
  "content.body",
  "content.formatted_body",
  "*.password",
  "*.accessToken",
  "*.access_token",
  "*.secret",
  "*.body",
  "headers.authorization",
  "req.headers.authorization",
];

export function createLogger(
  options: { name: string; level?: string; destination?: DestinationStream | undefined } = {
    name: "meridian",
  },
): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? process.env["LOG_LEVEL"] ?? "info",
      redact: { paths: REDACTED_FIELDS, censor: "REDACTED" },
      base: { name: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** A logger that drops everything, for unit tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
