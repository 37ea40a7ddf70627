/**
 * `kubectl create -f FILE` and the generators `create deployment|service|
 * namespace|configmap|secret generic|job|cronjob`: build the object exactly as
 * kubectl does, create it, print `<kind>/<name> created`.
 */
import { clone } from '../../apiserver/apiserver';
import { apiVersionOf, resourceForKind } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command, type KubectlContext } from '../command';
import { UsageError, type FlagSpec, type ParsedArgs } from '../flags';
import { parseManifests } from '../manifests';
import { formatApiError } from '../status-errors';
import { buildDeployment } from '../generators/deployment';
import { buildService, type CreateServiceParams } from '../generators/service';
import { buildConfigMap, buildSecret, collectData } from '../generators/config';
import { buildCronJob, buildJob, buildJobFromCronJob } from '../generators/batch';
import { createAndReport, DRY_RUN_FLAGS, kindLabel, orCliError, readFile, resolveType } from './resource-args';

/** The one NAME a generator takes, with kubectl's usage error otherwise. */
function oneName(parsed: ParsedArgs, path: string): string {
  if (parsed.args.length !== 1) {
    throw new UsageError(`error: exactly one NAME is required, got ${parsed.args.length}\nSee '${path} -h' for help and examples`);
  }
  return parsed.args[0];
}

