/** Every kubectl command, in the order `kubectl --help` lists them. */
import type { Command } from '../command';
import { annotateCommand } from './annotate';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { applyCommand } from './apply';
import { cordonCommand } from './cordon';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { clusterInfoCommand } from './cluster-info';
import { configCommand } from './config';
import { eventsCommand } from './events';
import { topCommand } from './top';
import { editCommand } from './edit';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { labelCommand } from './label';
import { logsCommand } from './logs';
import { patchCommand } from './patch';
import { replaceCommand } from './replace';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { taintCommand } from './taint';
import { uncordonCommand } from './uncordon';
import { versionCommand } from './version';

export const COMMANDS: Command[] = [
  // Basic Commands (Beginner / Intermediate)
  createCommand, exposeCommand, runCommand, setCommand, explainCommand, getCommand, editCommand, deleteCommand,
  // Deploy Commands
  rolloutCommand, scaleCommand,
  // Cluster Management Commands
  clusterInfoCommand, topCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand,
  // Troubleshooting and Debugging Commands
  describeCommand, logsCommand, execCommand, eventsCommand,
  // Advanced Commands
  applyCommand, patchCommand, replaceCommand,
  // Settings Commands
  labelCommand, annotateCommand, configCommand,
  // Other Commands
  apiResourcesCommand, apiVersionsCommand, versionCommand,
];
