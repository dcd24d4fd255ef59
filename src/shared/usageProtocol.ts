// Every message between the Usage view and the extension, one discriminated union per direction, safeParsed on
// receipt by both sides. The view gets summaries only: the log's records stay in the extension.
import * as z from 'zod/mini';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const amount = z.number().check(z.nonnegative());
const model = z.string().check(z.maxLength(500));

export const modelTotalSchema = z.object({ model, cost: z.nullable(amount), tokens: amount, replies: amount });

export const usageSummarySchema = z.object({
  month,
  days: z.array(z.string()).check(z.maxLength(31)),
  metric: z.enum(['cost', 'tokens']),
  currency: z.nullable(z.string().check(z.maxLength(20))),
  series: z.array(z.object({ model, cost: z.array(amount), tokens: z.array(amount) })).check(z.maxLength(20)),
  total: z.object({ cost: z.nullable(amount), tokens: amount, replies: amount, unpriced: amount, errors: amount }),
  top: z.array(modelTotalSchema).check(z.maxLength(20)),
});

// ── webview → host ───────────────────────────────────────────────────────────────────────────────────────────
export const usageViewMessageSchema = z.discriminatedUnion('type', [
  /** The page is listening: the host posts nothing before this. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('showMonth'), month }),
  z.object({ type: z.literal('exportCsv'), month }),
  z.object({ type: z.literal('refresh') }),
]);
export type UsageViewMessage = z.infer<typeof usageViewMessageSchema>;

// ── host → webview ───────────────────────────────────────────────────────────────────────────────────────────
export const usageHostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('summary'),
    summary: usageSummarySchema,
    /** Months with a log file, newest first (the current month always among them). */
    months: z.array(month),
    /** The month it is now, in the person's calendar. */
    current: month,
    /** Lines of the log that were not records (a crash mid-write, a hand edit): said, not hidden. */
    skipped: amount,
  }),
  z.object({ type: z.literal('notice'), message: z.string().check(z.maxLength(2000)) }),
]);
export type UsageHostMessage = z.infer<typeof usageHostMessageSchema>;
