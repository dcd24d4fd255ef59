// The layer rules in eslint.config.mjs, checked on planted imports: a rule that silently stopped matching
// (a moved folder, a changed glob) would let the pure layers grow a dependency on the editor.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', function () {
  this.timeout(60_000);

  it('refuses an adapter import from core, at every depth', async () => {
    assert.equal((await restricted('src/core/logger.ts', "import { Settings } from '../ids';\nexport const s = Settings;\n")).length, 1);
    assert.equal((await restricted('src/core/hub/x.ts', "import { Settings } from '../../ids';\nexport const s = Settings;\n")).length, 1);
    assert.equal(
      (await restricted('src/core/hub/x.ts', "import type { Services } from '../../services';\nexport type S = Services;\n")).length,
      1,
    );
  });

  it('refuses vscode in core, shared and webview, and adapters in shared and webview', async () => {
    assert.equal((await restricted('src/core/chat/x.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n")).length, 1);
    assert.equal((await restricted('src/shared/x.ts', "import { Commands } from '../ids';\nexport const c = Commands;\n")).length, 1);
    assert.equal(
      (await restricted('src/webview/x.ts', "import { ChatController } from '../chat/chatController';\nexport const c = ChatController;\n"))
        .length,
      1,
    );
  });

  it('refuses test/ from anywhere in src/', async () => {
    assert.equal(
      (await restricted('src/chat/x.ts', "import { startHub } from '../../test/hub/server';\nexport const s = startHub;\n")).length,
      1,
    );
  });

  it('allows what the layers may use: core within core, core and shared from the webview', async () => {
    assert.deepEqual(await restricted('src/core/hub/x.ts', "import { redact } from '../logger';\nexport const r = redact;\n"), []);
    assert.deepEqual(
      await restricted('src/webview/x.ts', "import type { Attachment } from '../core/chat/conversation';\nexport type A = Attachment;\n"),
      [],
    );
    assert.deepEqual(await restricted('src/chat/x.ts', "import { Settings } from '../ids';\nexport const s = Settings;\n"), []);
  });
});
