/**
 * Reading one YAML document (a bank, or a lesson's front matter) so that any
 * problem can be reported at the file and line the author has to fix.
 */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml'
import * as v from 'valibot'
import { aliasOverflow, MAX_ALIAS_COUNT, tooDeep, tooManyAliases } from './yamlLimits.ts'

export interface Problem {
  file: string
  line: number
  field: string
  message: string
  /** Set on item-writing warnings (src/content/itemWriting.ts): the rule that found it. */
  rule?: string
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field || '(file)'}: ${p.message}`
}

/** An item-writing warning: `file:line: field: warning: message`. */
export function formatWarning(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field || '(file)'}: warning: ${p.message}`
}

export type Path = (string | number)[]

/** A parsed YAML document that can say on which line any path starts. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    /** Line number of the document's first line within the file (front matter starts at 2). */
    private readonly firstLine: number,
    /** The plain value, made once with the alias limits on. */
    readonly data: unknown,
  ) {}

  static parse(file: string, text: string, firstLine = 1): { source?: YamlSource; problems: Problem[] } {
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true })
    // Only the first syntax error: the ones after it are usually its echoes.
    const problems = [...doc.errors, ...doc.warnings].slice(0, 1).map((e) => ({
      file,
      line: (e.linePos?.[0]?.line ?? 1) + firstLine - 1,
      field: '',
      message: `YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    }))
    if (doc.errors.length > 0) return { problems }
    const at = (offset: number) => lines.linePos(offset).line + firstLine - 1
    const over = aliasOverflow(doc)
    if (over) return { problems: [{ file, line: at(over.offset), field: '', message: over.message }] }
    let data: unknown
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (error) {
      // The `yaml` package's own guards; aliasOverflow usually speaks first, with a better line.
      const message = error instanceof RangeError ? tooDeep() : /excessive alias/i.test(String(error)) ? tooManyAliases() : `YAML: ${(error as Error).message}`
      let alias = 0
      visit(doc, { Alias: (_key, node) => ((alias = node.range?.[0] ?? 0), visit.BREAK) })
      return { problems: [{ file, line: at(alias), field: '', message }] }
    }
    return { source: new YamlSource(file, doc, lines, firstLine, data), problems }
  }

  /** The line where `path` starts, or where its nearest existing parent starts. */
  lineOf(path: Path): number {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true)
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range
      if (range) return this.lines.linePos(range[0]).line + this.firstLine - 1
    }
    return this.firstLine
  }

  problem(path: Path, message: string): Problem {
    return { file: this.file, line: this.lineOf(path), field: fieldName(path), message }
  }

  /** Validates with a schema; returns the typed value or the problems, each at its line. */
  validate<S extends v.GenericSchema>(schema: S): { value?: v.InferOutput<S>; problems: Problem[] } {
    const result = v.safeParse(schema, this.data)
    if (result.success) return { value: result.output, problems: [] }
    return { problems: result.issues.map((issue) => this.problemFromIssue(issue)) }
  }

  private problemFromIssue(issue: v.BaseIssue<unknown>): Problem {
    const path: Path = (issue.path ?? []).map((p) => p.key as string | number)
    let message = issue.message
    // A missing key: point at the object that lacks it.
    if (issue.kind === 'schema' && issue.received === 'undefined') message = `is required (${issue.message})`
    // An unknown key (valibot expects `never` there); a value that is not a mapping keeps the schema's own message.
    if (issue.type === 'strict_object' && issue.expected === 'never') message = `is not a known field here; check its spelling`
    return this.problem(path, message)
  }

  /** True when the node at path is a list or a mapping (for callers walking the data). */
  isCollection(path: Path): boolean {
    const node = this.doc.getIn(path, true)
    return isMap(node) || isSeq(node)
  }
}

/** `items[3].options[1].id` style names for a path. */
export function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

/** Splits a Markdown file into its YAML front matter and body, keeping line numbers. */
export function splitFrontMatter(
  file: string,
  text: string,
): { yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number } | Problem {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trim() !== '---') {
    return { file, line: 1, field: '', message: 'a lesson file must start with YAML front matter between two "---" lines' }
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
  if (end < 0) return { file, line: 1, field: '', message: 'the front matter is not closed: add a line "---" after it' }
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlFirstLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyFirstLine: end + 2,
  }
}
