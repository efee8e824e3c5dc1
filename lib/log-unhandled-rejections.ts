/**
 * Long-running processes (the bots, `npm start`) log a rejected promise nobody awaited
 * instead of dying of it. matrix-js-sdk rejects some internal promises when a client stops
 * mid-request (e.g. "OutgoingRequestsManager was stopped"); with several bots and the hub in
 * one process, one of those must not take down the others. Only the error's name and first
 * line are logged: never a stack with arguments, which could carry message content.
 */
import type { Logger } from "./logger.ts";

function describe(reason: unknown): { name: string; message: string } {
  if (reason instanceof Error) return { name: reason.name, message: reason.message.split("\n")[0] ?? "" };
  return { name: typeof reason, message: "" };
}

/** Installs the handler; returns a function that removes it. */
export function logUnhandledRejections(logger: Logger): () => void {
  const onRejection = (reason: unknown): void => {
    logger.error(describe(reason), "unhandled promise rejection (logged, not fatal)");
  };
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("unhandledRejection", onRejection);
  };
}
