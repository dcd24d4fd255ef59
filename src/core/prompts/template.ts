// Custom prompt templates: `{{selection}}`, `{{language}}` and `{{fileName}}` are replaced in one pass, so a
// selection that itself contains `{{language}}` is sent as written.
import type { CodeContext } from './codeContext';

const PLACEHOLDER = /\{\{\s*(selection|language|fileName)\s*\}\}/g;

export function expandTemplate(template: string, ctx: Pick<CodeContext, 'text' | 'language' | 'fileName'>): string {
  const values: Record<string, string> = { selection: ctx.text, language: ctx.language, fileName: ctx.fileName };
  return template.replace(PLACEHOLDER, (_, name: string) => values[name]);
}

export function mentionsSelection(template: string): boolean {
  return /\{\{\s*selection\s*\}\}/.test(template);
}
