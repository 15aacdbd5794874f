// The static files opened straight from disk (file://): no server, no network.
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSpec, operations, specApis } from '../src/spec.mjs';
import {
  BROWSER_SETUP_TIMEOUT,
  BROWSER_TEST_TIMEOUT,
  DIST,
  foreignRequests,
  launchChromium,
  openOperation,
  openPage,
  screenshotNotBlank,
  visibleLines,
  visibleText,
  waitForRedoc,
} from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, BROWSER_SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
});

const indexUrl = pathToFileURL(`${DIST}index.html`).href;

it(
  'index.html and every API page work from disk, with no request but file://',
  async () => {
    const { context, page, requests, errors } = await openPage(browser);
    try {
      await page.goto(indexUrl, { waitUntil: 'load' });
      await screenshotNotBlank(page, 'file-index');
      for (const api of specApis()) {
        const spec = loadSpec(api);
        await page.goto(indexUrl, { waitUntil: 'load' });
        // Follow the index's own link, as a reader would.
        await page.locator(`section#${api} a[href="${api}.html"]`).click();
        await page.waitForURL(pathToFileURL(`${DIST}${api}.html`).href);
        await waitForRedoc(page);
        expect(await visibleText(page.getByRole('heading', { level: 1 }).first())).toContain(spec.info.title);
        await screenshotNotBlank(page, `file-${api}`);
        // One operation, opened from the sidebar: the hash routing works without a server.
        const [op] = operations(spec);
        if (!op) throw new Error(`${api}: the spec has no operation`);
        const tag = spec.tags?.find((t: { name: string }) => t.name === op.tags[0]);
        const section = await openOperation(page, op.summary, tag?.['x-displayName'] ?? tag?.name);
        const lines = await visibleLines(section);
        expect(op.parameters.map((p) => p.name).filter((name) => !lines.includes(name))).toEqual([]);
      }
      expect(errors).toEqual([]);
      expect(foreignRequests(requests, 'file://')).toEqual([]);
    } finally {
      await context.close();
    }
  },
  BROWSER_TEST_TIMEOUT,
);

it(
  'try.html from disk shows the form and says Send needs `pnpm start`, with no request but file://',
  async () => {
    const { context, page, requests, errors } = await openPage(browser);
    try {
      await page.goto(`${pathToFileURL(`${DIST}try.html`).href}#gecko/getApiV1Scans`, { waitUntil: 'load' });
      const banner = await visibleText(page.getByTestId('try-banner'));
      expect(banner).toContain('opened from disk');
      expect(banner).toContain('pnpm start');
      expect(await page.getByTestId('try-send').isDisabled()).toBe(true);
      expect(await visibleText(page.locator('#try-title'))).toBe('List scans');
      expect(await page.locator('#param-limit').count()).toBe(1);
      await screenshotNotBlank(page, 'file-try');
      expect(errors).toEqual([]);
      expect(foreignRequests(requests, 'file://')).toEqual([]);
    } finally {
      await context.close();
    }
  },
  BROWSER_TEST_TIMEOUT,
);
