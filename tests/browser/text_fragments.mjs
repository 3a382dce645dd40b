// Report links to passages with no anchor of their own (distinctive words,
// untagged shared passages) use text fragments (#:~:text=…): following one
// must bring the passage into view. Run by tests/it/browser.rs against a
// running `parallax serve`.
//
// usage: node text_fragments.mjs REPORT_URL WORD
import { launch } from "./browser.mjs";

const [url, word] = process.argv.slice(2);
const { browser, fail } = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
  await page.goto(url);
  const link = page.locator("#vocabulary a", { hasText: word }).first();
  if ((await link.count()) === 0) await fail(`no vocabulary link for ${word}`);
  const href = await link.getAttribute("href");
  if (!href.includes(":~:text=")) await fail(`link without a text fragment: ${href}`);
  await link.click();
  await page.waitForURL((u) => u.pathname.startsWith("/sources/"));
  // The browser scrolls to the fragment once the page has laid out.
  let scrolled = 0;
  for (let i = 0; i < 30 && scrolled < 300; i++) {
    await page.waitForTimeout(100);
    scrolled = await page.evaluate(() => window.scrollY);
  }
  if (scrolled < 300) await fail(`the word near the end of the page is not in view (scrollY ${scrolled})`);
  const visible = await page.evaluate((w) => {
    const body = document.querySelector(".body");
    const range = document.createRange();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.toLowerCase().indexOf(w);
      if (i >= 0) {
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        const r = range.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }
    }
    return false;
  }, word);
  if (!visible) await fail(`${word} is not on screen after following ${href}`);
  console.log(JSON.stringify({ ok: true, href, scrolled }));
  await browser.close();
} catch (e) {
  await fail(String(e));
}
