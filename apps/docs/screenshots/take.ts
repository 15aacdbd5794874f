// The README's screenshots, taken from the built site served by `serveDocs` with the real mocks on
// free ports, in Debian's chromium (the browser tests' launcher): a reference page with its code
// samples, and the try-it console after Send. Run with `pnpm docs:screenshots`; commit the PNGs.
// Where Debian's pngquant is installed (`apt-get install pngquant`), the PNGs are quantised to
// about a third of their size; without it they are kept as Chromium writes them.
import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_SETUP_TIMEOUT, launchChromium, serveDocsWithMocks, waitForRedoc } from '../test/browser.js';

const OUT = fileURLToPath(new URL('./', import.meta.url));
const VIEWPORT = { width: 1366, height: 900 };

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDocsWithMocks();
}, BROWSER_SETUP_TIMEOUT);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** pngquant in place when it is installed; a missing pngquant is not an error. */
function compress(path: string) {
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality', '70-95', '--output', path, path]);
  } catch (error) {
    const code = (error as { code?: string; status?: number }).code;
    // ENOENT: not installed. Status 98/99: quantising would not make it smaller or good enough.
    if (code !== 'ENOENT' && ![98, 99].includes((error as { status?: number }).status ?? 0)) throw error;
  }
}

async function shoot(name: string, take: (page: import('playwright-core').Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await take(page);
    const path = `${OUT}${name}.png`;
    await page.screenshot({ path, scale: 'css' });
    compress(path);
    const { size } = await stat(path);
    console.log(
      `screenshots/${name}.png: ${VIEWPORT.width}×${VIEWPORT.height}, ${Math.round(size / 1024)} KB`,
    );
    expect(size).toBeGreaterThan(25_000);
  } finally {
    await context.close();
  }
}

it('reference.png: Scanner.list with its curl sample', async () => {
  await shoot('reference', async (page) => {
    await page.goto(`${server.url}/container-registry.html#/scanner/scanner_list`, { waitUntil: 'load' });
    await waitForRedoc(page);
    await page.getByText('curl --get', { exact: false }).first().waitFor();
    await page.waitForTimeout(500);
  });
});

it('try-it.png: the console after Send, answer and curl beside the form', async () => {
  await shoot('try-it', async (page) => {
    await page.goto(`${server.url}/try.html#container-registry/Scanner_list`, { waitUntil: 'load' });
    await page.getByText('Requests go to the local', { exact: false }).waitFor();
    await page.locator('#param-pageSize').fill('2');
    await page.getByTestId('try-send').click();
    await page.getByTestId('try-status').filter({ hasText: '200' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  });
});
