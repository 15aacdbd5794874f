// The try-it console in Chromium, at a desktop and a phone width, against the real mocks (each on a
// free port) behind the docs server's `/try/<api>/...` proxy. For every operation of every spec:
// a 200 valid against the spec, a 400 from a bad value, a 401 from a removed credential, and a
// second page through "Next page"; plus the console's own messages when the mocks are not running.
import { checkResponse, createAjv, listOperations, loadSpec as loadToolsSpec } from '@scanapis/spec-tools';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../serve.mjs';
import { loadSpec, operations, specApis, specFile } from '../src/spec.mjs';
import {
  BROWSER_SETUP_TIMEOUT,
  BROWSER_TEST_TIMEOUT,
  DIST,
  foreignRequests,
  launchChromium,
  openPage,
  screenshotNotBlank,
  serveDocsWithMocks,
  visibleText,
  waitForRedoc,
} from './browser.js';

const VIEWPORTS = [
  ['desktop', { width: 1366, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDocsWithMocks>>;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDocsWithMocks();
}, BROWSER_SETUP_TIMEOUT);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** Sends the form and waits for the answer; returns the status, headers and parsed body. */
async function send(page: Page, button = 'try-send') {
  const status = page.getByTestId('try-status');
  await status.evaluate((el) => {
    el.textContent = '';
  });
  await page.getByTestId(button).click();
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe('');
  const code = Number(await status.getAttribute('data-status'));
  const headers = await page
    .getByTestId('try-headers')
    .evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('dt')].map((dt) => [
          dt.textContent ?? '',
          dt.nextElementSibling?.textContent ?? '',
        ]),
      ),
    );
  const body = JSON.parse((await page.getByTestId('try-body').textContent()) ?? '');
  return { code, headers, body };
}

function itemsOf(body: unknown, field: string): unknown[] {
  let node = body as Record<string, unknown> | undefined;
  for (const key of field.split('.')) node = node?.[key] as Record<string, unknown> | undefined;
  return Array.isArray(node) ? node : [];
}

