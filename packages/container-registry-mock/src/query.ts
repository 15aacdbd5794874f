import { SCAN_STATUSES, type ScanStatus } from './data.js';

/** A parsed expression, or the message of the 400 that refuses it. */
export type Parsed<T> = { value: T } | { error: string };

/** The statuses `Scanner.list`'s filter takes: the three the pages name. */
export const FILTER_STATUSES: readonly ScanStatus[] = ['RUNNING', 'READY', 'ERROR'];
/** The order keys of `Image.list` (the page names none; these are the mock's). */
export const IMAGE_ORDER_FIELDS = ['id', 'name', 'createdAt'] as const;
export type ImageOrderField = (typeof IMAGE_ORDER_FIELDS)[number];

/**
 * The value rule of `Image.list`'s `name="…"` filter: the page's regex with the `repositoryName`
 * regex's trailing `*`, so names of any depth (`crpc9qeoft236r8tpvt7/team/web-app`) match.
 */
export const IMAGE_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(\/([a-z0-9]+(?:[._-][a-z0-9]+)*))*$/;
const IMAGE_NAME_RULE = '[a-z0-9]+(?:[._-][a-z0-9]+)*(/([a-z0-9]+(?:[._-][a-z0-9]+)*))*';

export interface Order<F extends string> {
  field: F;
  descending: boolean;
}

/** An expression quoted for a message, cut at 60 characters. */
const quote = (raw: string) => `${JSON.stringify(raw.slice(0, 60))}${raw.length > 60 ? '…' : ''}`;

const FILTER = /^\s*([A-Za-z_][\w.]*)\s*=\s*"([^"]*)"\s*$/;
const ORDER = /^\s*(\S+)(?:\s+(\S+))?\s*$/;

/** `status="READY"` (whitespace around `=` allowed); empty means no filter. */
export function parseScanFilter(raw: string | undefined): Parsed<{ status?: ScanStatus }> {
  if (raw === undefined || raw.trim() === '') return { value: {} };
  const m = FILTER.exec(raw);
  if (!m)
    return {
      error: `filter: cannot parse ${quote(raw)}; use status="<STATUS>" with STATUS one of ${FILTER_STATUSES.join(', ')}`,
    };
  const [, field, value] = m as unknown as [string, string, string];
  if (field !== 'status') return { error: `filter: unsupported field "${field}", only "status" can be used` };
  if (!(FILTER_STATUSES as readonly string[]).includes(value))
    return { error: `filter: unsupported status ${quote(value)}, use one of ${FILTER_STATUSES.join(', ')}` };
  return { value: { status: value as ScanStatus } };
}

/** `name="<image name>"`; empty means no filter. */
export function parseImageFilter(raw: string | undefined): Parsed<{ name?: string }> {
  if (raw === undefined || raw.trim() === '') return { value: {} };
  const m = FILTER.exec(raw);
  if (!m)
    return {
      error: `filter: cannot parse ${quote(raw)}; use name="<image name>", e.g. name="crpc9qeoft236r8tpvt7/ubuntu"`,
    };
  const [, field, value] = m as unknown as [string, string, string];
  if (field !== 'name') return { error: `filter: unsupported field "${field}", only "name" can be used` };
  if (value.length > 256) return { error: 'filter: the name must be at most 256 characters' };
  if (!IMAGE_NAME_PATTERN.test(value))
    return { error: `filter: the name ${quote(value)} must match ${IMAGE_NAME_RULE}` };
  return { value: { name: value } };
}

function parseOrder<F extends string>(
  raw: string | undefined,
  fields: readonly F[],
  fieldRule: string,
  usage: string,
): Parsed<Order<F> | undefined> {
  if (raw === undefined || raw.trim() === '') return { value: undefined };
  const m = ORDER.exec(raw);
  if (!m) return { error: `orderBy: cannot parse ${quote(raw)}; use ${usage}` };
  const [, field, selector] = m as unknown as [string, string, string | undefined];
  if (!(fields as readonly string[]).includes(field))
    return { error: `orderBy: unsupported field ${quote(field)}, ${fieldRule}` };
  const dir = selector?.toLowerCase();
  if (dir !== undefined && dir !== 'asc' && dir !== 'desc')
    return { error: `orderBy: unsupported selector ${quote(selector!)}, use asc or desc` };
  return { value: { field: field as F, descending: dir === 'desc' } };
}

/** `status [asc|desc]`: by the status enum's numbers (RUNNING < READY < ERROR); empty means by id. */
export function parseScanOrder(raw: string | undefined): Parsed<Order<'status'> | undefined> {
  return parseOrder(raw, ['status'], 'only "status" can be used', '"status asc" or "status desc"');
}

/** `<id|name|createdAt> [asc|desc]`; empty means by id. */
export function parseImageOrder(raw: string | undefined): Parsed<Order<ImageOrderField> | undefined> {
  const fields = IMAGE_ORDER_FIELDS.join(', ');
  return parseOrder(
    raw,
    IMAGE_ORDER_FIELDS,
    `use one of ${fields}`,
    `"<field> asc" or "<field> desc" with field one of ${fields}`,
  );
}

/** The rank `orderBy=status` sorts by: the enum's number (an absent status is 0). */
export const statusRank = (status: ScanStatus | undefined): number =>
  SCAN_STATUSES.indexOf(status ?? 'STATUS_UNSPECIFIED');

/** The canonical text of an order, for the page token's query hash (`status` = `status asc`). */
export const orderKey = (order: Order<string> | undefined): string =>
  order ? `${order.field} ${order.descending ? 'desc' : 'asc'}` : '';
