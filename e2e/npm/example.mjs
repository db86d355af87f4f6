// An example test another team could copy: it drives the dashboard with
// Playwright (playwright-core and the system Chromium) through the names of
// the contract in docs/testing.md, and nothing else.
//
//   node example.mjs http://localhost:8000/
//
// Exit status 0 when every check holds; 1 with a message otherwise.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const base = process.argv[2];
if (!base) {
  console.error("usage: node example.mjs BASE_URL");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(new URL("?oracle.value=150", base).href);

  // Ready: the promise of the test object, then the page's own attribute.
  await page.waitForFunction(() => window.computedash && window.computedash.version === 1);
  await page.evaluate(() => window.computedash.ready);
  await page.waitForSelector('#dash[data-ready="1"]');

  // The scenario as the page reads it, and its summary.
  assert.equal(await page.evaluate(() => window.computedash.query()), "oracle.value=150");
  const summary = await page.evaluate(() => window.computedash.summary());
  const raw = await page.getAttribute('[data-figure="funding_need"]', "data-raw");
  assert.equal(raw, summary.funding_need, "the figure's data-raw is the summary's funding need");

  // Move a slider like a user: focus it and press the right arrow key
  // ten times; wait for the scenario to change.
  const gen = await page.getAttribute("#dash", "data-gen");
  const slider = page.locator('input[type=range][data-input="aws.value"]');
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press("ArrowRight");
  await page.waitForFunction((g) => document.querySelector("#dash").dataset.gen !== g, gen);
  const query = await page.evaluate(() => window.computedash.query());
  assert.match(query, /aws\.value=39(&|$)/, `the query follows the slider: ${query}`);

  // Charts catch up, then the risk analysis.
  await page.waitForFunction(() => [...document.querySelectorAll("figure.chart[data-chart]")]
    .filter((f) => !["cash", "tornado"].includes(f.dataset.chart))
    .every((f) => f.dataset.stale === "false"));
  await page.waitForSelector('#dash[data-risk="ready"]', { timeout: 30000 });

  // The whole result, as the download gives it.
  const doc = JSON.parse(await page.evaluate(() => window.computedash.exportJSON()));
  assert.equal(doc.summary.funding_need, await page.getAttribute('[data-figure="funding_need"]', "data-raw"));
  assert.equal(doc.inputs["aws.value"], 39);
  assert.equal(doc.inputs["oracle.value"], 150);
  assert.ok(doc.risk && doc.risk.tornado.length > 0, "the export carries the risk analysis");

  // A notice for a parameter that is not used as given.
  await page.goto(new URL("?aws.value=abc", base).href);
  await page.waitForSelector('#dash[data-ready="1"]');
  const notices = await page.locator(".notices li[data-notice]").allTextContents();
  assert.equal(notices.length, 1);
  assert.ok(notices[0].includes("aws.value"), notices[0]);

  console.log("example: every check holds");
} catch (err) {
  console.error("example: " + (err && err.stack || err));
  process.exitCode = 1;
} finally {
  await browser.close();
}
