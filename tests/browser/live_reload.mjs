// What a person sees in the preview: run by tests/it/browser.rs against a
// running `parallax serve`. Opens a source page in headless Chromium, edits
// its content file on disk, and expects the new text to appear with no
// manual reload and the scroll position kept; then breaks the page and
// expects the error overlay, and fixes it and expects the overlay gone.
//
// usage: node live_reload.mjs URL CONTENT_FILE
import { launch } from "./browser.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const [url, file] = process.argv.slice(2);
const { browser, fail } = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
  await page.goto(url);
  await page.waitForFunction(() => document.body.innerText.includes("first draft"));
  // Wait until the live connection is up before editing.
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 400));
  const scrolled = await page.evaluate(() => window.scrollY);

  const original = readFileSync(file, "utf8");
  const started = Date.now();
  writeFileSync(file, original.replace("first draft", "second draft"));
  await page.waitForFunction(() => document.body.innerText.includes("second draft"), null, { timeout: 10000 })
    .catch(() => fail("the edit did not appear without a manual reload"));
  const latency = Date.now() - started;
  const scrollAfter = await page.evaluate(() => window.scrollY);
  if (Math.abs(scrollAfter - scrolled) > 2) await fail(`scroll position lost: ${scrolled} -> ${scrollAfter}`);

  writeFileSync(file, original.replace("first draft", "second draft").replace('outlet = "daily-planet"', 'outlet = "daily-plante"'));
  const overlay = page.locator("#parallax-overlay");
  await overlay.waitFor({ state: "visible", timeout: 10000 }).catch(() => fail("no error overlay for a broken page"));
  const text = await overlay.innerText();
  if (!text.includes("content/sources/hand.md:3:10")) await fail("overlay lacks file:line:col: " + text);
  if (!(await page.evaluate(() => document.body.innerText.includes("second draft")))) await fail("last good page not kept");

  writeFileSync(file, original.replace("first draft", "third draft"));
  await page.waitForFunction(() => document.body.innerText.includes("third draft") && !document.getElementById("parallax-overlay"),
    null, { timeout: 10000 }).catch(() => fail("overlay not cleared by the next good build"));
  console.log(JSON.stringify({ ok: true, save_to_visible_ms: latency, scroll: scrollAfter }));
} catch (e) {
  await fail(String(e));
}
await browser.close();
