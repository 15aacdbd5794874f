import { deepFreeze, type Handler, type MockReply, type MockRequest } from '@scanapis/mock-kit';
import { TOKENS } from './credentials.js';
import type { RegistryDataset, StoredImage, StoredScan } from './data.js';
import { bearerToken, errorReply, GrpcCode } from './dialect.js';
import { createPageTokens, type PageTokens } from './page-token.js';
import {
  type Order,
  orderKey,
  parseImageFilter,
  parseImageOrder,
  parseScanFilter,
  parseScanOrder,
  statusRank,
} from './query.js';

/** `pageSize` when none (or 0, proto3's unset value) is sent. */
export const DEFAULT_PAGE_SIZE = 100;

interface ScanParams {
  imageId?: string;
  repositoryId?: string;
  pageSize?: number;
  pageToken?: string;
  filter?: string;
  orderBy?: string;
}

interface ImageParams {
  registryId?: string;
  repositoryName?: string;
  folderId?: string;
  pageSize?: number;
  pageToken?: string;
  filter?: string;
  orderBy?: string;
}

const byId = (a: { json: { id: string } }, b: { json: { id: string } }) =>
  a.json.id < b.json.id ? -1 : a.json.id > b.json.id ? 1 : 0;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** A stable sort on one key, ties by id ascending (also when the key is descending). */
function ordered<T extends { json: { id: string } }>(
  items: T[],
  order: Order<string> | undefined,
  keyOf: (item: T, field: string) => string | number,
): T[] {
  if (!order) return items;
  const sign = order.descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = keyOf(a, order.field);
    const y = keyOf(b, order.field);
    return x < y ? -sign : x > y ? sign : byId(a, b);
  });
}

/**
 * The behavioural Container Registry: `Scanner.list` and `Image.list` over a generated dataset,
 * with the vendor's scopes, filters, orders, opaque page tokens (HMAC-signed, bound to their
 * query), 403 for the token without roles and 404 for IDs that name nothing. The images and
 * scans the dataset sends (`json`) are deep-frozen.
 */
