import { type Handler, type MockReply, type MockRequest, pageCache } from '@scanapis/mock-kit';
import { TOKENS } from './credentials.js';
import { columnsOf, findImage, imageAt, type RegistryDataset, scanAt } from './data.js';
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

/**
 * Lists of indexes grouped by `groupOf[index]`, each in the order of `order`; built on the first
 * call (a counting sort: two passes).
 */
function groupBy(
  order: Int32Array,
  groups: number,
  groupOf: () => Int32Array,
): (group: number) => Int32Array {
  let starts: Int32Array | undefined;
  let members: Int32Array | undefined;
  return (group) => {
    if (!starts || !members) {
      const of = groupOf();
      starts = new Int32Array(groups + 1);
      for (let i = 0; i < of.length; i++) starts[of[i]! + 1]!++;
      for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
      const fill = starts.slice(0, groups);
      members = new Int32Array(order.length);
      for (let p = 0; p < order.length; p++) {
        const i = order[p]!;
        members[fill[of[i]!]!++] = i;
      }
    }
    return members.subarray(starts[group]!, starts[group + 1]!);
  };
}

/** A sort on one key, ties by ID ascending (also when the key is descending); by ID when none. */
function ordered(
  items: Int32Array,
  order: Order<string> | undefined,
  compare: (a: number, b: number, field: string) => number,
  idRank: Int32Array,
): Int32Array {
  if (!order) return items;
  const sign = order.descending ? -1 : 1;
  if (order.field === 'id') return sign > 0 ? items : items.slice().reverse();
  return items.slice().sort((a, b) => sign * compare(a, b, order.field) || idRank[a]! - idRank[b]!);
}

/**
 * The behavioural Container Registry: `Scanner.list` and `Image.list` over a generated dataset,
 * with the vendor's scopes, filters, orders, opaque page tokens (HMAC-signed, bound to their
 * query), 403 for the token without roles and 404 for IDs that name nothing. Lists are indexes
 * into the dataset's columns, grouped per scope once; a page derives only the items it sends.
 */
