// Opens a data product's dashboard from its signed link in a real browser, waits for the runtime to render the
// spec over the data API, prints what the KPI cards and charts show as JSON, and takes a screenshot.
// Driven by the Java test DashboardTest. Settings: BASE_URL, LINK, SCREENSHOT, CHROMIUM.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const env = (name, fallback) => process.env[name] ?? fallback;
const screenshot = env('SCREENSHOT', 'target/ui/dashboard.png');
mkdirSync(dirname(screenshot), { recursive: true });

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
page.setDefaultTimeout(20000);
const failures = [];
page.on('pageerror', (error) => failures.push(error.message));
page.on('console', (message) => { if (message.type() === 'error') failures.push(message.text()); });
try {
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(env('BASE_URL') + env('LINK'));
  await page.locator('body[data-ready="true"], #error:not([hidden])').first().waitFor();
  const result = await page.evaluate(() => ({
    url: location.pathname + location.search,
    title: document.getElementById('title').textContent,
    kpis: [...document.querySelectorAll('.kpi')].map((k) => ({
      model: k.dataset.model, column: k.dataset.column, value: k.dataset.value,
      shown: k.querySelector('.value').textContent })),
    charts: document.querySelectorAll('.chart canvas').length,
    tableRows: document.querySelectorAll('.table tr').length,
    error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
    html: document.documentElement.outerHTML,
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  result.failures = failures;
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
}
