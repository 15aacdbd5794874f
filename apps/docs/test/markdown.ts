// Raw Markdown a reader would see: backticks or `**` in visible text outside code. Code blocks,
// inline code, the samples panel and JSON viewers may hold both legitimately.
import type { Locator } from 'playwright-core';

const CODE =
  'pre, code, script, style, textarea, [data-component-name^="CodeBlock"], [data-component-name^="JsonViewer"]';

/** Every visible text run under `root` (outside code) that contains a backtick or `**`. */
export async function strayMarkdown(root: Locator): Promise<string[]> {
  return root.evaluate((element, codeSelector) => {
    const hits: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(codeSelector)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const text = node.textContent ?? '';
      if (text.includes('`') || text.includes('**')) hits.push(text.trim().slice(0, 160));
    }
    return hits;
  }, CODE);
}
