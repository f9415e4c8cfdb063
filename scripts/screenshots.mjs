#!/usr/bin/env node
// The README's reader-page screenshots (issue 16), from a running, seeded service:
//   npm start                      (an empty data directory seeds the sample on first start,
//   npm run cli -- seed             or seed it by hand)
//   node scripts/screenshots.mjs [base-url]      default http://127.0.0.1:3000
// writes docs/images/timeline-2025-05-16-{1280,390}.png, timeline-2025-05-12-{1280,390}.png and
// story-{1280,390}.png: what the first screen shows at each width; and, at 1280 px only, the
// README's first-start.png (GET /, a taller screen) and reader-page.png (1 to 16 May). Chromium is the system's
// (/usr/bin/chromium, or DATELINE_CHROMIUM), driven by playwright-core as the browser tests do.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const story = 'istanbul-peace-talks-2025';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** [file name, path, viewports]; a name with one viewport has no width suffix. */
const pages = [
  ['timeline-2025-05-16', '/?from=2025-05-16&to=2025-05-16', [DESKTOP, PHONE]],
  ['timeline-2025-05-12', '/?from=2025-05-12&to=2025-05-12', [DESKTOP, PHONE]],
  ['story', `/stories/${story}`, [DESKTOP, PHONE]],
  ['first-start', '/', [{ width: 1280, height: 1400 }]],
  ['reader-page', '/?from=2025-05-01&to=2025-05-16', [DESKTOP]],
];

const browser = await chromium.launch({
  executablePath: process.env.DATELINE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  mkdirSync('docs/images', { recursive: true });
  for (const [name, path, viewports] of pages) {
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      // A page that is not there (no seed, wrong address) must not become a README image.
      if (!res || res.status() !== 200) throw new Error(`${base}${path} answered ${res?.status() ?? 'nothing'}: is the service seeded?`);
      const file = viewports.length === 1 ? `docs/images/${name}.png` : `docs/images/${name}-${viewport.width}.png`;
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
