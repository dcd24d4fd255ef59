// A repository's commit-message style, read from its recent history, so a generated message reads like the
// ones around it: Conventional Commits (`feat(chat): …`), an area prefix (`Chat: …`), or a plain subject; the
// capitalisation and tense of its first word, a closing full stop, its usual length and whether bodies are
// written. The recent subjects also go to the model verbatim as examples: rules say what, examples say how.

export type PrefixStyle =
  /** `type(scope)!: description`, with the types and whether scopes are written. */
  | { kind: 'conventional'; types: string[]; scopes: boolean }
  /** `Area: description`, a capitalised word or two before a colon (`Chat:`, `Hub client:`). */
  | { kind: 'area' }
  | { kind: 'none' };

export interface CommitStyle {
  prefix: PrefixStyle;
  /** The first word of the description (after any prefix). */
  capitalised: boolean;
  /** `Added …` rather than `Add …`. */
  pastTense: boolean;
  endsWithPeriod: boolean;
  /** The median subject length in characters (72 when the history has no commits to learn from). */
  typicalLength: number;
  /** Most commits have a body after the subject. */
  bodies: boolean;
  /** Recent subjects, newest first, to show the model. */
  examples: string[];
  /** How many commits the style was read from (0: the defaults below). */
  sampleSize: number;
}

/** What a repository without history gets: git's own advice (imperative, capitalised, no full stop, ≤ 72). */
export const DEFAULT_STYLE: CommitStyle = {
  prefix: { kind: 'none' },
  capitalised: true,
  pastTense: false,
  endsWithPeriod: false,
  typicalLength: 72,
  bodies: false,
  examples: [],
  sampleSize: 0,
};

const CONVENTIONAL = /^([a-z]+)(\([^)]*\))?!?: \S/;
const AREA = /^[A-Z][\w./-]*(?: [\w./-]+){0,2}: \S/;
/** Commits git or a tool wrote, which say nothing about how people here write. */
const GENERATED = /^(Merge (branch|pull request|remote-tracking branch|tag)|Revert "|fixup! |squash! |amend! |Initial commit$)/i;
const MAX_EXAMPLES = 12;

/** Half or more of the sample shows it. */
const mostly = (count: number, total: number) => total > 0 && count * 2 >= total;

/** The style of these commit messages (whole messages, newest first: subject, blank line, body). */
export function detectCommitStyle(messages: readonly string[]): CommitStyle {
  const commits = messages
    .map((message) => {
      const [subject = '', ...rest] = message.replace(/\r\n/g, '\n').split('\n');
      return { subject: subject.trim(), hasBody: rest.some((line) => line.trim() !== '') };
    })
    .filter((c) => c.subject !== '' && !GENERATED.test(c.subject));
  if (commits.length === 0) return DEFAULT_STYLE;
  const subjects = commits.map((c) => c.subject);
  const total = subjects.length;

  const conventional = subjects.map((s) => CONVENTIONAL.exec(s)).filter((m): m is RegExpExecArray => m !== null);
  let prefix: PrefixStyle = { kind: 'none' };
  if (mostly(conventional.length, total)) {
    const counts = new Map<string, number>();
    for (const m of conventional) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    const types = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
    prefix = { kind: 'conventional', types, scopes: mostly(conventional.filter((m) => m[2]).length, conventional.length) };
  } else if (mostly(subjects.filter((s) => AREA.test(s)).length, total)) {
    prefix = { kind: 'area' };
  }

  const descriptions = subjects.map((s) => descriptionOf(s, prefix));
  const firstWords = descriptions.map((d) => /^\p{L}[\p{L}'-]*/u.exec(d)?.[0]).filter((w): w is string => w !== undefined);
  const lengths = subjects.map((s) => [...s].length).sort((a, b) => a - b);
  return {
    prefix,
    capitalised: mostly(firstWords.filter((w) => /^\p{Lu}/u.test(w)).length, firstWords.length),
    pastTense: mostly(
      firstWords.filter((w) => /[^e]ed$/i.test(w) || /^(Made|Built|Wrote|Ran|Put|Set|Kept|Left)$/i.test(w)).length,
      firstWords.length,
    ),
    endsWithPeriod: mostly(subjects.filter((s) => s.endsWith('.')).length, total),
    typicalLength: lengths[Math.floor((lengths.length - 1) / 2)],
    bodies: mostly(commits.filter((c) => c.hasBody).length, total),
    examples: subjects.slice(0, MAX_EXAMPLES),
    sampleSize: total,
  };
}

function descriptionOf(subject: string, prefix: PrefixStyle): string {
  if (prefix.kind === 'none') return subject;
  const colon = subject.indexOf(': ');
  return colon >= 0 ? subject.slice(colon + 2) : subject;
}

/** The style as instructions for the model, one rule a line. */
export function describeCommitStyle(style: CommitStyle): string[] {
  const rules: string[] = [];
  if (style.prefix.kind === 'conventional') {
    const scope = style.prefix.scopes ? '(scope)' : '';
    rules.push(
      `Use Conventional Commits: \`type${scope}: description\`, with a type this repository uses (${style.prefix.types.join(', ')})` +
        (style.prefix.scopes ? ' and a scope naming the area changed.' : '.'),
    );
  } else if (style.prefix.kind === 'area') {
    rules.push('Start the subject with the area changed and a colon, as in the examples (`Area: description`).');
  }
  rules.push(
    style.capitalised ? 'Capitalise the first word of the description.' : 'Write the first word of the description in lower case.',
    style.pastTense ? 'Use the past tense ("Added", "Fixed").' : 'Use the imperative mood ("Add", "Fix").',
    style.endsWithPeriod ? 'End the subject with a full stop.' : 'Do not end the subject with a full stop.',
    `Keep the subject to about ${style.typicalLength} characters.`,
    style.bodies
      ? 'After the subject, a blank line and a short body saying what changed and why.'
      : 'Write the subject line only, unless the change needs a short body (after a blank line) to be understood.',
  );
  return rules;
}
