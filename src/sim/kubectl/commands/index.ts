/** Every kubectl command, in the order `kubectl --help` lists them. */
import type { Command } from '../command';
import { applyCommand } from './apply';
import { versionCommand } from './version';

export const COMMANDS: Command[] = [applyCommand, versionCommand];
