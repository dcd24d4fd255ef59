// Warnings about a pasted key that will probably be rejected. Only warnings: hubs change their key formats, and
// a gateway in front of a hub may use its own, so a key is never refused for its shape.
import { HUB_PRESETS, type HubPreset } from './presets';
import * as l10n from '@vscode/l10n';

const MIN_USUAL_LENGTH = 16;

/** What looks wrong with `key` for the hub `preset` (undefined for a hub without a known format), in words. The key itself is never quoted. */
export function keyFormatWarnings(rawKey: string, preset: HubPreset | undefined): string[] {
  const key = rawKey.trim();
  if (!key) return [];
  const warnings: string[] = [];
  if (/^bearer\s/i.test(key)) warnings.push(l10n.t('Paste the key without the "Bearer " prefix: the extension adds it.'));
  else if (/\s/.test(key)) warnings.push(l10n.t('The key contains spaces; a key is usually one unbroken word.'));
  if (/^https?:\/\//i.test(key)) warnings.push(l10n.t('This looks like an address, not a key.'));
  const bare = key.replace(/^bearer\s+/i, '');
  if (preset?.keyPrefix && !bare.startsWith(preset.keyPrefix)) {
    const other = HUB_PRESETS.find((p) => p !== preset && p.keyPrefix && bare.startsWith(p.keyPrefix));
    warnings.push(
      other
        ? l10n.t(
            'This looks like a key for {0} ({1}…), but the hub is {2}, whose keys start with {3}.',
            other.name,
            other.keyPrefix ?? '',
            preset.name,
            preset.keyPrefix,
          )
        : l10n.t('{0} keys start with {1}; this one does not.', preset.name, preset.keyPrefix),
    );
  }
  if (bare.length < MIN_USUAL_LENGTH) warnings.push(l10n.t('The key is only {0} characters long; keys are usually longer.', bare.length));
  return warnings;
}
