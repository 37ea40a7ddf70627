/**
 * The simulated registries: a catalog of well-known images and what a registry
 * answers for a pull (DESIGN "Containers", reference §4.2). There are no real
 * images; each catalog entry says how big the image is, what its default command
 * does, and how much CPU and memory it uses once running.
 */
import type { Rng } from '../core/rng';

/** What a container does when it runs the image's default command. */
export type DefaultBehaviour =
  /** A server that runs until stopped, listening on `ports`. */
  | { kind: 'server'; ports: number[]; logs: string[] }
  /** A shell or REPL with no terminal attached: it exits at once with code 0. */
  | { kind: 'exits'; code: number };

/** CPU and memory a running container of this image uses when idle. */
export interface UsageProfile {
  cpuMillis: number;
  memoryBytes: number;
}

/** A known image repository. */
export interface CatalogImage {
  /** Normalised repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** Tags the registry has. */
  tags: string[];
  /** Compressed size of the default variant, in bytes. */
  sizeBytes: number;
  /** Size of the `-alpine` / `-slim` variants, when smaller. */
  smallSizeBytes?: number;
  /** The executables that start the image's server (for commands that name it). */
  binaries: string[];
  behaviour: DefaultBehaviour;
  /** Environment variables the entrypoint insists on, and what it prints before exiting 1 without them. */
  requiredEnv?: { anyOf: string[]; error: string[] };
  /** Time from process start to serving, in ms. */
  startupMs: number;
  usage: UsageProfile;
}

const MB = 1_000_000;

function server(ports: number[], logs: string[]): DefaultBehaviour {
  return { kind: 'server', ports, logs };
}

const NGINX_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  'nginx: [notice] start worker processes',
];

