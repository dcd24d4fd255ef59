// The suite's entry point inside the extension host (the contract of @vscode/test-electron, which the
// code-server runner follows too): runs every compiled *.test.js beside this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The report travels as log lines to the runner (code-server) or to a pipe (test-electron): no ANSI codes.
    color: false,
    timeout: 30_000,
    forbidOnly: !!process.env.CI,
    grep: process.env.AIHUB_TEST_GREP,
  });
  // log-symbols colours ✔/✖ when mocha loads, whatever `color` says: keep the report plain text.
  const symbols = Mocha.reporters.Base.symbols as unknown as Record<string, string>;
  for (const [name, symbol] of Object.entries(symbols)) symbols[name] = stripVTControlCharacters(symbol);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      // A suite that throws while loading (a bad import) must fail the run, not hang it.
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
