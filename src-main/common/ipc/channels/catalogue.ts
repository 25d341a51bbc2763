import { z } from 'zod';
import { permissionSchema } from '../../domain';
import { channel } from '../channel';

export const catalogueChannels = {
  /** The permission catalogue (tree nodes with labels in both languages). */
  'catalogue.list': channel(z.object({}).strict(), z.object({ permissions: z.array(permissionSchema) })),
};
