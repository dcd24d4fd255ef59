// What the key check after "Set API Key" tells the user: a rejected key is a verdict on the key, while a hub
// that could not be reached (or failed) says nothing about it: the key is kept and can be checked again.
import * as l10n from '@vscode/l10n';
import { HUB_ADDRESS_ERRORS, type HubErrorKind } from '../hub/errors';

export type KeyCheck =
  { ok: true; host: string; models: number } | { ok: false; host: string; message: string; kind?: HubErrorKind; status?: number };

export type KeyCheckAction = 'enterAnotherKey' | 'checkAgain' | 'chooseHub';

export interface KeyCheckVerdict {
  severity: 'info' | 'warning';
  text: string;
  /** The buttons offered, most useful first. */
  actions: KeyCheckAction[];
}

const REJECTED: ReadonlySet<string> = new Set(['auth', 'forbidden', 'noKey']);
const UNREACHABLE: ReadonlySet<string> = new Set(['network', 'timeout']);

export function keyCheckVerdict(check: KeyCheck): KeyCheckVerdict {
  if (check.ok) {
    return {
      severity: 'info',
      text:
        check.models === 1
          ? l10n.t('key saved. {0} offers 1 model.', check.host)
          : l10n.t('key saved. {0} offers {1} models.', check.host, check.models),
      actions: [],
    };
  }
  if (check.kind && REJECTED.has(check.kind)) {
    return {
      severity: 'warning',
      text: l10n.t('key saved, but {0} did not accept it. {1}', check.host, check.message),
      actions: ['enterAnotherKey'],
    };
  }
  const chooseHub: KeyCheckAction[] = check.kind && HUB_ADDRESS_ERRORS.has(check.kind) ? ['chooseHub'] : [];
  if (check.kind && UNREACHABLE.has(check.kind)) {
    return {
      severity: 'warning',
      text: l10n.t(
        'key saved, but not checked: {0} could not be reached (a network failure, which says nothing about the key). {1}',
        check.host,
        check.message,
      ),
      actions: ['checkAgain', ...chooseHub],
    };
  }
  return {
    severity: 'warning',
    text: l10n.t('key saved, but not checked: {0} failed to answer the check. {1}', check.host, check.message),
    actions: ['checkAgain', ...chooseHub],
  };
}
