import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Contract } from '../common/ipc';

/** Who is calling: the transport and, for logging without secrets, a short caller label. */
export interface CallContext {
  transport: 'electron' | 'browser';
}

export type Handler<C extends ChannelName> = (
  input: z.output<Contract[C]['input']>,
  ctx: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/**
 * The handlers of one channel file (`HandlersFor<typeof syncChannels>`): each handler group mirrors the file
 * its channels are declared in, so adding a channel there makes its missing handler a compile error here.
 */
export type HandlersFor<Channels> = Pick<Handlers, keyof Channels & ChannelName>;
