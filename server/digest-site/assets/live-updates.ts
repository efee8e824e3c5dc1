/*
 * Browser script of the digest pages, served as /digest/assets/live.js. It is written in the
 * part of TypeScript that is also JavaScript (no type syntax, no imports) so that the
 * compiler and the linter check it and the hub serves the file as it is, with no build step;
 * a unit test checks that stripping types leaves it unchanged.
 *
 * It joins the "digest" room of the hub's socket.io server over a bare WebSocket, speaking
 * the few frames of the Engine.IO 4 / socket.io 5 protocol it needs (a few hundred bytes
 * instead of the 40 KB client library), and on the first change it reveals the banner the
 * page already holds ("the digest has changed — reload"). Pages work fully without it.
 */
(() => {
  const banner = document.getElementById("digest-live");
  const socketPath = banner?.dataset["socket"];
  if (banner === null || socketPath === undefined || typeof WebSocket !== "function") return;
  banner.querySelector("button")?.addEventListener("click", () => {
    location.reload();
  });

  const url = new URL(`${socketPath}?EIO=4&transport=websocket`, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  const MAX_RETRIES = 5;
  let retries = 0;

  const connect = () => {
    const socket = new WebSocket(url);
    socket.addEventListener("message", (event) => {
      const frame = String(event.data);
      if (frame.startsWith("0")) {
        // Engine.IO "open": connect to the default namespace.
        socket.send("40");
      } else if (frame.startsWith("40")) {
        retries = 0;
        socket.send('42["digest:join"]');
      } else if (frame === "2") {
        // Engine.IO ping: answer, or the server drops the connection.
        socket.send("3");
      } else if (frame.startsWith('42["digest:change"')) {
        banner.hidden = false;
        socket.close();
      }
    });
    socket.addEventListener("close", () => {
      if (!banner.hidden || retries >= MAX_RETRIES) return;
      retries += 1;
      setTimeout(connect, 1000 * 2 ** retries);
    });
  };
  connect();
})();