export function createRegistryHandler(
  dataset: RegistryDataset,
  tokens: PageTokens = createPageTokens(),
): Handler {
  // What the API sends never changes: frozen, an answer can share it, and the response check
  // checks each image and scan once (spec-tools' memo of deep-frozen items).
  for (const image of dataset.images) deepFreeze(image.json);
  for (const scan of dataset.scans) deepFreeze(scan.json);
  const sortedScans = [...dataset.scans].sort(byId);
  const sortedImages = [...dataset.images].sort(byId);
  const images = new Map(dataset.images.map((i) => [i.json.id, i]));
  const repositories = new Map(dataset.repositories.map((r) => [r.id, r]));
  const repositoriesByName = new Map(dataset.repositories.map((r) => [r.name, r]));
  const registries = new Set(dataset.registries.map((r) => r.id));
  const folders = new Set(dataset.folders.map((f) => f.id));
  const scansByImage = groupBy(sortedScans, (s) => s.json.imageId);
  const scansByRepository = groupBy(sortedScans, (s) => s.repositoryId);
  const imagesByRepository = groupBy(sortedImages, (i) => i.repositoryId);
  const imagesByRegistry = groupBy(sortedImages, (i) => i.registryId);
  const imagesByFolder = groupBy(sortedImages, (i) => i.folderId);

  // The filtered, ordered answer of a query, kept for the pages that follow.
  const cache = new Map<string, unknown[]>();
  const remember = <T>(key: string, make: () => T[]): T[] => {
    let list = cache.get(key) as T[] | undefined;
    if (!list) {
      if (cache.size >= 512) cache.clear();
      list = make();
      cache.set(key, list);
    }
    return list;
  };

  const invalid = (req: MockRequest, message: string) =>
    errorReply(req, 400, GrpcCode.INVALID_ARGUMENT, message);
  const notFound = (req: MockRequest, message: string) => errorReply(req, 404, GrpcCode.NOT_FOUND, message);

  /** The offset a page token stands for, or the 400 that refuses it (naming `pageToken`). */
  function offsetOf(req: MockRequest, token: string | undefined, queryKey: string, sameQuery: string) {
    if (!token) return 0;
    const read = tokens.read(token, queryKey);
    if ('offset' in read) return read.offset;
    return invalid(
      req,
      read.problem === 'not-issued'
        ? 'pageToken: not a page token this service issued; send the nextPageToken of the previous page exactly as received'
        : `pageToken: the token was issued for a different query; send the same ${sameQuery} and pageSize as the request that returned it`,
    );
  }

  function pageBody<T extends { json: unknown }>(
    all: T[],
    offset: number,
    pageSize: number,
    itemsField: string,
    queryKey: string,
  ): Record<string, unknown> {
    const items = all.slice(offset, offset + pageSize).map((x) => x.json);
    const body: Record<string, unknown> = {};
    // proto3 JSON: an empty list and an empty token are omitted.
    if (items.length > 0) body[itemsField] = items;
    if (offset + pageSize < all.length) body.nextPageToken = tokens.issue(queryKey, offset + pageSize);
    return body;
  }

  function pageSizeOf(req: MockRequest, sent: number | undefined): number | MockReply {
    if (sent !== undefined && sent < 0)
      return invalid(req, `pageSize: must be >= 0, got ${sent} (0 means the default, ${DEFAULT_PAGE_SIZE})`);
    return sent || DEFAULT_PAGE_SIZE;
  }

  function listScans(req: MockRequest): MockReply {
    const p = req.params as ScanParams;
    const filter = parseScanFilter(p.filter);
    if ('error' in filter) return invalid(req, filter.error);
    const order = parseScanOrder(p.orderBy);
    if ('error' in order) return invalid(req, order.error);
    const pageSize = pageSizeOf(req, p.pageSize);
    if (typeof pageSize !== 'number') return pageSize;
    for (const name of ['imageId', 'repositoryId'] as const) {
      if (p[name] === '') return invalid(req, `${name}: must not be empty`);
    }
    const scopeKey = p.imageId !== undefined ? `image:${p.imageId}` : `repository:${p.repositoryId}`;
    const listKey = JSON.stringify(['scans', scopeKey, filter.value.status ?? '', orderKey(order.value)]);
    const queryKey = JSON.stringify([listKey, pageSize]);
    // Arguments first: a refused token is a 400 whatever the IDs name.
    const offset = offsetOf(req, p.pageToken, queryKey, 'imageId or repositoryId, filter, orderBy');
    if (typeof offset !== 'number') return offset;
    let scope: StoredScan[];
    if (p.imageId !== undefined) {
      if (!images.has(p.imageId)) return notFound(req, `Image ${p.imageId} not found`);
      scope = scansByImage.get(p.imageId) ?? [];
    } else {
      const id = p.repositoryId ?? '';
      if (!repositories.has(id)) return notFound(req, `Repository ${id} not found`);
      scope = scansByRepository.get(id) ?? [];
    }
    const list = remember(listKey, () =>
      ordered(
        filter.value.status ? scope.filter((s) => s.json.status === filter.value.status) : scope,
        order.value,
        (s) => statusRank(s.json.status),
      ),
    );
    return { status: 200, body: pageBody(list, offset, pageSize, 'scanResults', queryKey) };
  }

  function listImages(req: MockRequest): MockReply {
    const p = req.params as ImageParams;
    const filter = parseImageFilter(p.filter);
    if ('error' in filter) return invalid(req, filter.error);
    const order = parseImageOrder(p.orderBy);
    if ('error' in order) return invalid(req, order.error);
    const pageSize = pageSizeOf(req, p.pageSize);
    if (typeof pageSize !== 'number') return pageSize;
    // Precedence: repositoryName > registryId > folderId; an empty value is proto3's unset one.
    const scopeKey = p.repositoryName
      ? `repositoryName:${p.repositoryName}`
      : p.registryId
        ? `registryId:${p.registryId}`
        : p.folderId
          ? `folderId:${p.folderId}`
          : 'all';
    const listKey = JSON.stringify(['images', scopeKey, filter.value.name ?? '', orderKey(order.value)]);
    // The token is bound to everything sent, the ignored scope parameters included.
    const queryKey = JSON.stringify([
      listKey,
      p.repositoryName ?? '',
      p.registryId ?? '',
      p.folderId ?? '',
      pageSize,
    ]);
    const offset = offsetOf(
      req,
      p.pageToken,
      queryKey,
      'repositoryName, registryId, folderId, filter, orderBy',
    );
    if (typeof offset !== 'number') return offset;
    let scope: StoredImage[];
    if (p.repositoryName) {
      const repository = repositoriesByName.get(p.repositoryName);
      if (!repository) return notFound(req, `Repository ${p.repositoryName} not found`);
      scope = imagesByRepository.get(repository.id) ?? [];
    } else if (p.registryId) {
      if (!registries.has(p.registryId)) return notFound(req, `Registry ${p.registryId} not found`);
      scope = imagesByRegistry.get(p.registryId) ?? [];
    } else if (p.folderId) {
      if (!folders.has(p.folderId)) return notFound(req, `Folder ${p.folderId} not found`);
      scope = imagesByFolder.get(p.folderId) ?? [];
    } else {
      scope = sortedImages;
    }
    const list = remember(listKey, () =>
      ordered(
        filter.value.name ? scope.filter((i) => i.json.name === filter.value.name) : scope,
        order.value,
        (i, field) => (field === 'name' ? i.json.name : field === 'createdAt' ? i.createdKey : i.json.id),
      ),
    );
    return { status: 200, body: pageBody(list, offset, pageSize, 'images', queryKey) };
  }

  return (req) => {
    if (!TOKENS[bearerToken(req)]?.access) {
      const what = req.operation?.operationId === 'Scanner_list' ? 'scan results' : 'images';
      return errorReply(
        req,
        403,
        GrpcCode.PERMISSION_DENIED,
        `Permission denied: the account has no role that allows listing ${what}`,
      );
    }
    switch (req.operation?.operationId) {
      case 'Scanner_list':
        return listScans(req);
      case 'Image_list':
        return listImages(req);
      default:
        throw new Error(`no behaviour for ${req.operation?.operationId}`);
    }
  };
}
