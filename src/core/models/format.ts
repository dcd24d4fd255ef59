// Short human text for a model's metadata: one line for a tree item or quick-pick row, a few for a tooltip.
import * as l10n from '@vscode/l10n';
import { describePrice, formatPrice } from '../money/formatMoney';
import type { ModelInfo } from './catalog';

/** 131072 → "131K", 1048576 → "1M", 8000 → "8K". */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000) return `${trim(tokens / 1_000_000)}M`;
  if (tokens >= 1_000) return `${Math.round(tokens / 1_000)}K`;
  return String(tokens);
}

/** The one-line summary: "200K ctx · $3/$15 per 1M · tools, vision". */
export function modelSummary(model: ModelInfo): string {
  const parts: string[] = [];
  if (model.contextLength) parts.push(l10n.t('{0} ctx', formatTokens(model.contextLength)));
  if (model.price) parts.push(formatPrice(model.price));
  if (model.capabilities.length > 0) parts.push(model.capabilities.join(', '));
  return parts.join(' · ');
}

/** Tooltip lines, plain text; the caller decides the markup. */
export function modelDetails(model: ModelInfo): string[] {
  const lines = [
    model.ownedBy && model.ownedBy.toLowerCase() !== model.provider.toLowerCase()
      ? l10n.t('Provider: {0} (owned_by: {1})', model.provider, model.ownedBy)
      : l10n.t('Provider: {0}', model.provider),
  ];
  if (model.contextLength) lines.push(l10n.t('Context: {0} tokens', model.contextLength.toLocaleString('en-US')));
  if (model.maxOutputTokens) lines.push(l10n.t('Max output: {0} tokens', model.maxOutputTokens.toLocaleString('en-US')));
  lines.push(l10n.t('Price: {0}', model.price ? describePrice(model.price) : l10n.t('unknown (the hub publishes none)')));
  if (model.capabilities.length > 0) {
    const allGuessed = model.guessed.length === model.capabilities.length;
    const list = model.capabilities.join(', ');
    lines.push(
      model.guessed.length === 0
        ? l10n.t('Capabilities: {0}', list)
        : allGuessed
          ? l10n.t('Capabilities: {0} (guessed from the id)', list)
          : l10n.t('Capabilities: {0} ({1} guessed from the id)', list, model.guessed.join(', ')),
    );
  }
  if (model.endpoints) lines.push(l10n.t('Endpoints: {0}', model.endpoints.join(', ')));
  return lines;
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}
