// What the browser scripts share: headless Chromium as CI installs it
// (Debian's package, or $CHROMIUM), and failing with a message.
import { chromium } from "playwright-core";

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const fail = async (message) => {
    console.error("FAIL: " + message);
    await browser.close();
    process.exit(1);
  };
  return { browser, fail };
}
