/** `kubectl cluster-info`: where the control plane and CoreDNS answer (with kubectl's colours stripped). */
import type { Command } from '../command';

/** The API server address of the simulated cluster's kubeconfig. */
export const SERVER_URL = 'https://127.0.0.1:6443';

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  subcommands: [
    {
      name: 'dump',
      short: 'Dump relevant information for debugging and diagnosis',
      run(_ctx, _parsed, io) {
        io.err('error: cluster-info dump is not available in this simulated cluster');
        return 1;
      },
    },
  ],
  run(ctx, parsed, io) {
    if (parsed.args.length) {
      io.err(`error: unknown command "${parsed.args[0]}" for "kubectl cluster-info"\n\nDid you mean this?\n\tdump\n\nRun 'kubectl cluster-info --help' for usage.`);
      return 1;
    }
    const dns = ctx.cluster.api.tryGet('Service', 'kube-system', 'kube-dns');
    let text = `Kubernetes control plane is running at ${SERVER_URL}\n`;
    if (dns) text += `CoreDNS is running at ${SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`;
    text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    io.out(text);
  },
};
