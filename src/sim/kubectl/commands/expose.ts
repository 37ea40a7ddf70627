/**
 * `kubectl expose deployment|rs|pod|service NAME [--port] [--target-port]
 * [--type] [--name]`: a Service whose selector and ports come from the object
 * -> `service/NAME exposed`.
 */
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { buildExposedService } from '../generators/service';
import { parseLabelList } from '../generators/pod';
import { createAndReport, DRY_RUN_FLAGS, orCliError, parseObjectArgs } from './resource-args';

type Port = { port: number; name?: string; protocol?: string };

/** The selector kubectl reads from the object, or its error. */
function selectorOf(obj: KubeObject): Record<string, string> {
  const fail = (why: string) => new UsageError(`error: couldn't retrieve selectors via --selector flag or introspection: ${why}`);
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || !Object.keys(obj.metadata.labels).length) throw fail('the pod has no labels and cannot be exposed');
      return { ...obj.metadata.labels };
    case 'Service':
      if (!obj.spec?.selector) throw fail('the service has no pod selector set');
      return { ...obj.spec.selector };
    default: {
      const sel = obj.spec?.selector;
      if (sel?.matchExpressions?.length) throw fail(`couldn't convert expressions - "${sel.matchExpressions[0].key}" to map-based selector format`);
      return { ...(sel?.matchLabels ?? {}) };
    }
  }
}

/** The ports kubectl finds on the object when `--port` is not given. */
function portsOf(obj: KubeObject): Port[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p: Port) => ({ port: p.port, name: p.name, protocol: p.protocol }));
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  const out: Port[] = [];
  for (const c of spec?.containers ?? []) for (const p of c.ports ?? []) out.push({ port: p.containerPort, name: p.name, protocol: p.protocol });
  return out;
}

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicaSet', 'Deployment', 'ReplicationController']);

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    { name: 'port', type: 'string', default: '', usage: 'The port that the service should serve on.' },
    { name: 'target-port', type: 'string', default: '', usage: 'Name or number for the port on the container that the service should direct traffic to.' },
    { name: 'type', type: 'string', default: '', usage: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.' },
    { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object.' },
    { name: 'protocol', type: 'string', default: '', usage: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'selector', type: 'string', default: '', usage: 'A label selector to use for this service.' },
    { name: 'labels', shorthand: 'l', type: 'string', default: '', usage: 'Labels to apply to the service created by this call.' },
    { name: 'cluster-ip', type: 'string', default: '', usage: 'ClusterIP to be assigned to the service.' },
    ...DRY_RUN_FLAGS,
  ],
  run(ctx, parsed, io) {
    const objs = parseObjectArgs(parsed.args);
    if (!objs.length) {
      throw new UsageError(
        parsed.args.length ? 'error: resource(s) were provided, but no name was specified' : "error: You must provide one or more resources by argument or filename.\nSee 'kubectl expose -h' for help and examples",
      );
    }
    const ns = namespaceFlag(parsed);
    for (const { info, name } of objs) {
      if (!EXPOSABLE.has(info.kind)) throw new UsageError(`error: cannot expose a ${info.kind}`);
      const obj = orCliError(() => ctx.cluster.api.get(info.kind, ns, name));
      const selector = parsed.flags.selector ? parseLabelList(parsed.flags.selector as string) : selectorOf(obj);
      const portFlag = parsed.flags.port as string;
      let ports: Port[];
      if (portFlag) {
        if (!/^\d+$/.test(portFlag)) throw new UsageError(`error: invalid argument "${portFlag}" for "--port" flag: strconv.ParseInt: parsing "${portFlag}": invalid syntax`);
        ports = [{ port: Number(portFlag) }];
      } else {
        ports = portsOf(obj);
        if (!ports.length) throw new UsageError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
      }
      const svc = buildExposedService({
        name: (parsed.flags.name as string) || name,
        selector,
        labels: parsed.flags.labels ? parseLabelList(parsed.flags.labels as string) : obj.metadata.labels,
        ports,
        targetPort: (parsed.flags['target-port'] as string) || undefined,
        type: (parsed.flags.type as string) || undefined,
        protocol: (parsed.flags.protocol as string) || undefined,
        clusterIP: (parsed.flags['cluster-ip'] as string) || undefined,
      });
      if (parsed.flags.namespace) svc.metadata.namespace = ns;
      createAndReport(ctx.cluster.api, svc, parsed, io, { verb: 'exposed' });
    }
  },
};
