// Accessibility and small screens: axe-core on each page, and at 390 px
// wide no horizontal overflow and no text under 12 px. Screenshots of each
// page at 1280 and 390 px go to SHOT_DIR. Run by tests/it/browser.rs
// against a running `parallax serve`.
//
// usage: node a11y.mjs SHOT_DIR NAME=URL...  (prints one JSON line)
import { launch } from "./browser.mjs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [shots, ...pages] = process.argv.slice(2);
const { browser, fail } = await launch();
const results = {};
try {
  for (const arg of pages) {
    const at = arg.indexOf("=");
    const [name, url] = [arg.slice(0, at), arg.slice(at + 1)];
    const result = { violations: [] };
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response || response.status() !== 200) await fail(`${url} answered ${response && response.status()}`);
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false });
      await page.addScriptTag({ path: axePath });
      const axe = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.length, example: v.nodes[0] && v.nodes[0].target.join(" "),
          summary: v.nodes[0] && v.nodes[0].failureSummary,
        }));
      });
      for (const v of axe) result.violations.push({ width, ...v });
      if (width === 390) {
        Object.assign(result, await page.evaluate(() => {
          const doc = document.documentElement;
          // The smallest font of any visible text, and where it is.
          let min = Infinity, where = "";
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim()) continue;
            const el = n.parentElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            if (style.visibility === "hidden" || style.display === "none" || box.width === 0 || box.height === 0) continue;
            if (el.closest(".visually-hidden, [hidden]")) continue;
            // SVG text is scaled with its chart: measure it as drawn.
            let size = parseFloat(style.fontSize);
            if (el instanceof SVGElement && el.ownerSVGElement) {
              const svg = el.ownerSVGElement;
              const vb = svg.viewBox && svg.viewBox.baseVal;
              if (vb && vb.width) size *= svg.getBoundingClientRect().width / vb.width;
            }
            if (size < min) { min = size; where = `${el.tagName.toLowerCase()}.${el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className}: ${n.textContent.trim().slice(0, 40)}`; }
          }
          return {
            overflow: doc.scrollWidth - doc.clientWidth,
            min_font: Math.round(min * 10) / 10,
            min_font_at: where,
          };
        }));
      }
      await page.close();
    }
    results[name] = result;
  }
  console.log(JSON.stringify({ ok: true, pages: results }));
} catch (e) {
  await fail(e.stack || String(e));
}
await browser.close();
