// The translations a webview shows its strings in: the extension's bundle for VS Code's display language
// (vscode.l10n.bundle), handed to the page with its HTML (the body's data-l10n) so that everything the page builds
// while its modules load, before any message arrives, is already in that language. English has no bundle.
import * as z from 'zod/mini';

export const l10nBundleSchema = z.record(z.string(), z.string());
export type L10nBundle = z.infer<typeof l10nBundleSchema>;

/** The bundle as the page reads it back: undefined when absent or not a bundle (the page then speaks English). */
export function parseL10nBundle(text: string | undefined): L10nBundle | undefined {
  if (!text) return undefined;
  try {
    const parsed = l10nBundleSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // Not JSON: English rather than a page that does not start.
  }
}
