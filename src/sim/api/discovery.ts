/**
 * Discovery as kubectl reads it: the rows of `kubectl api-resources` and the
 * group versions of `kubectl api-versions`, sorted as kubectl sorts them.
 */
import { allResources, apiVersionOf, type ResourceInfo } from './resources';

/** One row of `kubectl api-resources`. */
export interface ApiResourceRow {
  name: string;
  shortNames: string[];
  apiVersion: string;
  group: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
}

/** Filters of `kubectl api-resources`. */
export interface ApiResourceFilter {
  apiGroup?: string;
  /** Only namespaced (true) or cluster-scoped (false) resources. */
  namespaced?: boolean;
  /** Only resources that support all these verbs. */
  verbs?: string[];
  /** Only resources in all these categories. */
  categories?: string[];
  sortBy?: 'name' | 'kind';
}

function row(info: ResourceInfo): ApiResourceRow {
  return {
    name: info.resource,
    shortNames: info.shortNames,
    apiVersion: apiVersionOf(info),
    group: info.group,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: info.verbs,
    categories: info.categories,
  };
}

/**
 * The resources discovery serves, filtered. Without sortBy, kubectl orders by
 * group (the core group first), then by name; with it, by name or kind only.
 */
export function apiResources(filter: ApiResourceFilter = {}): ApiResourceRow[] {
  const rows = allResources()
    .map(row)
    .filter((r) => filter.apiGroup === undefined || r.group === filter.apiGroup)
    .filter((r) => filter.namespaced === undefined || r.namespaced === filter.namespaced)
    .filter((r) => (filter.verbs ?? []).every((v) => r.verbs.includes(v)))
    .filter((r) => (filter.categories ?? []).every((c) => r.categories.includes(c)));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (filter.sortBy === 'name') return rows.sort((a, b) => cmp(a.name, b.name));
  if (filter.sortBy === 'kind') return rows.sort((a, b) => cmp(a.kind, b.kind));
  return rows.sort((a, b) => cmp(a.group, b.group) || cmp(a.name, b.name));
}

/** The group versions of `kubectl api-versions`, sorted. */
export function apiVersions(): string[] {
  return [...new Set(allResources().map(apiVersionOf))].sort();
}