function required(parsed: ParsedArgs, ...names: string[]): void {
  const missing = names.filter((n) => !parsed.changed.has(n));
  if (missing.length) throw new UsageError(`error: required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/** Sets the namespace of a namespaced generated object from `-n` (kubectl only sets it when `-n` is given). */
function inNamespace(obj: KubeObject, parsed: ParsedArgs): KubeObject {
  if (parsed.flags.namespace && resourceForKind(obj.kind)?.namespaced) obj.metadata.namespace = namespaceFlag(parsed);
  return obj;
}

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [
    { name: 'image', type: 'stringArray', default: [], usage: 'Image names to run.' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    ...DRY_RUN_FLAGS,
  ],
  run(ctx, parsed, io) {
    // Everything after `--` is the command; the name is the first word before it.
    const name = oneName({ ...parsed, args: parsed.args.slice(0, 1) }, 'kubectl create deployment');
    required(parsed, 'image');
    const images = parsed.flags.image as string[];
    const command = parsed.args.slice(1);
    if (command.length && images.length > 1) throw new UsageError('error: cannot specify multiple --image options and command');
    const obj = buildDeployment({ name, images, replicas: parsed.flags.replicas as number, port: parsed.flags.port as number, command }, ctx.cluster.rng);
    createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: 'failed to create deployment: ' });
  },
};

function serviceCommand(name: string, type: CreateServiceParams['type'], short: string): Command {
  const flags: FlagSpec[] = [
    { name: 'tcp', type: 'stringArray', default: [], usage: 'Port pairs can be specified as \'<port>:<targetPort>\'.' },
    ...DRY_RUN_FLAGS,
  ];
  if (type !== 'ExternalName') flags.push({ name: 'clusterip', type: 'string', default: '', usage: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' });
  if (type === 'NodePort') flags.push({ name: 'node-port', type: 'int', default: 0, usage: 'Port used to expose the service on each node in a cluster.' });
  if (type === 'ExternalName') flags.push({ name: 'external-name', type: 'string', default: '', usage: 'External name of service' });
  return {
    name,
    short,
    flags,
    run(ctx, parsed, io) {
      const svcName = oneName(parsed, `kubectl create service ${name}`);
      if (type === 'ExternalName') required(parsed, 'external-name');
      else if (!(parsed.flags.tcp as string[]).length && parsed.flags.clusterip !== 'None') required(parsed, 'tcp');
      const obj = buildService({
        type,
        name: svcName,
        tcp: parsed.flags.tcp as string[],
        nodePort: (parsed.flags['node-port'] as number) || undefined,
        clusterIP: (parsed.flags.clusterip as string) || undefined,
        externalName: parsed.flags['external-name'] as string,
      });
      createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: `failed to create ${type} service: ` });
    },
  };
}

const service: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'Create a ClusterIP service'),
    serviceCommand('externalname', 'ExternalName', 'Create an ExternalName service'),
    serviceCommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service'),
    serviceCommand('nodeport', 'NodePort', 'Create a NodePort service'),
  ],
};

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: [...DRY_RUN_FLAGS],
  run(ctx, parsed, io) {
    const name = oneName(parsed, 'kubectl create namespace');
    createAndReport(ctx.cluster.api, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {} }, parsed, io);
  },
};

const DATA_FLAGS = [
  { name: 'from-literal', type: 'stringArray' as const, default: [], usage: 'Specify a key and literal value to insert (i.e. mykey=somevalue)' },
  { name: 'from-file', type: 'stringArray' as const, default: [], usage: 'Key file can be specified using its file path, in which case file basename will be used as key.' },
  { name: 'from-env-file', type: 'stringArray' as const, default: [], usage: 'Specify the path to a file to read lines of key=val pairs.' },
];

function dataSources(ctx: KubectlContext, parsed: ParsedArgs) {
  return {
    literals: parsed.flags['from-literal'] as string[],
    files: parsed.flags['from-file'] as string[],
    envFiles: parsed.flags['from-env-file'] as string[],
    readFile: (p: string) => ctx.files?.[p],
  };
}

const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [...DATA_FLAGS, ...DRY_RUN_FLAGS],
  run(ctx, parsed, io) {
    const name = oneName(parsed, 'kubectl create configmap');
    const obj = buildConfigMap(name, collectData(dataSources(ctx, parsed), 'ConfigMap', name));
    createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: 'failed to create configmap: ' });
  },
};

const secretGeneric: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [...DATA_FLAGS, { name: 'type', type: 'string', default: '', usage: 'The type of secret to create' }, ...DRY_RUN_FLAGS],
  run(ctx, parsed, io) {
    const name = oneName(parsed, 'kubectl create secret generic');
    const obj = buildSecret(name, collectData(dataSources(ctx, parsed), 'Secret', name), (parsed.flags.type as string) || 'Opaque');
    // kubectl's create secret wraps without a colon: `failed to create secret secrets "x" already exists`.
    createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: 'failed to create secret ' });
  },
};

const secret: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  subcommands: [secretGeneric],
};

const job: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
    { name: 'from', type: 'string', default: '', usage: "The name of the resource to create a Job from (only cronjob is supported)." },
    ...DRY_RUN_FLAGS,
  ],
  run(ctx, parsed, io) {
    const name = oneName({ ...parsed, args: parsed.args.slice(0, 1) }, 'kubectl create job');
    const image = parsed.flags.image as string;
    const from = parsed.flags.from as string;
    if (!image && !from) throw new UsageError('error: either --image or --from must be specified');
    if (image && from) throw new UsageError('error: either --image or --from must be specified');
    let obj: KubeObject;
    if (from) {
      const [type, cjName] = from.split('/');
      if (!cjName || resolveType(type).kind !== 'CronJob') throw new UsageError(`error: from must be an existing cronjob: ${from}`);
      const cj = orCliError(() => ctx.cluster.api.get('CronJob', namespaceFlag(parsed), cjName));
      obj = buildJobFromCronJob(name, cj);
    } else {
      obj = buildJob(name, image, parsed.args.slice(1));
    }
    createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: 'failed to create job: ' });
  },
};

const cronjob: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
    { name: 'schedule', type: 'string', default: '', usage: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', default: '', usage: "job's restart policy. supported values: OnFailure, Never" },
    ...DRY_RUN_FLAGS,
  ],
  run(ctx, parsed, io) {
    const name = oneName({ ...parsed, args: parsed.args.slice(0, 1) }, 'kubectl create cronjob');
    required(parsed, 'image', 'schedule');
    const obj = buildCronJob(name, parsed.flags.image as string, parsed.flags.schedule as string, parsed.flags.restart as string, parsed.args.slice(1));
    createAndReport(ctx.cluster.api, inNamespace(obj, parsed), parsed, io, { wrap: 'failed to create cronjob: ' });
  },
};

/** Creates every document of a file, printing one line each as `kubectl create -f` does. */
function createFromFile(ctx: KubectlContext, parsed: ParsedArgs, file: string, out: (t: string) => void, err: (t: string) => void): boolean {
  const text = readFile(ctx, file);
  const source = file === '-' ? 'STDIN' : file;
  if (text === undefined) {
    err(`error: the path "${file}" does not exist`);
    return false;
  }
  const { documents, errors } = parseManifests(text);
  if (errors.length) {
    const e = errors[0];
    err(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${e.endLine}: ${e.message}`);
    return false;
  }
  let ok = true;
  const items = documents.flatMap((d) => {
    const v = d.value as KubeObject | null;
    return v && v.kind === 'List' && Array.isArray(v.items) ? (v.items as KubeObject[]) : v ? [v] : [];
  });
  for (const raw of items) {
    const obj = clone(raw);
    const info = resourceForKind(obj.kind);
    if (!info || apiVersionOf(info) !== obj.apiVersion) {
      err(`error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
      ok = false;
      continue;
    }
    obj.metadata = { ...(obj.metadata ?? {}) };
    const ns = parsed.flags.namespace as string;
    if (info.namespaced && ns && obj.metadata.namespace && obj.metadata.namespace !== ns) {
      err(`error: the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${ns}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
      ok = false;
      continue;
    }
    if (info.namespaced) obj.metadata.namespace ||= ns || 'default';
    try {
      const created = ctx.cluster.api.create(obj);
      out(`${kindLabel(info)}/${created.metadata.name} created`);
    } catch (e) {
      err(formatApiError(e, 'creating').replaceAll('"STDIN"', `"${source}"`));
      ok = false;
    }
  }
  return ok;
}

/** `kubectl create`. */
export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringArray', default: [], usage: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' },
  ],
  subcommands: [configmap, cronjob, deployment, job, namespace, secret, service],
  run(ctx, parsed, io) {
    const files = parsed.flags.filename as string[];
    if (!files.length) throw new UsageError("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
    let ok = true;
    for (const f of files) ok = createFromFile(ctx, parsed, f, io.out, io.err) && ok;
    return ok ? 0 : 1;
  },
};
