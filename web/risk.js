// The risk analysis's Web Worker: it runs web/risk.wasm (./worker, the model
// without the page) so that the Monte Carlo never holds the page's main
// thread, and computes the early headline of a page with a query
// (web/boot.js). The page (app/riskworker.go) posts requests and reads the
// answers; the protocol is in worker/main.go. Every URL is relative to this
// file, so the site works under any sub-path.
"use strict";

// The page (web/boot.js) lays out the early headline's place once the
// worker runs, not before: it needs the main thread that starts this.
self.postMessage({ started: true });

// The module's download starts first: it goes on while wasm_exec.js loads
// (importScripts waits for it).
const response = fetch(new URL("risk.wasm", self.location.href), { credentials: "same-origin" });
importScripts("../wasm_exec.js");

// Messages that arrive before the Go program can take them wait here: all
// of them until it is up, risk requests until it listens.
const queue = [];
let listening = false;
const route = (m) => {
  if ("headline" in m) self.computedashHeadline(String(m.headline));
  else if (m.start) self.computedashStart();
  else if (listening) self.computedashRisk(m);
  else queue.push(m);
};
self.onmessage = (e) => { queue.push(e.data); };

// Called by the Go program once it is up: the headline and the start.
self.computedashUp = () => {
  self.onmessage = (e) => { route(e.data); };
  for (const m of queue.splice(0)) route(m);
};

// Called by the Go program once it listens (and has warmed up): the page
// may ask now.
self.computedashRiskReady = () => {
  listening = true;
  for (const m of queue.splice(0)) route(m);
  self.postMessage({ ready: true });
};

// Compiled as it arrives where the server says it is wasm.
const load = async (go) => {
  const resp = await response;
  if (!resp.ok) throw new Error(`HTTP ${resp.status} for risk.wasm`);
  const type = resp.headers.get("Content-Type") || "";
  if (WebAssembly.instantiateStreaming && type.startsWith("application/wasm")) {
    return WebAssembly.instantiateStreaming(resp, go.importObject);
  }
  return WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
};

const go = new Go();
load(go)
  .then((result) => go.run(result.instance))
  .then(() => { throw new Error("the risk worker stopped"); })
  .catch((err) => {
    // The page falls back to computing on its main thread.
    self.postMessage({ failed: String((err && err.message) || err) });
  });
