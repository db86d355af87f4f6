// Boot loader for the go-app WebAssembly dashboard.
//
// Loaded by index.html as a classic, synchronous script, before
// wasm_exec.js, which is deferred: the risk worker of a scenario link
// starts as soon as this has loaded, and the page's wasm starts once the
// document is parsed, wasm_exec.js run (no inline script, so the CSP can
// forbid inline scripts).
// It replaces go-app's generated app.js: no service worker, no request to
// another origin, and every URL is relative to this file, so the site works at
// "/" and under any sub-path ("/intranet/dash/").
//
// State for tests and debugging is on <html>:
//   data-boot          loading | starting | ready | failed | nowasm
//   data-boot-progress bytes (real byte progress) | indeterminate
//   data-prerender     on | headline | off | done: whether index.html's
//                      static page of the base case is on screen, or its
//                      top with the early headline of a scenario (see below)
//   data-boot-worker   running: the risk worker started for the early
//                      headline runs its script; the static page's top is
//                      laid out out of sight from then on (web/style.css)
"use strict";

(() => {
  const root = document.documentElement;
  root.classList.add("js"); // CSS shows the loader only when JS runs
  root.dataset.boot = "loading";

  // index.html carries the base case's page, rendered at build time by the
  // same components (`app prerender`), in #app-prerender. It is on screen
  // from the first paint when the URL has no query (the base case), and
  // gives way to the live page once that has computed all it shows; for
  // any other URL it is never shown (CSS), so no figure of another
  // scenario is ever on screen: the loader is, until the wasm has computed.
  root.dataset.prerender = location.search.length > 1 ? "off" : "on";
  // The live page takes the static one's place once it has settled (every
  // chart and the risk analysis), or at the latest this long after it is
  // ready.
  const settleWait = 3000;
  // For a URL with a query, the risk worker (web/risk.js, a fraction of
  // app.wasm's size) starts at once and computes the page's headline
  // before app.wasm loads; the static page's top then shows it (the title, the
  // scenario in words, the figures), the rest of the static page removed,
  // and data-prerender says "headline" until the live page shows the same
  // figures. A query whose page would show more (a notice, a language, a
  // comparison, …) keeps the loader: the worker answers "" for it.
  // app.wasm's download waits at most this long for the worker's answer.
  const headlineWait = 1000;

  // ---------------------------------------------------------------------------
  // Where the site lives. This script is <base>/web/boot.js.
  // ---------------------------------------------------------------------------
  const script = document.currentScript;
  const webURL = script && script.src
    ? new URL(".", script.src)
    : new URL("web/", location.href);
  const baseURL = new URL("..", webURL);
  // "" at the site root, "/intranet/dash" under a sub-path (no trailing slash:
  // go-app does strings.TrimPrefix(location.pathname, GOAPP_ROOT_PREFIX) and
  // expects the remainder to start with "/").
  const rootPrefix = baseURL.pathname.replace(/\/+$/, "");

  // ---------------------------------------------------------------------------
  // The window.goapp* API that go-app v10's wasm side reads or calls.
  // (pkg/app: app.go, browser.go, context.go, notification.go, engine.go)
  // ---------------------------------------------------------------------------
  const env = {
    GOAPP_ROOT_PREFIX: rootPrefix,
    GOAPP_STATIC_RESOURCES_URL: rootPrefix + "/web",
    GOAPP_INTERNAL_URLS: "[]",
    GOAPP_VERSION: "",
  };

  // app.Getenv(k): called by the wasm for GOAPP_STATIC_RESOURCES_URL (resource
  // resolution), GOAPP_ROOT_PREFIX (routing) and GOAPP_INTERNAL_URLS.
  window.goappGetenv = (k) => (Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined);

  // Placeholders that the wasm replaces with Go funcs (browser.go). Events
  // that happen before the wasm is up are remembered in the *BeforeWasmLoaded
  // flags, as go-app's app.js does.
  window.goappNav = () => {};
  window.goappUpdatedBeforeWasmLoaded = false;
  window.goappOnUpdate = () => { window.goappUpdatedBeforeWasmLoaded = true; };
  window.goappAppInstallChangedBeforeWasmLoaded = false;
  window.goappOnAppInstallChange = () => { window.goappAppInstallChangedBeforeWasmLoaded = true; };

  // No service worker: nothing to update, nothing to install.
  window.goappTryUpdate = () => {};
  window.goappIsAppInstalled = () => false;
  window.goappIsAppInstallable = () => false;
  window.goappShowInstallPrompt = () => Promise.resolve();
  window.goappIsAppleBrowser = () => {
    const ua = navigator.userAgent;
    const iPadOS = /\bMacintosh\b/.test(ua) && navigator.maxTouchPoints > 1;
    const iOS = /iP(hone|ad|od)/.test(ua) || iPadOS;
    const macSafari = /\bMacintosh\b/.test(ua) && /\bSafari\b/.test(ua) &&
      !/\bChrome\b|\bEdg\b|\bOPR\b|\bBrave\b/.test(ua);
    return iOS || macSafari;
  };

  // Notifications without a service worker: local notifications only; push
  // subscription is unsupported (go-app reads "" as "not supported").
  window.goappSubscribePushNotifications = () => Promise.resolve("");
  window.goappNewNotification = (json) => {
    try {
      const n = JSON.parse(json);
      const title = n.title || "";
      const path = n.path || "/";
      delete n.title;
      if (!("Notification" in window)) return;
      const notification = new Notification(title, n);
      notification.onclick = () => { window.goappNav(path); notification.close(); };
    } catch (err) {
      console.warn("notification failed:", err);
    }
  };

  // app.KeepBodyClean(): remove body children added after the call; returns
  // the release func (called from Go with Invoke).
  window.goappKeepBodyClean = () => {
    const body = document.body;
    const count = body.children.length;
    const observer = new MutationObserver(() => {
      while (body.children.length > count) body.removeChild(body.lastChild);
    });
    observer.observe(body, { childList: true });
    return () => observer.disconnect();
  };

  // A slider's value as it was when it told the page (input, change): a
  // go-app update that runs just before the page's handler of the event
  // may write an earlier value into the slider, and the page reads this
  // one instead (app/control.go).
  const noteSlider = (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === "range") e.target.computedashValue = e.target.value;
  };
  document.addEventListener("input", noteSlider, true);
  document.addEventListener("change", noteSlider, true);

  // ---------------------------------------------------------------------------
  // The headline's painter: figures (i18n.Figure, as JSON or parsed) into
  // the figure elements under root. The live page paints with it in the
  // input event's task (app/browser.go), before go-app renders the same
  // text into the same nodes: so it writes into the text nodes that are
  // there, and adds one only to an element that has none (the static
  // page's empty ones).
  // ---------------------------------------------------------------------------
  const setText = (el, text) => {
    if (!el) return;
    const node = el.firstChild;
    if (node && node.nodeType === Node.TEXT_NODE) node.nodeValue = text;
    else if (!node && text !== "") el.appendChild(document.createTextNode(text));
  };
  window.computedashPaintFigures = (root, figures) => {
    const list = typeof figures === "string" ? JSON.parse(figures) : figures;
    for (const f of list) {
      const el = root.querySelector(`[data-figure="${CSS.escape(f.key)}"]`);
      if (!el) continue;
      el.setAttribute("class", "figure tone-" + f.tone);
      el.setAttribute("data-raw", f.raw);
      const icon = el.querySelector(".tone-icon");
      if (icon) icon.title = f.tone_word;
      setText(icon, f.icon);
      setText(el.querySelector(".sr-only"), f.tone_word + ": ");
      setText(el.querySelector(".figure-value"), f.value);
      setText(el.querySelector(".figure-note"), f.note);
      const ref = el.querySelector(".figure-ref");
      if (ref) ref.hidden = f.ref === "";
      setText(ref, f.ref);
    }
  };

  // ---------------------------------------------------------------------------
  // The early headline, and the worker the page takes over.
  // ---------------------------------------------------------------------------
  let bootWorker = null;
  const workerMessages = []; // for the page, until it takes the worker

  // showHeadline paints the worker's headline (worker/main.go: figures,
  // scenario and preset, or null) into the static page's top, unless the
  // live page shows its own figures already.
  const showHeadline = (h) => {
    const page = $("app-prerender");
    const dash = page && page.querySelector("#dash");
    if (!h || !Array.isArray(h.figures) || !dash || root.dataset.prerender !== "off" || !$("app-wasm-loader")) return;
    // The rest is the base case's (charts, controls, analysis): never on
    // screen for another scenario.
    for (const el of page.querySelectorAll("#dash > .body")) el.remove();
    dash.removeAttribute("data-analysis");
    window.computedashPaintFigures(dash, h.figures);
    const line = dash.querySelector(".top .scenario");
    if (line) {
      line.textContent = "";
      if (h.preset) {
        const name = document.createElement("strong");
        name.className = "preset-name";
        name.textContent = h.preset + " · ";
        line.append(name);
      }
      line.append(h.scenario);
    }
    root.dataset.prerender = "headline";
  };

  // headlineSettled resolves once the worker has answered the headline
  // (shown or not) or failed; at once when no worker starts.
  let settleHeadline;
  const headlineSettled = new Promise((resolve) => { settleHeadline = resolve; });

  // startWorker starts the worker as boot.js runs, while the browser still
  // parses index.html, and asks it for the headline.
  const startWorker = () => {
    const wasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
    if (location.search.length <= 1 || typeof Worker !== "function" || !wasm) {
      settleHeadline();
      return;
    }
    try {
      bootWorker = new Worker(new URL("risk.js", webURL));
    } catch (err) {
      settleHeadline();
      return; // the page tries again, then analyzes on its own
    }
    bootWorker.onmessage = (e) => {
      if (e.data && e.data.started) {
        // Laid out any sooner, the static page's top held the main thread,
        // which starts the worker, by tens of milliseconds.
        root.dataset.bootWorker = "running";
        return;
      }
      if (!(e.data && "headline" in e.data)) {
        workerMessages.push(e.data);
        if (e.data && e.data.failed) settleHeadline();
        return;
      }
      whenParsed(() => {
        showHeadline(e.data.headline);
        settleHeadline();
      });
    };
    bootWorker.onerror = () => {
      workerMessages.push({ failed: "the worker's script failed" });
      settleHeadline();
    };
    bootWorker.postMessage({ headline: location.search.slice(1) });
  };

  // computedashTakeWorker hands the worker over to the page
  // (app/riskworker.go), with the messages it said meanwhile; null when
  // there is none.
  window.computedashTakeWorker = (onmessage, onerror) => {
    const w = bootWorker;
    if (!w) return null;
    bootWorker = null;
    w.onmessage = (e) => {
      if (!(e.data && "headline" in e.data)) onmessage(e);
    };
    w.onerror = onerror;
    for (const data of workerMessages.splice(0)) onmessage({ data });
    return w;
  };

  // ---------------------------------------------------------------------------
  // Loader UI
  // ---------------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);
  let ready = false;
  let failed = false;

  const setLabel = (text) => {
    const label = $("app-wasm-loader-label");
    if (label) label.textContent = text;
  };

  const formatMB = (n) => (n / 1048576).toFixed(1) + " MB";

  const showProgress = (loaded, total) => {
    const bar = $("app-wasm-loader-progress");
    if (total > 0 && loaded <= total) {
      root.dataset.bootProgress = "bytes";
      if (bar) { bar.max = total; bar.value = loaded; }
      setLabel(`Loading… ${Math.floor((loaded * 100) / total)} % (${formatMB(loaded)} of ${formatMB(total)})`);
    } else {
      // Unknown or unusable total (e.g. compressed on the fly): indeterminate.
      root.dataset.bootProgress = "indeterminate";
      if (bar) bar.removeAttribute("value");
      setLabel(`Loading… ${formatMB(loaded)}`);
    }
  };

  const removeLoader = () => {
    const loader = $("app-wasm-loader");
    if (loader) loader.remove();
  };

  const removePrerender = () => {
    const page = $("app-prerender");
    if (page) page.remove();
    if (root.dataset.prerender === "on" || root.dataset.prerender === "headline") root.dataset.prerender = "done";
  };

  const showMessage = (text) => {
    removeLoader();
    removePrerender();
    const box = $("boot-error");
    if (box) {
      box.textContent = text;
      box.hidden = false;
    }
  };

  const fail = (what, err) => {
    if (failed) return;
    failed = true;
    root.dataset.boot = "failed";
    // go-app writes a panic of app.RunWhenOnBrowser into the loader's label
    // (displayLoadError) before the program exits: keep it.
    const label = $("app-wasm-loader-label");
    const goError = label && !/^(Loading|Starting)/.test(label.textContent) ? label.textContent : "";
    const reason = [err && err.message ? err.message : err, goError].filter(Boolean).join(": ");
    const detail = reason ? ` (${reason})` : "";
    console.error(`dashboard: ${what}${detail}`);
    showMessage(`${what}${detail}. Reload the page to try again.`);
    // After the dashboard was shown, the message must not hide below it.
    const box = $("boot-error");
    if (ready && box) box.classList.add("boot-banner");
  };

  // ---------------------------------------------------------------------------
  // Readiness: the app's root carries data-ready="figures" once its figures
  // are laid out, the rest of the page on its way: the loader, or the
  // early headline, goes away. It carries data-ready="1" once the whole
  // page is. While the static page is on screen, the live page (hidden
  // meanwhile) takes its place once it no longer says
  // data-settled="false", in the same task: no frame shows both or
  // neither.
  // ---------------------------------------------------------------------------
  const watchReady = () => {
    let observer = null;
    let timer = 0;
    let forced = false;
    const check = () => {
      if (failed || ready) return true; // stop watching
      if (root.dataset.prerender !== "on" && document.querySelector('[data-ready="figures"]')) {
        // The live page's own headline, the same figures, takes the early
        // one's place.
        removePrerender();
        removeLoader();
      }
      const live = document.querySelector('[data-ready="1"]');
      if (!live) return false;
      if (root.dataset.prerender === "on" && live.dataset.settled === "false" && !forced) {
        if (!timer) {
          timer = setTimeout(() => {
            forced = true;
            if (check() && observer) observer.disconnect();
          }, settleWait);
        }
        return false;
      }
      clearTimeout(timer);
      ready = true;
      removePrerender();
      root.dataset.boot = "ready";
      removeLoader();
      return true;
    };
    if (check()) return;
    observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-ready", "data-settled"],
    });
  };

  // ---------------------------------------------------------------------------
  // Fetch app.wasm with byte progress, compiling it as it arrives.
  //
  // The stream yields decoded bytes. When the response is compressed,
  // Content-Length is the compressed size, so it is not used as the total;
  // the server's X-Decoded-Content-Length is used when present, otherwise the
  // bar is indeterminate. The bytes pass through a counter to
  // WebAssembly.instantiateStreaming (as application/wasm, whatever type the
  // server gave): the main thread never copies them, and the compile runs
  // while they arrive.
  // ---------------------------------------------------------------------------
  const instantiateWasm = async (url, importObject) => {
    const resp = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
    if (!resp.ok) throw new Error(`HTTP ${resp.status} ${resp.statusText} for ${url.pathname}`);

    const encoding = (resp.headers.get("Content-Encoding") || "identity").trim().toLowerCase();
    let total = parseInt(resp.headers.get("X-Decoded-Content-Length") || "", 10);
    if (!(total > 0) && encoding === "identity") {
      total = parseInt(resp.headers.get("Content-Length") || "", 10);
    }
    if (!(total > 0)) total = 0;

    const arrived = () => {
      root.dataset.boot = "starting";
      setLabel("Starting…");
    };
    if (!resp.body || typeof TransformStream !== "function" || typeof WebAssembly.instantiateStreaming !== "function") {
      showProgress(0, 0);
      const bytes = await resp.arrayBuffer();
      arrived();
      return WebAssembly.instantiate(bytes, importObject);
    }
    let loaded = 0;
    showProgress(0, total);
    const counted = resp.body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        showProgress(loaded, total);
        controller.enqueue(chunk);
      },
      flush: arrived,
    }));
    return WebAssembly.instantiateStreaming(new Response(counted, { headers: { "Content-Type": "application/wasm" } }), importObject);
  };

  const start = async () => {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      root.dataset.boot = "nowasm";
      showMessage("This dashboard needs WebAssembly, which this browser does not offer " +
        "(or it is turned off). Use a current version of Firefox, Chrome, Edge or Safari.");
      return;
    }
    if (typeof Go !== "function") {
      fail("The dashboard could not be loaded: wasm_exec.js is missing");
      return;
    }

    watchReady();

    let instance;
    const go = new Go();
    let exitCode = 0;
    const goExit = go.exit;
    go.exit = (code) => { exitCode = code; goExit.call(go, code); };
    try {
      // On two cores, app.wasm arriving and compiling slows the worker's
      // headline by half a second: it waits for it (at most headlineWait),
      // unless the query has a presentation parameter, which the early
      // headline never shows (the static page lists them).
      const staticDash = document.querySelector("#app-prerender #dash");
      const viewKeys = (staticDash && staticDash.dataset.viewKeys || "").split(" ").filter(Boolean);
      const query = new URLSearchParams(location.search);
      if (viewKeys.some((k) => query.has(k))) settleHeadline();
      await Promise.race([headlineSettled, new Promise((resolve) => setTimeout(resolve, headlineWait))]);
      instance = (await instantiateWasm(new URL("app.wasm", webURL), go.importObject)).instance;
    } catch (err) {
      fail("The dashboard could not be loaded", err);
      return;
    }

    // go.run resolves when the Go program exits. A go-app program never exits
    // on its own, so an exit means a crash (a panic is printed to the console).
    go.run(instance).then(
      () => fail(ready ? "The dashboard stopped" : "The dashboard stopped while starting",
        exitCode ? `exit code ${exitCode}` : ""),
      (err) => fail("The dashboard stopped", err),
    );
  };

  // whenParsed runs f once index.html is parsed.
  function whenParsed(f) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", f, { once: true });
    else f();
  }

  startWorker();
  whenParsed(start);
})();
