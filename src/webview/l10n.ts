// Gives @vscode/l10n the bundle the extension put in the page (src/shared/l10nBundle.ts). Every page's entry imports
// this before anything that builds text, so strings made while the modules load are translated too.
import * as l10n from '@vscode/l10n';
import { parseL10nBundle } from '../shared/l10nBundle';

const bundle = parseL10nBundle(document.body.dataset.l10n);
if (bundle) l10n.config({ contents: bundle });
