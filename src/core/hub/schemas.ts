// zod schemas for everything the hub sends. Lenient on purpose: hubs add fields, omit optional ones and
// put `null` where OpenAI puts nothing, and none of that should break a reply.
// zod/mini rather than classic zod: the same checks at a fraction of the bundle (classic adds ~450 KB).
import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import { lazySchema } from '../lazySchema';

/**
 * An object schema on zod's compiled fast path. zod/mini's `object` skips it, and a reply can be a hundred
 * thousand chunks: this validates a chunk about four times faster (measured by `npm run bench`). Unknown keys
 * are accepted and dropped, which is also cheaper than keeping them, and nothing reads them.
 */
export function compiledObject<T extends core.$ZodShape>(shape: T): core.$ZodObject<T> {
  return new CompiledObject({ type: 'object', shape }) as core.$ZodObject<T>;
}
// zod exports the compiled variant without declaring it; should a release drop it, the plain one does the same checks.
const CompiledObject = (core as unknown as { $ZodObjectJIT?: typeof core.$ZodObject }).$ZodObjectJIT ?? core.$ZodObject;

const nullishString = lazySchema(() => z.nullish(z.string()));
const nullishNumber = lazySchema(() => z.nullish(z.number()));

export const toolCallDeltaSchema = lazySchema(() =>
  compiledObject({
    index: z.nullish(z.number().check(z.int(), z.nonnegative())),
    id: nullishString,
    type: nullishString,
    function: z.nullish(compiledObject({ name: nullishString, arguments: nullishString })),
  }),
);

export const usageSchema = lazySchema(() =>
  compiledObject({
    prompt_tokens: nullishNumber,
    completion_tokens: nullishNumber,
    total_tokens: nullishNumber,
    // Details and cost are extras: a shape that does not fit is dropped rather than failing the chunk (and the fast
    // chunk guard, which does not look at them, stays in agreement with this schema).
    prompt_tokens_details: z.nullish(z.catch(z.nullable(compiledObject({ cached_tokens: nullishNumber })), null)),
    completion_tokens_details: z.nullish(z.catch(z.nullable(compiledObject({ reasoning_tokens: nullishNumber })), null)),
    /** OpenRouter: what the reply cost, in USD. A string or other shape is dropped rather than failing the chunk. */
    cost: z.nullish(z.catch(z.nullable(z.number()), null)),
  }),
);

export const chunkSchema = lazySchema(() =>
  compiledObject({
    /** The completion's id (`chatcmpl-…`): what a hub's support can look a reply up by when no request id is sent. */
    id: z.nullish(z.catch(z.nullable(z.string()), null)),
    /** The model that actually answered: hubs map aliases to other models. */
    model: z.nullish(z.catch(z.nullable(z.string()), null)),
    choices: z.nullish(
      z.array(
        compiledObject({
          delta: z.nullish(
            compiledObject({
              content: nullishString,
              reasoning_content: nullishString,
              reasoning: nullishString,
              tool_calls: z.nullish(z.array(toolCallDeltaSchema)),
            }),
          ),
          finish_reason: nullishString,
        }),
      ),
    ),
    usage: z.nullish(usageSchema),
  }),
);
export type Chunk = core.output<typeof chunkSchema>;

export const completionSchema = lazySchema(() =>
  z.looseObject({
    id: z.nullish(z.catch(z.nullable(z.string()), null)),
    model: z.nullish(z.catch(z.nullable(z.string()), null)),
    choices: z.array(
      z.looseObject({
        message: z.looseObject({
          content: nullishString,
          reasoning_content: nullishString,
          reasoning: nullishString,
          tool_calls: z.nullish(
            z.array(z.looseObject({ id: nullishString, function: z.looseObject({ name: z.string(), arguments: nullishString }) })),
          ),
        }),
        finish_reason: nullishString,
      }),
    ),
    usage: z.nullish(usageSchema),
  }),
);

/** new-api answers some failures with HTTP 200 and this body instead of an error status. */
export const successFalseSchema = lazySchema(() => z.looseObject({ success: z.literal(false), message: nullishString }));

export const modelEntrySchema = lazySchema(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    owned_by: nullishString,
    created: nullishNumber,
  }),
);

/** The list's envelope only: entries are checked one by one so one malformed model never hides the rest. */
export const modelListSchema = lazySchema(() => z.looseObject({ data: z.array(z.unknown()) }));
