import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("file:///work/wt-16/dist/docs/clicksend.html#/webhooks/webhooks/sms-delivery-receipt");
await page.waitForTimeout(2500);
const out = await page.evaluate(() => {
  const groups = [...document.querySelectorAll<HTMLElement>('[data-component-name="Menu/MenuItem"]')].slice(0, 40).map((g) => g.className.replace(/sc-\S+/g, "").trim() + " | " + g.innerText.split("\n")[0]);
  const sec = document.querySelector('[data-section-id="/webhooks/webhooks/sms-delivery-receipt"]') as HTMLElement;
  const dds = sec ? [...sec.querySelectorAll('[data-component-name="Dropdown/Dropdown"]')].map((d) => (d as HTMLElement).innerText) : null;
  return { groups, dds };
});
console.log(JSON.stringify(out, null, 1));
await page.screenshot({ path: "/tmp/t16/shot.png" });
await browser.close();
