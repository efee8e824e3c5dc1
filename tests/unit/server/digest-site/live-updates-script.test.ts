/**
 * The live-update script, run in a bare V8 context with stand-ins for the few browser APIs
 * it touches, fed the frames a socket.io server sends. (The Chromium test runs it for real.)
 */
import { readFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const SOURCE = readFileSync(
  new URL("../../../../server/digest-site/assets/live-updates.ts", import.meta.url),
  "utf8",
);

class FakeSocket {
  static opened: FakeSocket[] = [];
  readonly sent: string[] = [];
  closed = false;
  readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  readonly url: URL;
  constructor(url: URL) {
    this.url = url;
    FakeSocket.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(frame: string): void {
    this.sent.push(frame);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

function runScript(withBanner = true) {
  FakeSocket.opened = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  let reloads = 0;
  let onClick: (() => void) | undefined;
  const banner = {
    hidden: true,
    dataset: { socket: "/prefix/socket.io/" },
    querySelector: () => ({
      addEventListener: (_type: string, listener: () => void) => {
        onClick = listener;
      },
    }),
  };
  runInNewContext(SOURCE, {
    document: { getElementById: (id: string) => (withBanner && id === "digest-live" ? banner : null) },
    location: {
      href: "https://hub.example.org/prefix/digest/items/a",
      protocol: "https:",
      reload: () => {
        reloads++;
      },
    },
    WebSocket: FakeSocket,
    URL,
    String,
    setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
  });
  return { banner, timers, reloads: () => reloads, click: () => onClick?.() };
}

describe("the live-update script", () => {
  it("is plain JavaScript: stripping TypeScript types leaves it unchanged", () => {
    expect(stripTypeScriptTypes(SOURCE)).toBe(SOURCE);
  });

  it("joins the digest room and reveals the banner on the first change", () => {
    const page = runScript();
    const socket = FakeSocket.opened[0];
    expect(socket?.url.href).toBe("wss://hub.example.org/prefix/socket.io/?EIO=4&transport=websocket");
    socket?.emit("message", '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000}');
    expect(socket?.sent).toEqual(["40"]);
    socket?.emit("message", '40{"sid":"def"}');
    expect(socket?.sent).toEqual(["40", '42["digest:join"]']);
    socket?.emit("message", "2");
    expect(socket?.sent.at(-1)).toBe("3");
    socket?.emit("message", '42["other",{}]');
    expect(page.banner.hidden).toBe(true);
    socket?.emit("message", '42["digest:change",{"kind":"published","item":"x"}]');
    expect(page.banner.hidden).toBe(false);
    expect(socket?.closed).toBe(true);
    // Closed on purpose once the banner shows: no reconnection.
    socket?.emit("close");
    expect(page.timers).toEqual([]);
    page.click();
    expect(page.reloads()).toBe(1);
  });

  it("reconnects a few times with growing delays, then gives up", () => {
    const page = runScript();
    for (let attempt = 1; attempt <= 5; attempt++) {
      FakeSocket.opened.at(-1)?.emit("close");
      expect(page.timers).toHaveLength(attempt);
      expect(page.timers[attempt - 1]?.ms).toBe(1000 * 2 ** attempt);
      page.timers[attempt - 1]?.run();
    }
    expect(FakeSocket.opened).toHaveLength(6);
    FakeSocket.opened.at(-1)?.emit("close");
    expect(page.timers).toHaveLength(5);
  });

  it("does nothing on a page without the banner", () => {
    runScript(false);
    expect(FakeSocket.opened).toEqual([]);
  });
});
