/** `kubectl version`: client and server versions. */
import type { Command } from '../command';

/** The Kubernetes version the simulated cluster presents. */
export const KUBERNETES_VERSION = 'v1.34.2';

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run(_ctx, parsed, io) {
    io.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: v5.7.1`);
    if (!parsed.flags.client) io.out(`Server Version: ${KUBERNETES_VERSION}`);
  },
};
