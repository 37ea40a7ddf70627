/** Every kubectl command, in the order `kubectl --help` lists them. */
import type { Command } from '../command';
import { annotateCommand } from './annotate';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { getCommand } from './get';
import { labelCommand } from './label';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { versionCommand } from './version';

export const COMMANDS: Command[] = [
  createCommand, runCommand, getCommand, setCommand, deleteCommand, rolloutCommand, scaleCommand,
  labelCommand, annotateCommand, applyCommand, apiResourcesCommand, apiVersionsCommand, versionCommand,
];
