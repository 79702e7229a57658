import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [
      '.next/**',
      'out/**',
      '.repro-test/**',
      'node_modules/**',
      '.dev-test/**',
      'next-env.d.ts',
      'tests/fixtures/**/out/**',
    ],
  },
  {
    rules: {
      // Content and fixtures are linted by the content check, not by ESLint.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
]

export default config
