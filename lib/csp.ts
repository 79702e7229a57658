import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { VIDEO_EMBED_ORIGINS } from './video-hosts.ts'

/**
 * The Content-Security-Policy of an exported page. A static host cannot be relied on to send
 * headers, so postbuild writes the policy into each page as a `<meta http-equiv>`; hosts that
 * can send headers get the same policy from `npm run headers`.
 *
 * - Scripts: the site's own files, plus each inline script of that page by its SHA-256 (the
 *   Next.js bootstrap and RSC payload, the theme script). 'wasm-unsafe-eval' lets the search
 *   compile its WebAssembly; it permits no JavaScript eval.
 * - Styles: the site's stylesheet, and inline style attributes, which KaTeX formulas and
 *   highlighted code carry and which pages also receive as HTML during client-side navigation,
 *   when the first page's policy stays in force. Mermaid's client-drawn diagrams carry a
 *   `<style>` element, so style elements allow inline too; nothing else in a page writes one.
 * - Frames: only the two video hosts' players, after the reader asks for a video.
 */
const MIME_OF_SCRIPT = /^(?:|module|text\/javascript|application\/javascript)$/i

export function directives(scriptHashes: readonly string[]): [string, string[]][] {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['frame-src', [...VIDEO_EMBED_ORIGINS]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ]
}

export function policyText(scriptHashes: readonly string[]): string {
  return directives(scriptHashes)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** The source text of every script a page runs inline (data blocks such as JSON-LD do not run). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = []
  for (const [, attributes = '', body = ''] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    if (/\ssrc=/i.test(attributes)) continue
    const type = /\stype="([^"]*)"/i.exec(attributes)?.[1] ?? ''
    if (MIME_OF_SCRIPT.test(type.trim())) scripts.push(body)
  }
  return scripts
}

export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

/** The policy of one exported page. */
export function pagePolicy(html: string): string {
  return policyText([...new Set(inlineScripts(html).map(scriptHash))])
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\/>/
const CHARSET = /^<!DOCTYPE html><html[^>]*><head><meta charSet="utf-8"\/>/

/**
 * The page with its policy as the first element of the head after `<meta charset>` (which the
 * HTML standard wants within the first 1024 bytes, where a policy with many hashes would push
 * it out). A policy applies to what follows it, and nothing before it loads or runs anything.
 * Idempotent: a page that has a policy gets it recomputed.
 */
export function withPolicy(html: string, file: string): string {
  const bare = html.replace(META, '')
  const head = CHARSET.exec(bare)
  if (!head)
    throw new Error(
      `${file}: expected the page to start with <!DOCTYPE html><html …><head><meta charSet="utf-8"/>, where the Content-Security-Policy goes.`,
    )
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(bare)}"/>`
  return head[0] + meta + bare.slice(head[0].length)
}

/** Writes the policy into every exported page; returns how many. */
export function addPolicies(htmlFiles: readonly string[]): number {
  for (const file of htmlFiles)
    fs.writeFileSync(file, withPolicy(fs.readFileSync(file, 'utf8'), file))
  return htmlFiles.length
}