export function createRegistryHandler(
  dataset: RegistryDataset,
  tokens: PageTokens = createPageTokens(),
): Handler {
  // Indexes into the dataset's columns; items are derived when a page sends them (deep-frozen,
  // so the response check checks each once: spec-tools' memo of deep-frozen items).
  const c = columnsOf(dataset);
  // Repositories by ID and by name, on first use.
  const lazyMap = (key: (r: { id: string; name: string }) => string) => {
    let map: Map<string, number> | undefined;
    return {
      get: (k: string): number | undefined => {
        if (!map) map = new Map(dataset.repositories.map((r, i) => [key(r), i]));
        return map.get(k);
      },
    };
  };
  const repoIndex = lazyMap((r) => r.id);
  const repoByName = lazyMap((r) => r.name);
  const registryIndex = new Map(dataset.registries.map((r, k) => [r.id, k]));
  const folderIndex = new Map(dataset.folders.map((f, k) => [f.id, k]));
  const repoRegistry = Int32Array.from(dataset.repositories, (r) => registryIndex.get(r.registryId)!);
  const repoFolder = Int32Array.from(dataset.repositories, (r) => folderIndex.get(r.folderId)!);
  // Each repository's place in name order (for `orderBy=name`), on first use.
  let repoNameRank: Int32Array | undefined;
  const nameRank = (): Int32Array => {
    if (!repoNameRank) {
      const names = dataset.repositories.map((r) => r.name);
      const byName = [...names.keys()].sort((a, b) =>
        names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0,
      );
      repoNameRank = new Int32Array(byName.length);
      for (const [p, k] of byName.entries()) repoNameRank[k] = p;
    }
    return repoNameRank;
  };
  const repoCount = dataset.repositories.length;
  const imageRepo = c.imageRepository;
  const registryOf = () => Int32Array.from(imageRepo, (r) => repoRegistry[r]!);
  const folderOf = () => Int32Array.from(imageRepo, (r) => repoFolder[r]!);
  const scanRepo = () => Int32Array.from(c.scanImage, (i) => imageRepo[i]!);
  const imagesByRepository = groupBy(c.imagesById, repoCount, () => imageRepo);
  const imagesByRegistry = groupBy(c.imagesById, dataset.registries.length, registryOf);
  const imagesByFolder = groupBy(c.imagesById, dataset.folders.length, folderOf);
  const scansByImage = groupBy(c.scansById, c.imageCount, () => c.scanImage);
  const scansByRepository = groupBy(c.scansById, repoCount, scanRepo);
  const compareImages = (a: number, b: number, field: string) =>
    field === 'name'
      ? nameRank()[imageRepo[a]!]! - nameRank()[imageRepo[b]!]!
      : c.imageSeconds[a]! - c.imageSeconds[b]! || c.imageNanos[a]! - c.imageNanos[b]!;
  const compareScans = (a: number, b: number) => c.scanStatus[a]! - c.scanStatus[b]!;

  // The filtered, ordered answer of a query, kept for the pages that follow (at most ~4M indexes).
  const cache = new Map<string, Int32Array>();
  let held = 0;
  const remember = (key: string, make: () => Int32Array): Int32Array => {
    let list = cache.get(key);
    if (!list) {
      list = make();
      if (cache.size >= 512 || held + list.length > 4_000_000) {
        cache.clear();
        held = 0;
      }
      cache.set(key, list);
      held += list.length;
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

  // The same page asked again (same query, same offset) is the same frozen body: its items and
  // token are what they were, and it is encoded and checked once.
  const pages = pageCache<Record<string, unknown>>();

  function pageBody(
    all: Int32Array,
    item: (index: number) => { json: unknown },
    offset: number,
    pageSize: number,
    itemsField: string,
    queryKey: string,
  ): Record<string, unknown> {
    return pages(`${itemsField} ${offset} ${queryKey}`, () => {
      const items = Array.from(all.subarray(offset, offset + pageSize), (i) => item(i).json);
      const body: Record<string, unknown> = {};
      // proto3 JSON: an empty list and an empty token are omitted.
      if (items.length > 0) body[itemsField] = items;
      if (offset + pageSize < all.length) body.nextPageToken = tokens.issue(queryKey, offset + pageSize);
      return body;
    });
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
    let scope: Int32Array;
    if (p.imageId !== undefined) {
      const image = findImage(dataset, p.imageId);
      if (image < 0) return notFound(req, `Image ${p.imageId} not found`);
      scope = scansByImage(image);
    } else {
      const id = p.repositoryId ?? '';
      const repo = repoIndex.get(id);
      if (repo === undefined) return notFound(req, `Repository ${id} not found`);
      scope = scansByRepository(repo);
    }
    const list = remember(listKey, () => {
      const status = filter.value.status ? statusRank(filter.value.status) : -1;
      return ordered(
        status >= 0 ? scope.filter((j) => c.scanStatus[j] === status) : scope,
        order.value,
        compareScans,
        c.scanIdRank,
      );
    });
    return {
      status: 200,
      body: pageBody(list, (j) => scanAt(dataset, j), offset, pageSize, 'scanResults', queryKey),
    };
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
    // The scope as a test on a repository, and its images in ID order.
    let scope: Int32Array;
    let inScope: (repo: number) => boolean;
    if (p.repositoryName) {
      const repo = repoByName.get(p.repositoryName);
      if (repo === undefined) return notFound(req, `Repository ${p.repositoryName} not found`);
      scope = imagesByRepository(repo);
      inScope = (r) => r === repo;
    } else if (p.registryId) {
      const registry = registryIndex.get(p.registryId);
      if (registry === undefined) return notFound(req, `Registry ${p.registryId} not found`);
      scope = imagesByRegistry(registry);
      inScope = (r) => repoRegistry[r] === registry;
    } else if (p.folderId) {
      const folder = folderIndex.get(p.folderId);
      if (folder === undefined) return notFound(req, `Folder ${p.folderId} not found`);
      scope = imagesByFolder(folder);
      inScope = (r) => repoFolder[r] === folder;
    } else {
      scope = c.imagesById;
      inScope = () => true;
    }
    const list = remember(listKey, () => {
      let matching = scope;
      if (filter.value.name) {
        // Every image of a repository carries its name: the filter keeps one repository's images.
        const repo = repoByName.get(filter.value.name);
        matching = repo !== undefined && inScope(repo) ? imagesByRepository(repo) : new Int32Array(0);
      }
      return ordered(matching, order.value, compareImages, c.imageIdRank);
    });
    return {
      status: 200,
      body: pageBody(list, (i) => imageAt(dataset, i), offset, pageSize, 'images', queryKey),
    };
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
