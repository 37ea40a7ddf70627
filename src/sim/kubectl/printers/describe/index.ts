/** Which describer describes which kind; the rest get the generic one. */
import type { KubeObject } from '../../../api/types';
import type { PrintContext } from '../columns';
import { describeGeneric } from './generic';
import { describeConfigMap, describeNamespace, describeSecret, describeService } from './misc';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeDeployment, describeReplicaSet } from './workloads';
import { DescribeWriter, type DescribeSource } from './writer';

export type { DescribeSource } from './writer';

type Describer = (obj: KubeObject, src: DescribeSource, w: DescribeWriter) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Node: describeNode,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
};

/** The `kubectl describe` text of one object. */
export function describeObject(obj: KubeObject, src: DescribeSource, ctx: PrintContext): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(obj, src, new DescribeWriter(ctx));
}
