// Fence tags models commonly write, mapped to VS Code language ids (the rest are usually ids already).
const LANGUAGE_IDS: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  jsx: 'javascriptreact',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  python3: 'python',
  rb: 'ruby',
  rs: 'rust',
  go: 'go',
  golang: 'go',
  kt: 'kotlin',
  cs: 'csharp',
  'c#': 'csharp',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  ps1: 'powershell',
  pwsh: 'powershell',
  yml: 'yaml',
  md: 'markdown',
  html: 'html',
  xml: 'xml',
  json5: 'jsonc',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  text: 'plaintext',
  txt: 'plaintext',
  plain: 'plaintext',
};

/** The VS Code language id for a fence tag, or plaintext when this VS Code does not know the language. */
export function languageIdForFence(tag: string, known: readonly string[]): string {
  const lower = tag.trim().toLowerCase();
  if (!lower) return 'plaintext';
  if (known.includes(lower)) return lower;
  const mapped = LANGUAGE_IDS[lower];
  return mapped && known.includes(mapped) ? mapped : 'plaintext';
}
