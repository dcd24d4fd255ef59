// Warnings about a pasted key that will probably be rejected. Only warnings: hubs change their key formats, and
// a gateway in front of a hub may use its own, so a key is never refused for its shape.
import { HUB_PRESETS, type HubPreset } from './presets';

const MIN_USUAL_LENGTH = 16;

/** What looks wrong with `key` for the hub `preset` (undefined for a hub without a known format), in words. The key itself is never quoted. */
export function keyFormatWarnings(rawKey: string, preset: HubPreset | undefined): string[] {
  const key = rawKey.trim();
  if (!key) return [];
  const warnings: string[] = [];
  if (/^bearer\s/i.test(key)) warnings.push('Paste the key without the "Bearer " prefix: the extension adds it.');
  else if (/\s/.test(key)) warnings.push('The key contains spaces; a key is usually one unbroken word.');
  if (/^https?:\/\//i.test(key)) warnings.push('This looks like an address, not a key.');
  const bare = key.replace(/^bearer\s+/i, '');
  if (preset?.keyPrefix && !bare.startsWith(preset.keyPrefix)) {
    const other = HUB_PRESETS.find((p) => p !== preset && p.keyPrefix && bare.startsWith(p.keyPrefix));
    warnings.push(
      other
        ? `This looks like a key for ${other.name} (${other.keyPrefix}…), but the hub is ${preset.name}, whose keys start with ${preset.keyPrefix}.`
        : `${preset.name} keys start with ${preset.keyPrefix}; this one does not.`,
    );
  }
  if (bare.length < MIN_USUAL_LENGTH) warnings.push(`The key is only ${bare.length} characters long; keys are usually longer.`);
  return warnings;
}
