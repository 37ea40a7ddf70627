/** `kubectl annotate TYPE NAME key=value key- [--overwrite]` -> `pod/web annotated`. */
import type { Command } from '../command';
import { editMetadata, METADATA_FLAGS } from './metadata-edit';

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: METADATA_FLAGS,
  run: (ctx, parsed, io) => editMetadata(ctx, parsed, io, 'annotations'),
};
