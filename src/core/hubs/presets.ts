// The hubs the extension knows by name (from their public docs): where their API lives, where keys are made,
// and what their keys look like (for a warning only: a hub may change its format).
import * as l10n from '@vscode/l10n';

export interface HubPreset {
  name: string;
  baseUrl: string;
  /** Where the user creates a key, when the hub's docs say. */
  consoleUrl?: string;
  /** The prefix every key of this hub starts with, when the hub's docs show one. */
  keyPrefix?: string;
  /** Said under the preset's name, in the display language. */
  detail: () => string;
}

export const HUB_PRESETS: readonly HubPreset[] = [
  {
    name: 'AIHubAPI',
    baseUrl: 'https://aihubapi.ai/v1',
    consoleUrl: 'https://aihubapi.ai/console',
    keyPrefix: 'sk-',
    detail: () => l10n.t('500+ models, keys start with {0}', 'sk-'),
  },
  { name: 'AIHubSpot', baseUrl: 'https://api.aihubspot.app/v1', keyPrefix: 'AH_', detail: () => l10n.t('keys start with {0}', 'AH_') },
  { name: 'AI TokenHub', baseUrl: 'https://ai-tokenhub.com/v1', detail: () => l10n.t('OpenAI-compatible chat API') },
];

/** The preset whose API is at this base URL's origin, if any. */
export function presetFor(baseUrl: string): HubPreset | undefined {
  const origin = originOf(baseUrl);
  return origin === undefined ? undefined : HUB_PRESETS.find((p) => originOf(p.baseUrl) === origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
