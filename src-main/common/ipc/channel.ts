import { z } from 'zod';

/** One request/response verb of the contract: the input the main process accepts and the output it promises. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { input, output };
}

// Pieces several channel files share (each file in channels/ holds one prefix's channels).

/** Views read the projection of a draft (its operations applied to the base) or, with null, the base itself. */
export const viewOf = z.object({ draftId: z.string().min(1).max(128).nullable() });
/** An effective scope as the engine answers it: 0 none, then the data scopes 1 … 5. */
export const scopeValueSchema = z.number().int().min(0).max(5);
/** The language a file or report is written in. */
export const localeSchema = z.enum(['zh-CN', 'en']);
