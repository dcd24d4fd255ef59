// Short human text for a model's metadata: one line for a tree item or quick-pick row, a few for a tooltip.
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
  if (model.contextLength) parts.push(`${formatTokens(model.contextLength)} ctx`);
  if (model.price) parts.push(formatPrice(model.price));
  if (model.capabilities.length > 0) parts.push(model.capabilities.join(', '));
  return parts.join(' · ');
}

/** Tooltip lines, plain text; the caller decides the markup. */
export function modelDetails(model: ModelInfo): string[] {
  const lines = [
    `Provider: ${model.provider}${model.ownedBy && model.ownedBy.toLowerCase() !== model.provider.toLowerCase() ? ` (owned_by: ${model.ownedBy})` : ''}`,
  ];
  if (model.contextLength) lines.push(`Context: ${model.contextLength.toLocaleString('en-US')} tokens`);
  if (model.maxOutputTokens) lines.push(`Max output: ${model.maxOutputTokens.toLocaleString('en-US')} tokens`);
  lines.push(`Price: ${model.price ? describePrice(model.price) : 'unknown (the hub publishes none)'}`);
  if (model.capabilities.length > 0) {
    const allGuessed = model.guessed.length === model.capabilities.length;
    const guessed =
      model.guessed.length === 0 ? '' : allGuessed ? ' (guessed from the id)' : ` (${model.guessed.join(', ')} guessed from the id)`;
    lines.push(`Capabilities: ${model.capabilities.join(', ')}${guessed}`);
  }
  if (model.endpoints) lines.push(`Endpoints: ${model.endpoints.join(', ')}`);
  return lines;
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}
