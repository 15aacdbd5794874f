import { loadSpec } from '@scanapis/spec-tools';

/**
 * The base URLs an in-process mock answers: the spec's `servers` (a templated one such as
 * `https://hss.{region}.myhuaweicloud.com` matches every value of its variables) and any given.
 */
export interface BaseUrls {
  /** The path and query under a served base URL (`/api/v1/scans?limit=5`), or undefined. */
  match(url: URL): string | undefined;
  /** The base URLs as a user reads them, for errors: `https://app.gecko.security, http://mock.test`. */
  readonly list: readonly string[];
  /** One pattern per base URL, matching a whole request URL under it (MSW handlers use them). */
  readonly patterns: readonly RegExp[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A server URL, lower-cased host, no trailing slash; `{name}` is one DNS label (or a label's part). */
function pattern(base: string): RegExp {
  const template = base.replace(/\/+$/, '');
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[A-Za-z0-9-]+' : escapeRegExp(part)))
    .join('');
  // The base, then the end of the URL or a path / query under it.
  return new RegExp(`^${source}(?=$|[/?#])`, 'i');
}

function normalise(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`baseUrl ${JSON.stringify(base)} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`baseUrl ${JSON.stringify(base)} is not an http(s) URL`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The spec's servers (production) and the given base URLs, in that order. */
export function baseUrlsOf(
  specFile: string,
  extra: readonly string[] = [],
  options: { production?: boolean } = {},
): BaseUrls {
  const servers =
    options.production === false
      ? []
      : (loadSpec(specFile).servers ?? []).map((s) => s.url.replace(/\/+$/, ''));
  if (servers.length === 0 && extra.length === 0)
    throw new TypeError('an in-process mock with productionBaseUrls: false needs a baseUrl');
  const list = [...new Set([...servers, ...extra.map(normalise)])];
  const patterns = list.map(pattern);
  return {
    list,
    patterns,
    match(url) {
      const href = `${url.origin}${url.pathname}`;
      for (const p of patterns) {
        const m = p.exec(href);
        if (m) return `${href.slice(m[0].length) || '/'}${url.search}`.replace(/^(?!\/)/, '/');
      }
      return undefined;
    },
  };
}
