import type { Program, Node as EstreeNode } from 'estree'
import type { Root, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx'
import type { VFile } from 'vfile'
import { visitParents } from 'unist-util-visit-parents'
import { isJsxElement } from '../content/analyze.ts'
import { closestMatch, type ContentProblem } from '../content/errors.ts'
import {
  componentNames,
  componentPropSchemas,
  requiredParents,
  type ComponentName,
} from './component-props.ts'
import { problemAt, recordProblems } from './problems.ts'

/** Globals an expression may use; anything else is almost always text that MDX misread as code. */
const ALLOWED_GLOBALS = new Set([
  'undefined',
  'NaN',
  'Infinity',
  'Math',
  'JSON',
  'String',
  'Number',
  'Boolean',
  'Array',
  'Object',
  'Date',
])

type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal }
type Evaluated = { ok: true; value: Literal } | { ok: false }

/** Evaluates an expression made only of literals (`{6}`, `{'a'}`, `{[1, 2]}`, a template without `${}`). */
export function literalValue(node: EstreeNode | null | undefined): Evaluated {
  if (!node) return { ok: false }
  switch (node.type) {
    case 'Literal':
      return node.value instanceof RegExp || typeof node.value === 'bigint'
        ? { ok: false }
        : { ok: true, value: node.value ?? null }
    case 'TemplateLiteral':
      return node.expressions.length === 0
        ? { ok: true, value: node.quasis.map((quasi) => quasi.value.cooked ?? '').join('') }
        : { ok: false }
    case 'UnaryExpression': {
      const argument = literalValue(node.argument)
      return node.operator === '-' && argument.ok && typeof argument.value === 'number'
        ? { ok: true, value: -argument.value }
        : { ok: false }
    }
    case 'ArrayExpression': {
      const values: Literal[] = []
      for (const element of node.elements) {
        const evaluated =
          element && element.type !== 'SpreadElement'
            ? literalValue(element)
            : { ok: false as const }
        if (!evaluated.ok) return { ok: false }
        values.push(evaluated.value)
      }
      return { ok: true, value: values }
    }
    case 'ObjectExpression': {
      const object: { [key: string]: Literal } = {}
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed) return { ok: false }
        const key =
          property.key.type === 'Identifier'
            ? property.key.name
            : property.key.type === 'Literal'
              ? String(property.key.value)
              : undefined
        const evaluated = literalValue(property.value as EstreeNode)
        if (key === undefined || !evaluated.ok) return { ok: false }
        object[key] = evaluated.value
      }
      return { ok: true, value: object }
    }
    default:
      return { ok: false }
  }
}

function expressionOf(program: Program | undefined): EstreeNode | undefined {
  const statement = program?.body[0]
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined
}

/** Identifiers an expression reads without declaring them, and the JSX components it renders. */
function freeNames(
  program: Program,
  declared: Set<string>,
): { identifiers: string[]; components: string[] } {
  const identifiers: string[] = []
  const components: string[] = []
  const local = new Set(declared)
  const walk = (
    node: unknown,
    parent: Record<string, unknown> | undefined,
    key: string | undefined,
  ): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) walk(child, parent, key)
      return
    }
    const current = node as Record<string, unknown> & { type?: string; name?: string }
    if (typeof current.type !== 'string') return
    if (current.type === 'Identifier') {
      const isPropertyName =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
        (parent?.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand)
      if (!isPropertyName && !local.has(current.name!) && !ALLOWED_GLOBALS.has(current.name!))
        identifiers.push(current.name!)
      return
    }
    if (current.type === 'JSXIdentifier') {
      if (
        parent?.type === 'JSXOpeningElement' &&
        /^[A-Z]/.test(current.name!) &&
        !local.has(current.name!)
      )
        components.push(current.name!)
      return
    }
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression') {
      for (const parameter of current.params as { type: string; name?: string }[]) {
        if (parameter.type === 'Identifier') local.add(parameter.name!)
      }
    }
    if (current.type === 'VariableDeclarator') {
      const id = current.id as { type: string; name?: string }
      if (id.type === 'Identifier') local.add(id.name!)
    }
    for (const [childKey, child] of Object.entries(current)) {
      if (
        childKey === 'type' ||
        childKey === 'loc' ||
        childKey === 'range' ||
        childKey === 'comments'
      )
        continue
      walk(child, current, childKey)
    }
  }
  walk(program, undefined, undefined)
  return { identifiers, components }
}

/** Names that `import` and `export` statements in the file declare. */
function declaredNames(tree: Root): Set<string> {
  const names = new Set<string>()
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue
    const program = node.data?.estree
    for (const statement of program?.body ?? []) {
      if (statement.type === 'ImportDeclaration') {
        for (const specifier of statement.specifiers) names.add(specifier.local.name)
      }
      const declaration =
        statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === 'Identifier') names.add(declarator.id.name)
      } else if (declaration && 'id' in declaration && declaration.id) {
        names.add(declaration.id.name)
      }
    }
  }
  return names
}

function isKnownComponent(name: string): name is ComponentName {
  return (componentNames as string[]).includes(name)
}

function unknownComponentProblem(name: string): { message: string; hint: string } {
  const suggestion = closestMatch(name, componentNames)
  return {
    message: `unknown component <${name}>`,
    hint: `${suggestion ? `Did you mean <${suggestion}>? ` : ''}Components available without an import: ${componentNames.map((known) => `<${known}>`).join(', ')}.`,
  }
}

