/** `kubectl label TYPE NAME key=value key- [--overwrite]` -> `pod/web labeled`. */
import type { Command } from '../command';
import { editMetadata, METADATA_FLAGS } from './metadata-edit';

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: METADATA_FLAGS,
  run: (ctx, parsed, io) => editMetadata(ctx, parsed, io, 'labels'),
};
