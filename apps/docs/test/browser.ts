// Shared by the browser tests: Debian's chromium through playwright-core, a fresh context per
// page that records every request and console error, and the Redoc helpers.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveDocs } from '../serve.mjs';
import { specApis } from '../src/spec.mjs';
import { chromiumForTests } from './chromium.js';

/** CHROMIUM_PATH, else Debian's chromium: found, or installed as root (see chromium.ts). */
const found = chromiumForTests();
export const CHROMIUM = found.path ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/**
 * A browser file's set-up budget: Chromium's start (up to 20 s) and, for the try-it files, three
 * mocks; on a loaded 2-core machine that took more than the default 30 s once.
 */
export const BROWSER_SETUP_TIMEOUT = 120_000;
/** Per-test budget: one page load plus its checks. */
export const BROWSER_TEST_TIMEOUT = 30_000;
/** A rendered page has at least this much text... */
export const MIN_TEXT = 400;
/** ...and a 1280×800 screenshot of it is not one flat colour (a blank one is ~5 KB). */
export const MIN_SCREENSHOT_BYTES = 25_000;

export async function launchChromium(): Promise<Browser> {
  if (found.error) throw found.error;
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request URL the context made, in order (pages, workers, blobs). */
  requests: string[];
  /** Console errors, uncaught page errors and failed requests. */
  errors: string[];
}

/** A fresh context and page that records every request and every error. */
export async function openPage(browser: Browser): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // ERR_ABORTED: the page navigated away while the request (e.g. Redoc's search worker) ran.
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} (${reason})`);
  });
  context.on('weberror', (error) => errors.push(`page error: ${error.error().message}`));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { context, page, requests, errors };
}

/** Requests that leave the allowed origin (`blob:` and `data:` URLs of the page itself are local). */
export function foreignRequests(requests: string[], origin: string): string[] {
  const blobPrefix = `blob:${origin === 'file://' ? 'null' : origin}/`;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith(blobPrefix)) return false;
    if (origin === 'file://') return !url.startsWith('file://');
    return new URL(url).origin !== origin;
  });
}

/**
 * Waits until Redoc has hydrated the prerendered page: the "API docs by Redoc" logo is only
 * rendered by a client-side effect, so once it is in the DOM the buttons work.
 */
export async function waitForRedoc(page: Page): Promise<void> {
  await page.locator('img[alt="redocly logo"]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** The rendered text of an element: unlike textContent, innerText skips what is collapsed or hidden. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the tests are about what a reader sees.
  return locator.evaluate((el) => (el as HTMLElement).innerText);
}

/** The lines of a locator's visible text, trimmed. */
export async function visibleLines(locator: Locator): Promise<string[]> {
  return (await visibleText(locator)).split('\n').map((line) => line.trim());
}

/**
 * Saves a screenshot under test-results/screenshots/ and checks the page is not blank: enough
 * visible text, and an image that is not one flat colour.
 */
export async function screenshotNotBlank(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  const png = await page.screenshot({ path, fullPage: options.fullPage ?? false });
  const text = await visibleText(page.locator('body'));
  expect(text.trim().length, `${name}: visible text`).toBeGreaterThan(MIN_TEXT);
  expect(png.byteLength, `${name}: screenshot bytes (a blank page is tiny)`).toBeGreaterThan(
    MIN_SCREENSHOT_BYTES,
  );
  return path;
}

/**
 * Opens one operation the way a reader does: from the sidebar (expanding its tag group if the
 * operation is not listed yet). Redoc then routes to `#/<tag>/<operation>` and scrolls the
 * operation into view; returns the operation's section, found by that route.
 */
export async function openOperation(page: Page, summary: string, tag: string | undefined): Promise<Locator> {
  const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
  const item = sidebar.getByText(summary, { exact: true }).first();
  if (!(await item.isVisible()) && tag) {
    await sidebar.getByText(tag, { exact: true }).first().click();
  }
  await item.click();
  await page.waitForFunction(
    (target) => {
      const id = decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
      const el = id ? document.getElementById(id) : null;
      return el?.textContent?.includes(target) ?? false;
    },
    summary,
    { timeout: 10_000 },
  );
  const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/?/, ''));
  return page.locator(`[id="${id.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"]`);
}

/** The word of a summary most likely to find it in search: its longest word. */
export function searchWord(summary: string): string {
  const words = summary.match(/[A-Za-z]{4,}/g) ?? [summary];
  return words.reduce((best, word) => (word.length > best.length ? word : best));
}

/** The built site served by `serveDocs` on a free port, with every API's real mock behind `/try/<api>/`. */
export async function serveDocsWithMocks(): Promise<{
  url: string;
  /** Each API's mock URL. */
  mocks: Record<string, string>;
  close(): Promise<void>;
}> {
  const mocks: { close(): Promise<void> }[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const api of specApis()) {
      const { startMock } = (await import(`@scanapis/${api}-mock`)) as {
        startMock(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
      };
      const mock = await startMock({ port: 0 });
      mocks.push(mock);
      urls[api] = mock.url;
    }
    const server = await serveDocs({ port: 0, root: DIST, mocks: urls });
    return {
      url: server.url,
      mocks: urls,
      close: async () => {
        await Promise.all([server.close(), ...mocks.map((m) => m.close())]);
      },
    };
  } catch (error) {
    await Promise.all(mocks.map((m) => m.close()));
    throw error;
  }
}
