import { UnrecoverableError } from "bullmq";

/**
 * Thrown by a job handler when retrying cannot help (the room is gone, the person left the
 * network, the payload refers to something deleted). BullMQ moves the job straight to failed,
 * with this message as its reason, instead of retrying it with backoff.
 *
 * It extends BullMQ's UnrecoverableError because that is what the worker checks for.
 */
export class PermanentJobError extends UnrecoverableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "PermanentJobError";
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
