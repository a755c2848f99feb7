// Screenshots of the main pages at 1366×768 and 390×844 for docs/screenshots (see scripts/screenshots.sh).
// Usage: node scripts/screenshots.mjs BASE_URL OUT_DIR PLAYWRIGHT_PACKAGE_DIR
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, out, packageDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { chromium } = require(path.resolve(packageDir));

const shots = [
  ['uo', 'demo-uo-1', '/', 'home'],
  ['uo', 'demo-uo-1', '/Results/Tables/t4?level=9', 'results-table'],
  ['uo', 'demo-uo-1', '/Registry/Participants', 'participants'],
  ['uo', 'demo-uo-1', '/Registry/Participants/Edit', 'participant-new'],
  ['viewer', 'demo-view-1', '/Registry/Participants', 'participants-observer'],
];
const sizes = [[1366, 768, 'desktop'], [390, 844, 'phone']];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [width, height, label] of sizes) {
    const contexts = new Map();
    for (const [user, password, url, name] of shots) {
      if (!contexts.has(user)) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'ru-RU' });
        const page = await context.newPage();
        await page.goto(base + '/Account/Login');
        await page.getByLabel('Имя пользователя').fill(user);
        await page.getByLabel('Пароль').fill(password);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.waitForURL(base + '/');
        contexts.set(user, page);
      }
      const page = contexts.get(user);
      await page.goto(base + url);
      await page.screenshot({ path: path.join(out, `${name}-${label}.png`), fullPage: false });
      console.log(`${name}-${label}.png`);
    }
  }
} finally {
  await browser.close();
}
