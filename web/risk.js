// The risk analysis's Web Worker: it runs web/risk.wasm (./worker, the model
// without the page) so that the Monte Carlo never holds the page's main
// thread. The page (app/riskworker.go) posts requests and reads the answers;
// the protocol is in worker/main.go. Every URL is relative to this file, so
// the site works under any sub-path.
"use strict";

importScripts("../wasm_exec.js");

// Requests that arrive before the Go program is up wait here.
const queue = [];
self.onmessage = (e) => { queue.push(e.data); };

// Called by the Go program once it listens (and has warmed up): the page
// may ask now.
self.computedashRiskReady = () => {
  self.onmessage = (e) => { self.computedashRisk(e.data); };
  for (const m of queue.splice(0)) self.computedashRisk(m);
  self.postMessage({ ready: true });
};

const go = new Go();
fetch(new URL("risk.wasm", self.location.href), { credentials: "same-origin" })
  .then((resp) => {
    if (!resp.ok) throw new Error(`HTTP ${resp.status} for risk.wasm`);
    return resp.arrayBuffer();
  })
  .then((bytes) => WebAssembly.instantiate(bytes, go.importObject))
  .then((result) => go.run(result.instance))
  .then(() => { throw new Error("the risk worker stopped"); })
  .catch((err) => {
    // The page falls back to computing on its main thread.
    self.postMessage({ failed: String((err && err.message) || err) });
  });
