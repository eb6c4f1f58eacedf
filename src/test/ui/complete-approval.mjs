// Completes an Open Forge approval in Operaton Tasklist, in a real browser, as a reviewer would:
// log in, open the task, check that its form renders what is to be reviewed, claim it, decide, complete.
// Driven by the Java test TasklistBrowserTest, which prepares the engagement and checks the outcome.
// Settings come from the environment: BASE_URL, TASKLIST_USER, TASKLIST_PASSWORD, TASK_NAME, EXPECT_TEXT,
// DECISION_LABEL, COMMENT, SCREENSHOT_DIR, CHROMIUM.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const env = (name, fallback) => process.env[name] ?? fallback;
const base = env('BASE_URL', 'http://localhost:8080');
const shots = env('SCREENSHOT_DIR', 'target/ui');
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(20000);
const step = (message) => console.log(`[tasklist] ${message}`);
try {
  step(`log in to ${base} as ${env('TASKLIST_USER')}`);
  await page.goto(`${base}/operaton/app/tasklist/default/`);
  // the login form is re-rendered while the app starts (a fill could land in the field focused then): wait for it
  // to settle, fill the fields by type, and fill again until both hold what was typed
  await page.waitForLoadState('networkidle');
  const user = page.locator('input[type="text"]').first();
  const password = page.locator('input[type="password"]').first();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await user.fill(env('TASKLIST_USER'));
    await password.fill(env('TASKLIST_PASSWORD'));
    if (await user.inputValue() === env('TASKLIST_USER')
        && await password.inputValue() === env('TASKLIST_PASSWORD')) {
      break;
    }
    await page.waitForTimeout(500);
  }
  await page.getByRole('button', { name: 'Log in' }).click();

  const name = env('TASK_NAME');
  step(`open the task "${name}"`);
  const task = page.locator('.tasks-list li.task', { hasText: name }).first();
  await task.waitFor();
  await task.locator('a, h4, .names').first().click();

  step('check the form renders');
  await page.getByText('Decision', { exact: false }).first().waitFor();
  const expected = env('EXPECT_TEXT', '');
  for (const text of expected.split('|').filter(Boolean)) {
    await page.locator('.form-js, form').getByText(text, { exact: false }).first().waitFor();
    step(`form shows "${text}"`);
  }
  await page.screenshot({ path: `${shots}/form.png`, fullPage: true });

  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) {
    step('claim');
    await claim.click();
    await claim.waitFor({ state: 'detached' });
  }

  step(`decide "${env('DECISION_LABEL')}"`);
  await page.getByLabel(env('DECISION_LABEL'), { exact: true }).check();
  await page.getByLabel('Comment').fill(env('COMMENT', 'decided in Tasklist'));

  step('complete');
  const complete = page.getByRole('button', { name: 'Complete' });
  await complete.click();
  await page.locator('.tasks-list li.task', { hasText: name }).first().waitFor({ state: 'detached' });
  await page.screenshot({ path: `${shots}/completed.png`, fullPage: true });
  step('completed');
  await browser.close();
} catch (error) {
  await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {});
  console.error(`[tasklist] FAILED: ${error.message}`);
  await browser.close();
  process.exit(1);
}
