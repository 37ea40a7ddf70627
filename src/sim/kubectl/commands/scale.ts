/** `kubectl scale TYPE NAME --replicas=N [--current-replicas=M]` -> `deployment.apps/web scaled`. */
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import type { KubeObject } from '../../api/types';
import { kindLabel, mutate, orCliError, parseLabelSelector, parseObjectArgs, resolveType } from './resource-args';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    { name: 'replicas', type: 'int', default: 0, usage: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.' },
    { name: 'resource-version', type: 'string', default: '', usage: 'Precondition for resource version.' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  run(ctx, parsed, io) {
    if (!parsed.changed.has('replicas')) throw new UsageError('error: required flag(s) "replicas" not set');
    const replicas = parsed.flags.replicas as number;
    if (replicas < 0) throw new UsageError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\nSee 'kubectl scale -h' for help and examples");
    const ns = namespaceFlag(parsed);
    const api = ctx.cluster.api;
    let targets = parsed.args.length === 1 && !parsed.args[0].includes('/') ? [] : parseObjectArgs(parsed.args);
    if (!targets.length) {
      if (!parsed.args.length) throw new UsageError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl scale -h' for help and examples");
      const selector = parsed.flags.selector as string;
      if (!selector && !parsed.flags.all) throw new UsageError('error: resource(s) were provided, but no name was specified');
      const info = resolveType(parsed.args[0]);
      const match = selector ? parseLabelSelector(selector) : () => true;
      targets = api.list(info.kind, ns, { labelSelector: match }).items.map((o) => ({ info, name: o.metadata.name }));
    }
    const current = parsed.flags['current-replicas'] as number;
    const rv = parsed.flags['resource-version'] as string;
    for (const { info, name } of targets) {
      if (!SCALABLE.has(info.kind)) throw new UsageError('Error from server (NotFound): the server could not find the requested resource');
      // The scale subresource: the precondition is checked against spec.replicas.
      orCliError(() =>
        mutate<KubeObject>(api, info.kind, ns, name, (obj) => {
          const actual = obj.spec?.replicas ?? 1;
          if (current >= 0 && actual !== current) throw new UsageError(`error: Expected replicas to be ${current}, was ${actual}`);
          if (rv && obj.metadata.resourceVersion !== rv) throw new UsageError(`error: Expected resource version to be ${rv}, was ${obj.metadata.resourceVersion}`);
          obj.spec.replicas = replicas;
        }),
      );
      io.out(`${kindLabel(info)}/${name} scaled`);
    }
  },
};
