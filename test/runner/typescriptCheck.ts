// Compiles and runs TypeScript the demo's way (tools/demo-workspace/tsconfig.json): tests check that code the
// demo hub proposes still compiles and still does what the original did.
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';

export const DEMO_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.CommonJS,
  strict: true,
  noEmit: true,
  types: [],
};

/**
 * tsc's errors per file, for files given by base name and source, compiled in one program (a program per file
 * would cost seconds each: the lib files are parsed once per program).
 */
export function compileErrors(files: Record<string, string>): Record<string, string[]> {
  const host = ts.createCompilerHost(DEMO_COMPILER_OPTIONS);
  const read = host.readFile.bind(host);
  host.readFile = (name) => files[path.basename(name)] ?? read(name);
  host.fileExists = (name) => path.basename(name) in files || ts.sys.fileExists(name);
  const program = ts.createProgram(Object.keys(files), DEMO_COMPILER_OPTIONS, host);
  const errors: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    (errors[path.basename(d.file?.fileName ?? '')] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}

export type Exports = Record<string, (...args: unknown[]) => unknown>;

/** A module's exports, from TypeScript source without imports, run in a fresh context. */
export function loadModule(source: string): Exports {
  const js = ts.transpileModule(source, { compilerOptions: { ...DEMO_COMPILER_OPTIONS, noEmit: false } }).outputText;
  const module = { exports: {} as Exports };
  vm.runInNewContext(js, { module, exports: module.exports, Map, RangeError, Math, Number });
  return module.exports;
}

/** What a call returns or throws, as text comparable across contexts. */
export function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): string {
  try {
    const value = fn(...structuredClone(args));
    return JSON.stringify(value instanceof Map ? [...value] : value);
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
}
