// The `yaml` package's parse errors, restated: each points where the mistake was made (the
// opening bracket or quote that is never closed, the line indented too deep, the repeated key)
// and says what to do, rather than where the parser gave up.
import { isCollection, visit, type Document, type YAMLError } from 'yaml';
import type { DiagnosticCode } from './diagnostics.js';
import { MAX_DEPTH } from './limits.js';

export interface YamlProblem {
  code: DiagnosticCode;
  message: string;
  offset: number;
}

export function yamlProblem(errors: readonly YAMLError[], text: string, doc: Document.Parsed): YamlProblem {
  // The composer recurses per level and turns a stack overflow into RESOURCE_EXHAUSTION.
  const exhausted = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return { code: 'too-deep', message: `nesting is deeper than ${MAX_DEPTH} levels`, offset: exhausted.pos[0] };
  const error = errors[0]!;
  const offset = error.pos[0];
  const first = error.message.split('\n')[0]!;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { code: 'yaml-syntax', message: `duplicate key \`${keyAt(text, offset)}\`: map keys must be unique`, offset };
    case 'MULTIPLE_DOCS':
      return { code: 'yaml-syntax', message: 'a second YAML document starts here; a description is one document', offset };
    case 'TAB_AS_INDENT':
      return { code: 'yaml-syntax', message: 'a tab is used for indentation; YAML indents with spaces only', offset };
    case 'MISSING_CHAR':
      return missingChar(error, first, text);
    case 'BAD_INDENT':
      return unclosedFlow(first, offset, doc) ?? { code: 'yaml-syntax', message: first, offset };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return overIndented(errors, text) ?? { code: 'yaml-syntax', message: `${first}; quote a value that contains \`: \``, offset };
    default:
      return { code: 'yaml-syntax', message: first, offset };
  }
}

function keyAt(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  return (/^(.*?):(\s|$)/.exec(line)?.[1] ?? line).trim();
}

/** An unclosed quote is reported at the end of the file; point at the quote that opened it. */
function missingChar(error: YAMLError, first: string, text: string): YamlProblem {
  const quote = /Missing closing (["'])quote/.exec(first)?.[1];
  if (!quote) return { code: 'yaml-syntax', message: first, offset: error.pos[0] };
  const opener = quote === '"' ? lastUnescapedDoubleQuote(text, error.pos[0]) : lastOddSingleQuote(text, error.pos[0]);
  const name = quote === '"' ? 'double' : 'single';
  return { code: 'yaml-syntax', message: `this ${name}-quoted string is never closed; add the closing ${quote}`, offset: opener ?? error.pos[0] };
}

function lastUnescapedDoubleQuote(text: string, before: number): number | undefined {
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    if (text[i] !== '"') continue;
    let slashes = 0;
    while (text[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return i;
  }
  return undefined;
}

// Inside a single-quoted string a quote is written twice, so the opener starts the last odd run.
function lastOddSingleQuote(text: string, before: number): number | undefined {
  let i = Math.min(before, text.length) - 1;
  while (i >= 0) {
    if (text[i] !== "'") {
      i--;
      continue;
    }
    let start = i;
    while (text[start - 1] === "'") start--;
    if ((i - start + 1) % 2 === 1) return start;
    i = start - 1;
  }
  return undefined;
}

/** `{ a: 1` or `[a, b` left open: the error lands on the next line; point at the bracket. */
function unclosedFlow(first: string, offset: number, doc: Document.Parsed): YamlProblem | undefined {
  const kind = /^Flow (map|sequence) in block collection/.exec(first)?.[1];
  if (!kind) return undefined;
  let opener: number | undefined;
  visit(doc, (_key, node) => {
    if (!isCollection(node) || !node.flow || !node.range) return;
    const [start, end] = node.range;
    if (start < offset && end >= offset && (opener === undefined || start > opener)) opener = start;
  });
  const [open, close] = kind === 'map' ? ['{', '}'] : ['[', ']'];
  return {
    code: 'yaml-syntax',
    message: `this flow ${kind === 'map' ? 'mapping' : 'sequence'} \`${open}\` is never closed; add the closing \`${close}\``,
    offset: opener ?? offset,
  };
}

/** `key: value` followed by a line indented deeper: the parser blames the value; blame the line. */
function overIndented(errors: readonly YAMLError[], text: string): YamlProblem | undefined {
  const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  if (!multiline) return undefined;
  const end = multiline.pos[1];
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart))![0].length;
  if (lineStart <= multiline.pos[0]) return undefined;
  return {
    code: 'yaml-syntax',
    message: 'this line is indented deeper than the key above it; keys of one mapping start in the same column',
    offset: lineStart + indent,
  };
}
