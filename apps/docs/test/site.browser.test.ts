// The built site in real Chromium, served by the same server `pnpm start` uses. Every API, and
// every operation, parameter and response code, is read from the bundled specs.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../serve.mjs';
import { loadSpec, operations, specApis } from '../src/spec.mjs';
import {
  BROWSER_SETUP_TIMEOUT,
  BROWSER_TEST_TIMEOUT,
  DIST,
  foreignRequests,
  launchChromium,
  MIN_TEXT,
  openOperation,
  openPage,
  screenshotNotBlank,
  searchWord,
  visibleLines,
  visibleText,
  waitForRedoc,
} from './browser.js';
import { strayMarkdown } from './markdown.js';

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDocs({ port: 0, root: DIST })]);
}, BROWSER_SETUP_TIMEOUT);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const apis = specApis();

it('covers at least the three APIs', () => {
  expect(apis).toEqual(expect.arrayContaining(['container-registry', 'gecko', 'hss']));
});

describe.each(apis)('%s.html', (api) => {
  const spec = loadSpec(api);
  const ops = operations(spec);
  const tagNames = new Map<string, string>(
    (spec.tags ?? []).map((t: { name: string; 'x-displayName'?: string }) => [
      t.name,
      t['x-displayName'] ?? t.name,
    ]),
  );

  it(
    'renders every operation, parameter name and response code of the spec, with no remote request',
    async () => {
      const { context, page, requests, errors } = await openPage(browser);
      try {
        const response = await page.goto(`${server.url}/${api}.html`, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await waitForRedoc(page);
        await expect
          .poll(() => visibleText(page.getByRole('heading', { level: 1 }).first()))
          .toContain(spec.info.title);
        await screenshotNotBlank(page, api);

        for (const op of ops) {
          const section = await openOperation(page, op.summary, tagNames.get(op.tags[0] ?? '') ?? op.tags[0]);
          expect(await section.isVisible(), `${op.operationId}: section visible`).toBe(true);
          expect(await section.getByText(op.summary, { exact: true }).first().isVisible()).toBe(true);
          const lines = await visibleLines(section);
          const missingParams = op.parameters.map((p) => p.name).filter((name) => !lines.includes(name));
          expect(missingParams, `${op.operationId}: parameters not on the page`).toEqual([]);
          const tabs = await section.getByRole('tab').allInnerTexts();
          const missingCodes = op.responses.filter((code) => !tabs.map((t) => t.trim()).includes(code));
          expect(missingCodes, `${op.operationId}: response codes not on the page`).toEqual([]);
          for (const code of op.responses) {
            const tab = section.getByRole('tab', { name: code, exact: true }).first();
            expect(await tab.isVisible(), `${op.operationId}: response ${code} visible`).toBe(true);
          }
          expect(await strayMarkdown(section), `${op.operationId}: raw Markdown on the page`).toEqual([]);
          expect(
            lines.filter((line) => /x-scanapis-|(?<!--)\bseeds?\b|\bshared\//i.test(line)),
            `${op.operationId}: authoring words a reader would see`,
          ).toEqual([]);
          // The servers panel: the endpoint above the samples opens the list of servers.
          await section.getByText(op.path, { exact: true }).last().click();
          expect(await strayMarkdown(page.locator('body')), `${op.operationId}: servers panel`).toEqual([]);
          const serverText = await visibleText(page.locator('body'));
          for (const s of spec.servers ?? []) {
            if (s.description) expect(serverText).toContain(s.description);
          }
          await page.keyboard.press('Escape');
          // Samples on every operation: the panel offers curl first.
          expect(await visibleText(section)).toContain('curl --get');
        }
        await screenshotNotBlank(page, `${api}-last-operation`);

        const back = await context.request.get(new URL('index.html', page.url()).href);
        expect(back.status(), 'the bar links back to index.html').toBe(200);
        expect(errors).toEqual([]);
        expect(foreignRequests(requests, server.url)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'search finds every operation',
    async () => {
      const { context, page, requests, errors } = await openPage(browser);
      try {
        await page.goto(`${server.url}/${api}.html`, { waitUntil: 'load' });
        await waitForRedoc(page);
        for (const op of ops) {
          const word = searchWord(op.summary);
          await page.getByTestId('search-trigger').click();
          const input = page.locator('[data-component-name="Search/SearchInput"] input');
          await input.fill(word);
          const hit = page
            .locator('[data-component-name="Search/SearchItem"]')
            .filter({ hasText: op.summary });
          await hit.first().waitFor({ state: 'visible' });
          await screenshotNotBlank(page, `${api}-search-${op.operationId}`);
          await hit.first().click();
          await page.waitForFunction((summary) => {
            const id = decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
            return (id && document.getElementById(id)?.textContent?.includes(summary)) ?? false;
          }, op.summary);
          await input.waitFor({ state: 'detached' });
        }
        expect(errors).toEqual([]);
        expect(foreignRequests(requests, server.url)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe('index.html', () => {
  it(
    'lists every API with its operations, and renders with no remote request',
    async () => {
      const { context, page, requests, errors } = await openPage(browser);
      try {
        const response = await page.goto(`${server.url}/`, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await screenshotNotBlank(page, 'index', { fullPage: true });
        expect(await strayMarkdown(page.locator('body')), 'raw Markdown on the index').toEqual([]);
        for (const api of apis) {
          const spec = loadSpec(api);
          const section = page.locator(`section#${api}`);
          expect(await visibleText(section.getByRole('heading', { level: 2 }))).toContain(spec.info.title);
          const text = await visibleText(section);
          for (const op of operations(spec)) {
            expect(text).toContain(`${op.method} ${op.path} — ${op.summary}`);
          }
          for (const server of spec.servers ?? []) expect(text).toContain(server.url);
          expect(await section.locator(`a[href="${api}.html"]`).isVisible()).toBe(true);
        }
        expect(errors).toEqual([]);
        expect(foreignRequests(requests, server.url)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'every link resolves: 200 from the server, and the page loads',
    async () => {
      const { context, page, requests, errors } = await openPage(browser);
      try {
        await page.goto(`${server.url}/`, { waitUntil: 'load' });
        const hrefs = await page
          .locator('a[href]')
          .evaluateAll((links) =>
            links.map((a) => ({ raw: a.getAttribute('href') ?? '', url: (a as HTMLAnchorElement).href })),
          );
        expect(hrefs.length).toBeGreaterThan(apis.length * 3);
        const targets = [...new Set(hrefs.map((h) => h.url.split('#')[0] ?? h.url))];
        for (const target of targets) {
          expect(new URL(target).origin, `${target} is on the docs server`).toBe(server.url);
          const answer = await context.request.get(target);
          expect(answer.status(), target).toBe(200);
        }
        for (const { raw } of hrefs.filter((h) => h.raw.startsWith('#'))) {
          expect(await page.locator(`[id="${raw.slice(1)}"]`).count(), `anchor ${raw}`).toBe(1);
        }
        for (const target of targets) {
          const path = new URL(target).pathname;
          if (path.endsWith('.html') || path.endsWith('/')) {
            const loaded = await page.goto(target, { waitUntil: 'load' });
            expect(loaded?.ok(), target).toBe(true);
            expect((await visibleText(page.locator('body'))).trim().length, target).toBeGreaterThan(MIN_TEXT);
          } else {
            // The bundled specs are downloads: check they are the spec, not an error page.
            const body = await (await context.request.get(target)).text();
            if (path.endsWith('.json')) expect(JSON.parse(body).openapi, target).toMatch(/^3\./);
            else expect(body, target).toMatch(/^openapi: ['"]?3\./m);
          }
        }
        expect(errors).toEqual([]);
        expect(foreignRequests(requests, server.url)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe('index.html on a 390 px phone screen', () => {
  it(
    'fits without horizontal scrolling, and every operation links to its reference section',
    async () => {
      const { context, page, errors } = await openPage(browser);
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${server.url}/`, { waitUntil: 'load' });
        const widths = await page.evaluate(() => ({
          document: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
          widest: Math.max(
            ...[...document.querySelectorAll('body *')]
              .filter((el) => !el.closest('pre'))
              .map((el) => el.getBoundingClientRect().right),
          ),
        }));
        expect(widths.document, 'page width').toBeLessThanOrEqual(390);
        expect(widths.body, 'body width').toBeLessThanOrEqual(390);
        expect(widths.widest, 'no element sticks out').toBeLessThanOrEqual(390);
        await screenshotNotBlank(page, 'index-390', { fullPage: false });
        const table = page.locator('table.summary');
        expect((await table.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
        for (const label of ['Reference', 'Local mock']) {
          expect(await table.locator(`td[data-label="${label}"]`).first().isVisible(), label).toBe(true);
        }

        for (const api of apis) {
          for (const op of operations(loadSpec(api))) {
            await page.goto(`${server.url}/`, { waitUntil: 'load' });
            const link = page.locator(`section#${api} a[href="${api}.html${op.anchor}"]`);
            expect(await visibleText(link)).toBe(op.summary);
            await link.click();
            await page.waitForURL(`${server.url}/${api}.html${op.anchor}`);
            await waitForRedoc(page);
            const id = op.anchor.slice(2);
            const section = page.locator(`[id="${id}"]`);
            await section.waitFor({ state: 'visible' });
            expect(await visibleText(section)).toContain(op.summary);
          }
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
