// zod schemas for everything the hub sends. Lenient on purpose: hubs add fields, omit optional ones and
// put `null` where OpenAI puts nothing, and none of that should break a reply.
// zod/mini rather than classic zod: the same checks at a fraction of the bundle (classic adds ~450 KB).
import * as z from 'zod/mini';

const nullishString = z.nullish(z.string());
const nullishNumber = z.nullish(z.number());

export const toolCallDeltaSchema = z.looseObject({
  index: z.nullish(z.number().check(z.int(), z.nonnegative())),
  id: nullishString,
  type: nullishString,
  function: z.nullish(z.looseObject({ name: nullishString, arguments: nullishString })),
});

export const usageSchema = z.looseObject({
  prompt_tokens: nullishNumber,
  completion_tokens: nullishNumber,
  total_tokens: nullishNumber,
});

const errorField = z.union([
  z.looseObject({
    message: nullishString,
    code: z.nullish(z.union([z.string(), z.number()])),
    type: nullishString,
  }),
  z.string(),
]);

export const chunkSchema = z.looseObject({
  choices: z.nullish(
    z.array(
      z.looseObject({
        delta: z.nullish(
          z.looseObject({
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
  error: z.optional(errorField),
});
export type Chunk = z.infer<typeof chunkSchema>;

export const completionSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      message: z.looseObject({
        content: nullishString,
        reasoning_content: nullishString,
        reasoning: nullishString,
        tool_calls: z.nullish(z.array(z.looseObject({ id: nullishString, function: z.looseObject({ name: z.string(), arguments: nullishString }) }))),
      }),
      finish_reason: nullishString,
    }),
  ),
  usage: z.nullish(usageSchema),
});

/** new-api answers some failures with HTTP 200 and this body instead of an error status. */
export const successFalseSchema = z.looseObject({ success: z.literal(false), message: nullishString });

export const modelEntrySchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  owned_by: nullishString,
  created: nullishNumber,
});

/** The list's envelope only: entries are checked one by one so one malformed model never hides the rest. */
export const modelListSchema = z.looseObject({ data: z.array(z.unknown()) });
