/**
 * Which timers are still keeping a process alive, and who made them. A bot must close every
 * handle it opens on stop; the test bot process audits that after SIGTERM. Timers created
 * inside matrix-js-sdk are not counted: its `timeoutSignal` ponyfill (http-api/utils.js)
 * never clears its timer, so an aborted /sync leaves a referenced ~110 s timer behind.
 */
import { createHook } from "node:async_hooks";

// The SDK's own timers (its timeoutSignal, retry sleeps) are outside our control; ours are not.
const SDK_PATH = "node_modules/matrix-js-sdk/";

export function startHandleAudit(): () => string[] {
  const live = new Map<number, { resource: { hasRef?: () => boolean }; stack: string }>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (type !== "Timeout") return;
      live.set(id, {
        resource: resource,
        stack: new Error().stack?.split("\n").slice(6, 14).join(" | ") ?? "",
      });
    },
    destroy(id) {
      live.delete(id);
    },
  });
  hook.enable();
  return () => {
    hook.disable();
    return [...live.values()]
      .filter(({ resource, stack }) => resource.hasRef?.() !== false && !stack.includes(SDK_PATH))
      .map(({ stack }) => stack);
  };
}