/** The catalog, keyed by normalised repository. */
export const IMAGE_CATALOG: ReadonlyMap<string, CatalogImage> = new Map(
  ([
    {
      repository: 'docker.io/library/nginx',
      tags: ['latest', 'stable', 'mainline', 'alpine', '1.29', '1.28', '1.27', '1.27.3', '1.27.4', '1.26', '1.25', '1.25.3', '1.24', '1.23', '1.21', '1.19', '1.14.2', '1.27-alpine', '1.25-alpine', 'stable-alpine'],
      sizeBytes: 72_099_410,
      smallSizeBytes: 20_980_000,
      binaries: ['nginx', '/docker-entrypoint.sh'],
      behaviour: server([80], NGINX_LOGS),
      startupMs: 150,
      usage: { cpuMillis: 1, memoryBytes: 3 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/httpd',
      tags: ['latest', 'alpine', '2.4', '2.4.62', '2.4.63', '2.4-alpine'],
      sizeBytes: 58_400_000,
      smallSizeBytes: 22_300_000,
      binaries: ['httpd-foreground', 'httpd'],
      behaviour: server([80], ['AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name', '[mpm_event:notice] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations', '[core:notice] AH00094: Command line: \'httpd -D FOREGROUND\'']),
      startupMs: 200,
      usage: { cpuMillis: 1, memoryBytes: 8 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/redis',
      tags: ['latest', 'alpine', '8', '7', '7.4', '7.2', '7.0', '6', '6.2', '7-alpine', '7.2-alpine'],
      sizeBytes: 45_300_000,
      smallSizeBytes: 17_200_000,
      binaries: ['redis-server', 'docker-entrypoint.sh'],
      behaviour: server([6379], ['1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M * Server initialized', '1:M * Ready to accept connections tcp']),
      startupMs: 100,
      usage: { cpuMillis: 2, memoryBytes: 4 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/busybox',
      tags: ['latest', 'stable', 'musl', 'glibc', 'uclibc', '1.37', '1.36', '1.36.1', '1.35', '1.34', '1.28'],
      sizeBytes: 2_156_000,
      binaries: [],
      behaviour: { kind: 'exits', code: 0 },
      startupMs: 0,
      usage: { cpuMillis: 0, memoryBytes: 200 * 2 ** 10 },
    },
    {
      repository: 'docker.io/library/alpine',
      tags: ['latest', '3', '3.22', '3.21', '3.20', '3.19', '3.18', 'edge'],
      sizeBytes: 3_640_000,
      binaries: [],
      behaviour: { kind: 'exits', code: 0 },
      startupMs: 0,
      usage: { cpuMillis: 0, memoryBytes: 300 * 2 ** 10 },
    },
    {
      repository: 'docker.io/library/ubuntu',
      tags: ['latest', '24.04', '22.04', '20.04', 'noble', 'jammy', 'focal'],
      sizeBytes: 29_750_000,
      binaries: [],
      behaviour: { kind: 'exits', code: 0 },
      startupMs: 0,
      usage: { cpuMillis: 0, memoryBytes: 1 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/postgres',
      tags: ['latest', 'alpine', '17', '16', '15', '14', '13', '17-alpine', '16-alpine', '16.4', '15.8'],
      sizeBytes: 158_300_000,
      smallSizeBytes: 105_000_000,
      binaries: ['postgres', 'docker-entrypoint.sh'],
      behaviour: server([5432], ['PostgreSQL init process complete; ready for start up.', 'LOG:  listening on IPv4 address "0.0.0.0", port 5432', 'LOG:  database system is ready to accept connections']),
      requiredEnv: {
        anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
        error: ['Error: Database is uninitialized and superuser password is not specified.', '       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'],
      },
      startupMs: 3_000,
      usage: { cpuMillis: 5, memoryBytes: 40 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/mysql',
      tags: ['latest', '9', '8', '8.4', '8.0', '5.7', 'lts'],
      sizeBytes: 172_800_000,
      binaries: ['mysqld', 'docker-entrypoint.sh'],
      behaviour: server([3306, 33060], ['[Note] [Entrypoint]: Entrypoint script for MySQL Server started.', '[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: \'8.4.3\'  socket: \'/var/run/mysqld/mysqld.sock\'  port: 3306  MySQL Community Server - GPL.']),
      requiredEnv: {
        anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
        error: ['[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified', '    You need to specify one of the following as an environment variable:', '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'],
      },
      startupMs: 8_000,
      usage: { cpuMillis: 8, memoryBytes: 360 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/node',
      tags: ['latest', 'lts', 'alpine', 'slim', '24', '22', '20', '18', '22-alpine', '20-alpine', '22-slim', '20-slim'],
      sizeBytes: 398_000_000,
      smallSizeBytes: 56_000_000,
      binaries: [],
      behaviour: { kind: 'exits', code: 0 },
      startupMs: 300,
      usage: { cpuMillis: 2, memoryBytes: 40 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/python',
      tags: ['latest', 'alpine', 'slim', '3', '3.13', '3.12', '3.11', '3.10', '3.12-slim', '3.12-alpine', '3.13-slim'],
      sizeBytes: 372_000_000,
      smallSizeBytes: 45_000_000,
      binaries: [],
      behaviour: { kind: 'exits', code: 0 },
      startupMs: 300,
      usage: { cpuMillis: 2, memoryBytes: 20 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/wordpress',
      tags: ['latest', '6', '6.7', '6.6', 'apache', 'php8.3'],
      sizeBytes: 254_000_000,
      binaries: ['apache2-foreground', 'docker-entrypoint.sh'],
      behaviour: server([80], ['WordPress not found in /var/www/html - copying now...', 'Complete! WordPress has been successfully copied to /var/www/html', 'Apache/2.4.62 (Debian) PHP/8.2.26 configured -- resuming normal operations']),
      startupMs: 2_000,
      usage: { cpuMillis: 3, memoryBytes: 30 * 2 ** 20 },
    },
    {
      repository: 'docker.io/library/mongo',
      tags: ['latest', '8', '7', '6', '8.0', '7.0'],
      sizeBytes: 290_000_000,
      binaries: ['mongod', 'docker-entrypoint.sh'],
      behaviour: server([27017], ['{"t":{"$date":"..."},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}']),
      startupMs: 2_000,
      usage: { cpuMillis: 6, memoryBytes: 90 * 2 ** 20 },
    },
    {
      repository: 'registry.k8s.io/pause',
      tags: ['3.10', '3.9', '3.8', '3.7', '3.6', 'latest'],
      sizeBytes: 320_368,
      binaries: ['/pause'],
      behaviour: server([], []),
      startupMs: 0,
      usage: { cpuMillis: 0, memoryBytes: 100 * 2 ** 10 },
    },
  ] satisfies CatalogImage[]).map((image) => [image.repository, image]),
);

/** A parsed image reference, as containerd normalises it. */
export interface ImageRef {
  /** What the user wrote, e.g. `nginx:1.27`. */
  raw: string;
  /** Registry host, `docker.io` by default. */
  registry: string;
  /** Path in the registry, `library/nginx` for official images. */
  path: string;
  /** Tag, `latest` when none is given (and no digest). */
  tag?: string;
  /** `sha256:...` when pinned by digest. */
  digest?: string;
  /** `docker.io/library/nginx`. */
  repository: string;
  /** Fully qualified reference, e.g. `docker.io/library/nginx:1.27`. */
  normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses an image reference; returns undefined for an invalid one (`InvalidImageName`). */
export function parseImageRef(raw: string): ImageRef | undefined {
  if (!raw || raw !== raw.trim()) return undefined;
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  // The first component is a registry host when it looks like one (a dot, a port, or localhost).
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (!parts.length || !parts.every((p) => COMPONENT.test(p))) return undefined;
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (!tag && !digest) tag = 'latest';
  const repository = `${registry}/${path}`;
  const normalized = `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { raw, registry, path, tag, digest, repository, normalized };
}

/** An image the registry served: what the node stores and runs. */
export interface ResolvedImage {
  ref: ImageRef;
  sizeBytes: number;
  /** `docker.io/library/nginx@sha256:...`, as containerStatuses[].imageID shows it. */
  imageID: string;
  /** The catalog entry; undefined for an unknown image from a real registry (a generic server). */
  catalog?: CatalogImage;
}

/** The answer of a pull: the image, or the registry's error text. */
export type PullResult = { ok: true; image: ResolvedImage } | { ok: false; error: string };

/** Registries the simulated internet can reach: an unknown image there exists and is public. */
const PUBLIC_REGISTRIES = ['docker.io', 'gcr.io', 'ghcr.io', 'quay.io', 'registry.k8s.io', 'k8s.gcr.io', 'public.ecr.aws', 'mcr.microsoft.com', 'registry.gitlab.com', 'nvcr.io', 'docker.elastic.co', 'cr.l5d.io'];

function isPublicRegistry(host: string): boolean {
  return PUBLIC_REGISTRIES.includes(host) || host.endsWith('.gcr.io') || host.endsWith('.pkg.dev');
}

/** A stable 32-bit hash of a string (FNV-1a), so generic images have the same size every run. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** A deterministic sha256-looking digest for `s`. */
export function fakeDigest(s: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += stableHash(`${i}:${s}`).toString(16).padStart(8, '0');
  return `sha256:${out.slice(0, 64)}`;
}

function isSmallVariant(tag: string | undefined): boolean {
  return !!tag && /(alpine|slim)/.test(tag);
}

/** What the registry answers for `image` (containerd's error text on failure). */
export function resolvePull(image: string): PullResult {
  const ref = parseImageRef(image);
  if (!ref) return { ok: false, error: `couldn't parse image name "${image}": invalid reference format` };
  const wanted = ref.normalized;
  const resolveFailed = (why: string) => `rpc error: code = NotFound desc = failed to pull and unpack image "${wanted}": failed to resolve reference "${wanted}": ${why}`;
  const catalog = IMAGE_CATALOG.get(ref.repository);
  if (catalog) {
    if (ref.tag && !catalog.tags.includes(ref.tag)) return { ok: false, error: resolveFailed(`${wanted}: not found`) };
    const sizeBytes = isSmallVariant(ref.tag) && catalog.smallSizeBytes ? catalog.smallSizeBytes : catalog.sizeBytes;
    return { ok: true, image: { ref, sizeBytes, imageID: `${ref.repository}@${ref.digest ?? fakeDigest(wanted)}`, catalog } };
  }
  if (ref.registry === 'docker.io' && ref.path.startsWith('library/')) {
    // A bare name that is no official image (`ngnix`): Docker Hub answers 401 for a repository that does not exist.
    return {
      ok: false,
      error: `rpc error: code = Unknown desc = failed to pull and unpack image "${wanted}": failed to resolve reference "${wanted}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (!isPublicRegistry(ref.registry)) {
    const host = ref.registry.split(':')[0];
    const request = `https://${ref.registry}/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}`;
    const cause = host === 'localhost' || host === '127.0.0.1' ? `dial tcp 127.0.0.1:${ref.registry.split(':')[1] ?? '443'}: connect: connection refused` : `dial tcp: lookup ${host}: no such host`;
    return { ok: false, error: `rpc error: code = Unavailable desc = failed to pull and unpack image "${wanted}": failed to resolve reference "${wanted}": failed to do request: Head "${request}": ${cause}` };
  }
  // A real project's image we do not know: it exists, and runs as a generic server.
  const sizeBytes = 20 * MB + (stableHash(ref.repository) % (180 * MB));
  return { ok: true, image: { ref, sizeBytes, imageID: `${ref.repository}@${ref.digest ?? fakeDigest(wanted)}` } };
}

/** Registry round trip before the layers download, in ms. */
const PULL_OVERHEAD_MS: [number, number] = [300, 900];
/** Download speed, bytes per ms (≈ 25–60 MB/s). */
const PULL_SPEED: [number, number] = [25_000, 60_000];

/** How long pulling `sizeBytes` takes, in ms (jittered with the seeded RNG). */
export function pullDurationMs(sizeBytes: number, rng: Rng): number {
  return Math.round(rng.between(...PULL_OVERHEAD_MS) + sizeBytes / rng.between(...PULL_SPEED));
}

/** How long a failed pull takes to fail (the registry answers without a download), in ms. */
export function failedPullDurationMs(rng: Rng): number {
  return Math.round(rng.between(500, 1_500));
}
