/**
 * Waits until an event is readable: decrypted now, or later when its room key arrives (keys
 * travel separately and can land after the event). Resolves false after `timeoutMs`.
 */
import { MatrixEventEvent, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";

export async function waitForDecryption(
  client: MatrixClient,
  event: MatrixEvent,
  timeoutMs: number,
): Promise<boolean> {
  await client.decryptEventIfNeeded(event);
  if (!event.isEncrypted() || (!event.isDecryptionFailure() && !event.isBeingDecrypted())) return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      event.off(MatrixEventEvent.Decrypted, onDecrypted);
      resolve(false);
    }, timeoutMs);
    timer.unref();
    function onDecrypted(): void {
      if (event.isDecryptionFailure()) return;
      clearTimeout(timer);
      event.off(MatrixEventEvent.Decrypted, onDecrypted);
      resolve(true);
    }
    event.on(MatrixEventEvent.Decrypted, onDecrypted);
  });
}
