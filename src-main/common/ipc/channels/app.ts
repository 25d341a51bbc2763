import { z } from 'zod';
import { channel } from '../channel';

export const transportSchema = z.enum(['electron', 'browser']);

export const appChannels = {
  /** What the console runs on: version, transport, the workspace open at start. */
  'app.info': channel(
    z.object({}).strict(),
    z.object({
      name: z.string(),
      version: z.string(),
      transport: transportSchema,
      platform: z.string(),
    }),
  ),
};