/** Reads a component's props from its JSX attributes; props must be literal values. */
function propsOf(
  attributes: (MdxJsxAttribute | MdxJsxExpressionAttribute)[],
  report: (message: string, hint: string) => void,
): Record<string, Literal> {
  const props: Record<string, Literal> = {}
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        'spread props ({...x}) are not supported in content',
        'Write each prop as name="value" or name={literal}.',
      )
      continue
    }
    if (attribute.value === null || attribute.value === undefined) props[attribute.name] = true
    else if (typeof attribute.value === 'string') props[attribute.name] = attribute.value
    else {
      const evaluated = literalValue(expressionOf(attribute.value.data?.estree ?? undefined))
      if (evaluated.ok) props[attribute.name] = evaluated.value
      else
        report(
          `prop ${attribute.name}={${attribute.value.value}} is not a literal value`,
          'Props in content are plain values: "text", {6}, {true} or a `template string`.',
        )
    }
  }
  return props
}

/**
 * Catches at compile time, with file and line, the MDX mistakes that would otherwise surface
 * only at prerender under the route's name: unknown components, props a component does not
 * accept, components outside their parent, and `{…}` expressions that read undefined names
 * (usually LaTeX or code written outside `$…$` or backticks).
 */
export default function remarkCheckMdx() {
  return (tree: Root, file: VFile) => {
    const problems: ContentProblem[] = []
    const declared = declaredNames(tree)
    const at = (node: RootContent, message: string, hint: string) =>
      problems.push(problemAt(file.path, node, message, hint))

    visitParents(tree, (node, ancestors) => {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        const program = node.data?.estree
        if (!program) return
        const { identifiers, components } = freeNames(program, declared)
        for (const name of identifiers) {
          at(
            node,
            `"${name}" is not defined: in MDX, {${node.value.trim().slice(0, 40)}} is read as JavaScript`,
            'For literal braces write \\{ and \\}; put LaTeX in $…$ and code in `backticks` or a fenced block.',
          )
        }
        for (const name of components)
          if (!isKnownComponent(name))
            at(node, unknownComponentProblem(name).message, unknownComponentProblem(name).hint)
        return
      }
      if (!isJsxElement(node) || !node.name) return
      const name = node.name
      if (!/^[A-Z]/.test(name) && !name.includes('.')) {
        // An HTML element: its attributes may still hold expressions that read undefined names.
        propsOf(node.attributes, (message, hint) => at(node, `<${name}>: ${message}`, hint))
        return
      }
      if (declared.has(name.split('.')[0]!)) return
      if (!isKnownComponent(name)) {
        const { message, hint } = unknownComponentProblem(name)
        at(node, message, hint)
        return
      }
      const props = propsOf(node.attributes, (message, hint) =>
        at(node, `<${name}>: ${message}`, hint),
      )
      const result = componentPropSchemas[name].safeParse(props, { reportInput: true })
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = issue.path.map(String).join('.')
          if (issue.code === 'unrecognized_keys') {
            const allowed = Object.keys(componentPropSchemas[name].shape)
            const suggestion =
              issue.keys.length === 1 ? closestMatch(issue.keys[0]!, allowed) : undefined
            at(
              node,
              `<${name}> has no prop ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
              `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Allowed props: ${allowed.join(', ') || '(none)'}.`,
            )
          } else if (issue.code === 'invalid_type' && issue.input === undefined) {
            at(node, `<${name}> needs the prop "${field}"`, `Write <${name} ${field}="…">.`)
          } else if (issue.code === 'invalid_value') {
            at(
              node,
              `<${name}> ${field}=${JSON.stringify(issue.input)} is not allowed`,
              `Allowed values: ${issue.values.map(String).join(', ')}.`,
            )
          } else {
            at(
              node,
              `<${name}>${field ? ` ${field}` : ''}: ${issue.message}`,
              `Received ${JSON.stringify(issue.input)}.`,
            )
          }
        }
      }
      if (name === 'Quiz') {
        const choices = node.children.filter(
          (child) => isJsxElement(child) && child.name === 'Choice',
        )
        const correct = choices.filter(
          (child) =>
            isJsxElement(child) &&
            child.attributes.some(
              (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'correct',
            ),
        )
        if (choices.length < 2 || correct.length === 0) {
          at(
            node,
            `<Quiz> has ${choices.length} <Choice> and ${correct.length} marked correct`,
            'A quiz needs at least two <Choice> elements, at least one with `correct`, each on its own line.',
          )
        }
      }
      if (name === 'CodeTabs') {
        const fences = node.children.filter((child) => child.type === 'code')
        const other = node.children.filter((child) => child.type !== 'code')
        if (fences.length === 0 || other.length > 0) {
          at(
            node,
            '<CodeTabs> must contain only fenced code blocks',
            'Put one ```lang fence per tab inside <CodeTabs>, with blank lines around them, and nothing else.',
          )
        }
      }
      const parents = requiredParents[name]
      if (
        parents &&
        !ancestors.some(
          (ancestor) => isJsxElement(ancestor) && parents.includes(ancestor.name as ComponentName),
        )
      ) {
        at(
          node,
          `<${name}> must be inside ${parents.map((parent) => `<${parent}>`).join(' or ')}`,
          `Move it into the ${parents.join(' or ')} it belongs to.`,
        )
      }
    })
    recordProblems(file, problems)
  }
}
