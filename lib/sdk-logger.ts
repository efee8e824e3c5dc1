/**
 * Routes matrix-js-sdk's logging into our structured logger. The SDK logs every sync at
 * info level, which would drown our own logs, so its debug/info go to `trace` (off unless
 * asked for) and only its warnings and errors reach the normal log.
 */
import type { Logger as SdkLogger } from "matrix-js-sdk/lib/logger.js";
import { logger as sdkGlobalLogger } from "matrix-js-sdk/lib/logger.js";
import type { Logger } from "./logger.ts";

function joinArgs(args: unknown[]): string {
  return args
    .map((arg) => (arg instanceof Error ? arg.message : typeof arg === "string" ? arg : String(arg)))
    .join(" ");
}

/** An SDK logger writing to `log`, tagged with the SDK's own namespace. */
export function sdkLoggerFor(log: Logger, namespace = "matrix-sdk"): SdkLogger {
  const child = log.child({ sdk: namespace });
  return {
    trace: (...args: unknown[]) => {
      child.trace(joinArgs(args));
    },
    debug: (...args: unknown[]) => {
      child.trace(joinArgs(args));
    },
    info: (...args: unknown[]) => {
      child.trace(joinArgs(args));
    },
    warn: (...args: unknown[]) => {
      child.warn(joinArgs(args));
    },
    error: (...args: unknown[]) => {
      child.error(joinArgs(args));
    },
    getChild: (name: string) => sdkLoggerFor(log, `${namespace}.${name}`),
  };
}

/**
 * Some SDK modules log through its deprecated global logger (a loglevel instance), not the
 * client's, and its child loggers (one per MatrixRTC session, so one per room) set themselves
 * to DEBUG when created and print to the console. Keep only warnings and errors from all of
 * them, once per process, before any client is created.
 */
let quieted = false;

export function quietSdkGlobalLogger(): void {
  if (quieted) return;
  quieted = true;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the point is to quiet this very logger
  const root = sdkGlobalLogger as unknown as LoglevelLogger;
  const original = root.methodFactory;
  root.methodFactory = (methodName, level, loggerName) =>
    methodName === "warn" || methodName === "error"
      ? original(methodName, level, loggerName)
      : () => undefined;
  root.rebuild();
  root.setLevel("warn");
}

type MethodFactory = (methodName: string, level: number, loggerName: string | symbol) => unknown;

interface LoglevelLogger {
  methodFactory: MethodFactory;
  rebuild(): void;
  setLevel(level: string): void;
}
