// A display language for code-server without downloading a language pack. VS Code switches its display language
// (and so `vscode.env.language`, the extensions' package.nls.<language>.json and l10n bundles) only to a language
// some installed language pack contributes; this one contributes the language with no translations of VS Code's
// own words, which therefore stay English, so that what a test sees in the language is the extension's own.
import * as fs from 'node:fs';
import * as path from 'node:path';

const PUBLISHER = 'aihub-test';
const VERSION = '0.0.1';

/**
 * Writes the pack into `extensionsDir` and the language pack index VS Code reads at start into `userDataDir`
 * (what it writes itself when a pack is installed), both before code-server starts.
 */
export function writeLanguagePack(locale: string, dirs: { extensions: string; userData: string }): void {
  const name = `language-pack-${locale}`;
  const folder = path.join(dirs.extensions, `${PUBLISHER}.${name}-${VERSION}`);
  const translations = path.join(folder, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({
      name,
      publisher: PUBLISHER,
      version: VERSION,
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          { languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
        ],
      },
    }),
  );
  const index = {
    [locale]: {
      hash: `${PUBLISHER}-${locale}`,
      extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.${name}` }, version: VERSION }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(dirs.userData, 'languagepacks.json'), JSON.stringify(index));
}
