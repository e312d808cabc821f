// Renders resources/icons/icon.svg to the 512×512 icon.png electron-builder makes every
// platform's icon from, with Debian's Chromium: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('resources/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<body style="margin:0">${svg}</body>`);
await page.locator('svg').screenshot({ path: 'resources/icons/icon.png', omitBackground: true });
await browser.close();