describe.each(VIEWPORTS)('try.html on a %s screen', (viewportName, viewport) => {
  for (const api of specApis()) {
    const spec = loadSpec(api);
    const ajv = createAjv();
    const toolsOps = listOperations(loadToolsSpec(specFile(api)));

    describe.each(operations(spec).map((op) => [op.operationId, op] as const))(`${api} %s`, (_id, op) => {
      const toolsOp = toolsOps.find((o) => o.operationId === op.operationId)!;
      const check = (answer: Awaited<ReturnType<typeof send>>) =>
        checkResponse(ajv, toolsOp, { status: answer.code, headers: answer.headers, body: answer.body });

      it(
        'a 200, a 400 from a bad value, a 401 without the credential, and the next page',
        async () => {
          const { context, page, requests, errors } = await openPage(browser);
          try {
            await page.setViewportSize(viewport);
            await page.goto(`${server.url}/try.html#${api}/${op.operationId}`, { waitUntil: 'load' });
            await expect
              .poll(() => visibleText(page.getByTestId('try-banner')))
              .toContain(`Requests go to the local ${spec.info.title} mock`);
            expect(await page.getByTestId('try-operation').inputValue()).toBe(`${api}/${op.operationId}`);
            expect(await visibleText(page.locator('#try-title'))).toBe(op.summary);
            // The form has a control for every parameter, with its bounds and enums in the hint.
            for (const p of op.parameters) {
              expect(await page.locator(`#param-${p.name}`).count(), p.name).toBe(1);
              if (p.schema.enum) {
                const options = await page.locator(`#param-${p.name} option`).allTextContents();
                expect(options.slice(1)).toEqual(p.schema.enum.map(String));
              }
              if (p.schema.maximum !== undefined && p.schema.maximum <= Number.MAX_SAFE_INTEGER) {
                expect(await visibleText(page.locator(`#param-${p.name}-hint`))).toContain(
                  String(p.schema.maximum),
                );
              }
            }
            for (const [index, group] of op.oneOf.entries()) {
              const radios = page.locator(`input[name="oneof-${index}"]`);
              expect(await radios.count()).toBe(group.length);
            }

            // 1. As prefilled: 200, valid against the spec.
            const ok = await send(page);
            expect(ok.code).toBe(200);
            expect(check(ok)).toEqual([]);
            const curl = (await page.getByTestId('try-curl').textContent()) ?? '';
            const mockUrl = server.mocks[api]!;
            expect(curl).toContain(`curl --get '${mockUrl}`);
            const ts = (await page.getByTestId('try-ts').textContent()) ?? '';
            expect(ts).toMatch(/import \{ create\w+Client \} from '@scanapis\//);
            expect(ts).toContain(`.GET('${op.path}'`);
            await screenshotNotBlank(page, `try-${viewportName}-${api}-${op.operationId}`);
            expect(
              await page.evaluate(() => document.documentElement.scrollWidth),
              'no horizontal scrolling',
            ).toBeLessThanOrEqual(viewport.width);

            // 2. A bound broken: one above the first parameter's maximum → 400 in the vendor's format.
            const bounded = op.parameters.find((p) => p.schema.maximum !== undefined);
            if (!bounded) throw new Error(`${op.operationId}: no bounded parameter to break`);
            await page.locator(`#param-${bounded.name}`).fill(String(bounded.schema.maximum + 1));
            expect(await visibleText(page.locator(`#param-${bounded.name}-problem`))).toContain(
              `above the maximum ${bounded.schema.maximum}`,
            );
            expect(await page.locator(`#param-${bounded.name}`).getAttribute('aria-invalid')).toBe('true');
            const bad = await send(page);
            expect(bad.code).toBe(400);
            expect(check(bad)).toEqual([]);
            expect(await page.getByTestId('try-curl').textContent()).toContain(
              `${bounded.name}=${bounded.schema.maximum + 1}`,
            );
            await page.locator('#try-reset').click();

            // 3. The credential removed → 401.
            await page.locator('#credential').fill('');
            const unauthorized = await send(page);
            expect(unauthorized.code).toBe(401);
            expect(check(unauthorized)).toEqual([]);
            expect(await page.getByTestId('try-curl').textContent()).not.toContain('--header');
            await page.locator('#try-reset').click();

            // The oneof: switching to another member sends that one instead (and only that one).
            for (const [index, group] of op.oneOf.entries()) {
              const other = group[1]!;
              await page.locator(`input[name="oneof-${index}"][value="${other}"]`).check();
              const switched = await send(page);
              expect(switched.code).toBe(200);
              const sentLine = await visibleText(page.locator('#try-sent'));
              const query = new URL(sentLine.split(' ').at(-1)!, 'http://x').searchParams;
              expect([...query.keys()].filter((k) => group.includes(k))).toEqual([other]);
              await page.locator('#try-reset').click();
            }

            // 4. A small page, then "Next page": another 200 with other items.
            const paging = op.pagination;
            if (!paging) throw new Error(`${op.operationId}: the spec declares no paging`);
            const sizeParam = paging.pageSizeParam ?? paging.limitParam!;
            await page.locator(`#param-${sizeParam}`).fill('2');
            const first = await send(page);
            expect(first.code).toBe(200);
            const firstItems = itemsOf(first.body, paging.itemsField!);
            expect(firstItems).toHaveLength(2);
            expect(await page.getByTestId('try-next').isEnabled()).toBe(true);
            const second = await send(page, 'try-next');
            expect(second.code).toBe(200);
            expect(check(second)).toEqual([]);
            const secondItems = itemsOf(second.body, paging.itemsField!);
            expect(secondItems.length).toBeGreaterThan(0);
            expect(secondItems).not.toEqual(firstItems);
            const sent = await visibleText(page.locator('#try-sent'));
            const param = paging.style === 'token' ? paging.tokenParam! : paging.offsetParam!;
            expect(sent).toContain(paging.style === 'token' ? `${param}=` : `${param}=2`);
            await screenshotNotBlank(page, `try-${viewportName}-${api}-${op.operationId}-page-2`);

            // Chromium reports each error status as "Failed to load resource": exactly the 400 and
            // the 401 sent on purpose, and nothing else.
            const loadErrors = errors.filter((e) => /Failed to load resource: .*status of 40[01]\b/.test(e));
            expect(errors.filter((e) => !loadErrors.includes(e))).toEqual([]);
            expect(loadErrors).toHaveLength(2);
            expect(foreignRequests(requests, server.url)).toEqual([]);
          } finally {
            await context.close();
          }
        },
        BROWSER_TEST_TIMEOUT,
      );
    });
  }
});

describe('reference pages link to the console', () => {
  it.each(specApis())(
    '%s: every operation’s “Try it in the console” opens that operation',
    async (api) => {
      const { context, page, errors } = await openPage(browser);
      try {
        for (const op of operations(loadSpec(api))) {
          await page.goto(`${server.url}/${api}.html${op.anchor}`, { waitUntil: 'load' });
          await waitForRedoc(page);
          await page.locator(`a[href="try.html#${api}/${op.operationId}"]`).first().click();
          await page.waitForURL(`${server.url}/try.html#${api}/${op.operationId}`);
          await expect.poll(() => visibleText(page.locator('#try-title'))).toBe(op.summary);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe('when the mocks are not running', () => {
  it(
    'says so, for a docs server without mocks and for a mock that stopped',
    async () => {
      const { startMock } = (await import('@scanapis/gecko-mock')) as {
        startMock(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
      };
      const stopped = await startMock({ port: 0 });
      await stopped.close();
      const bare = await serveDocs({ port: 0, root: DIST });
      const orphan = await serveDocs({ port: 0, root: DIST, mocks: { gecko: stopped.url } });
      const { context, page } = await openPage(browser);
      try {
        await page.goto(`${bare.url}/try.html#gecko/getApiV1Scans`, { waitUntil: 'load' });
        await expect
          .poll(() => visibleText(page.getByTestId('try-banner')))
          .toContain('The local mocks are not running');
        expect(await visibleText(page.getByTestId('try-banner'))).toContain('pnpm start');
        await page.getByTestId('try-send').click();
        await expect.poll(() => page.getByTestId('try-status').getAttribute('data-status')).toBe('404');
        expect(await visibleText(page.getByTestId('try-banner'))).toContain('pnpm start');

        await page.goto(`${orphan.url}/try.html#gecko/getApiV1Scans`, { waitUntil: 'load' });
        await expect.poll(() => visibleText(page.getByTestId('try-banner'))).toContain('is not running');
        await page.getByTestId('try-send').click();
        await expect.poll(() => page.getByTestId('try-status').getAttribute('data-status')).toBe('502');
        expect(await visibleText(page.getByTestId('try-banner'))).toContain(`${stopped.url} is not running`);
      } finally {
        await context.close();
        await Promise.all([bare.close(), orphan.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
