// Parsing the hub's `GET /models` reply: entry by entry, so one malformed model never hides the others.
import { HubError } from './errors';
import { modelEntrySchema, modelListSchema } from './schemas';
import type { HubModel } from './types';
import * as l10n from '@vscode/l10n';

export function parseModelList(json: unknown, baseUrl: string): { models: HubModel[]; skipped: number } {
  // Some hubs (and some proxies) return the bare array instead of OpenAI's `{object:'list', data:[…]}`.
  const envelope = Array.isArray(json) ? { data: json } : json;
  const list = modelListSchema.safeParse(envelope);
  if (!list.success) {
    throw new HubError({
      kind: 'invalidResponse',
      message: l10n.t(
        "The hub at {0} answered GET /models without a model list. Check with Choose Hub that the hub's address is its API address, ending in /v1.",
        baseUrl,
      ),
    });
  }
  const models: HubModel[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const entry of list.data.data) {
    const parsed = modelEntrySchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) {
      skipped += parsed.success ? 0 : 1;
      continue;
    }
    seen.add(parsed.data.id);
    models.push({
      id: parsed.data.id,
      ownedBy: parsed.data.owned_by ?? undefined,
      created: parsed.data.created ?? undefined,
      raw: parsed.data as Record<string, unknown>,
    });
  }
  return { models, skipped };
}
