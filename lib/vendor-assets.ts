import katexPackage from 'katex/package.json' with { type: 'json' }

/**
 * Third-party files the site serves itself (never from a CDN), copied from node_modules into
 * public/vendor/ by `scripts/sync-vendor.ts`. The version is in the path, so hosts can cache
 * them forever. KaTeX's stylesheet is the one of the KaTeX that rehype-katex renders with
 * (package.json pins both to the same version).
 */
export const KATEX_DIR = `/vendor/katex-${katexPackage.version}`
export const KATEX_STYLESHEET = `${KATEX_DIR}/katex.min.css`
