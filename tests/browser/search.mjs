// The search page: typing a query lists the matching sources, claims,
// actors and quotes, each linking to its page, with no request leaving the
// site. Run by tests/it/browser.rs against a running `parallax serve`.
//
// usage: node search.mjs SEARCH_URL  (prints one JSON line)
import { launch } from "./browser.mjs";

const [url] = process.argv.slice(2);
const { browser, fail } = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const origin = new URL(url).origin;
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(origin)) outside.push(r.url()); });
  await page.goto(url);
  const results = page.locator("#search-results li");
  const search = async (query) => {
    await page.fill("#search-q", "");
    await page.type("#search-q", query, { delay: 20 });
    await page.waitForFunction((q) => {
      const s = document.getElementById("search-status").textContent;
      return s !== "" && new URL(location.href).searchParams.get("q") === q;
    }, query, { timeout: 5000 });
    return results.evaluateAll((lis) => lis.map((li) => ({
      kind: li.className.replace("result ", ""),
      text: li.querySelector("a").textContent,
      href: li.querySelector("a").href,
    })));
  };
  const found = {};
  // A prefix finds the word; accents and case do not matter.
  found.claim = await search("CHEES");
  if (!found.claim.some((r) => r.kind === "claim" && r.href.endsWith("/claims/moon-cheese/")))
    await fail(`no claim result for "CHEES": ${JSON.stringify(found.claim)}`);
  found.source = await search("gorgonzola fromagère");
  if (found.source.length !== 1 || !found.source[0].href.endsWith("/sources/gorgonzola/"))
    await fail(`"gorgonzola fromagère" should find the one source: ${JSON.stringify(found.source)}`);
  found.quote = await search("crust");
  const quote = found.quote.find((r) => r.kind === "quote");
  if (!quote || !/\/sources\/gorgonzola\/#q\d+$/.test(quote.href))
    await fail(`no quote result for "crust": ${JSON.stringify(found.quote)}`);
  found.actor = await search("armstrong");
  if (!found.actor.some((r) => r.kind === "actor" && r.text === "Neil Armstrong"))
    await fail(`no actor result for "armstrong": ${JSON.stringify(found.actor)}`);
  const none = await search("zzzzqx");
  if (none.length !== 0) await fail(`results for nonsense: ${JSON.stringify(none)}`);
  // Following a result opens the page it names, at the passage.
  await search("crust");
  await page.locator("#search-results li.quote a").first().click();
  await page.waitForURL((u) => u.pathname === "/sources/gorgonzola/");
  const target = await page.evaluate(() => {
    const el = document.getElementById(location.hash.slice(1));
    return el ? el.textContent : null;
  });
  if (!target || !target.includes("crust")) await fail(`the quote's anchor does not hold it: ${target}`);
  if (outside.length) await fail(`requests outside the site: ${outside.join(", ")}`);
  console.log(JSON.stringify({ ok: true, found }));
  await browser.close();
} catch (e) {
  await fail(String(e));
}
