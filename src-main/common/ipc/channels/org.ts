import { z } from 'zod';
import { departmentSchema } from '../../domain/department';
import { idSchema } from '../../domain/ids';
import { userSchema } from '../../domain/user';
import { channel } from '../channel';

export const orgTreeSchema = z.object({
  workspaceName: z.string(),
  departments: z.array(departmentSchema),
  users: z.array(userSchema),
});
export type OrgTree = z.infer<typeof orgTreeSchema>;

export const orgChannels = {
  /** The department tree and everyone in it, as of the open workspace's current state. */
  'org.tree': channel(z.object({}).strict(), orgTreeSchema),
  /** One person by id (the person panel). */
  'org.user': channel(z.object({ userId: idSchema }).strict(), userSchema),
};
