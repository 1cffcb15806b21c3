// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const DOMAIN_MODULES = [
  'shared',
  'catalog',
  'profiles',
  'segments',
  'pricing',
  'promotions',
  'recommendations',
  'content',
  'ranking',
  'experiments',
];

/** Domain code is pure (docs/architecture.md, Layers): these rules hold it to that. */
const domainPurity = {
  files: ['src/domain/**/*.ts'],
  ignores: ['src/domain/**/*.test.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Domain code takes time as an argument.' },
      { object: 'Math', property: 'random', message: 'Domain code takes seeds as arguments.' },
      { object: 'process', message: 'Domain code does not read the process.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Domain code takes time as an argument.',
      },
    ],
    'no-restricted-globals': ['error', 'fetch', 'setTimeout', 'setInterval', 'crypto'],
  },
};

/**
 * Each domain module imports only domain/shared and itself, by relative paths. A module may have
 * one level of subfolders (promotions/actions): from there `../` is still the module itself.
 */
const domainImports = DOMAIN_MODULES.flatMap((module) =>
  [
    {
      files: [`src/domain/${module}/*.ts`],
      outside: module === 'shared' ? '^\\.\\./' : '^\\.\\./(?!shared/index\\.js$)|^\\.\\./\\.\\./',
    },
    {
      files: [`src/domain/${module}/*/*.ts`],
      outside:
        module === 'shared'
          ? '^\\.\\./\\.\\./'
          : '^\\.\\./\\.\\./(?!shared/index\\.js$)|^\\.\\./\\.\\./\\.\\./',
    },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Only the ISO 4217 data package and jstat's distribution functions are allowed in: pure
              // data and pure arithmetic, no I/O.
              regex: '^(?!\\.{1,2}/|currency-codes$|jstat$|vitest$|fast-check$)',
              message: 'Domain modules import no packages or Node modules: they are pure.',
            },
            { regex: outside, message: 'A domain module imports only domain/shared and itself.' },
          ],
        },
      ],
    },
  })),
);

/** Code outside the domain reaches a domain module through its index.ts only. */
const domainEntryPoints = {
  files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
  ignores: ['src/domain/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: 'domain/[a-z-]+/(?!index\\.js$)[^/]+$',
            message: "Import a domain module through its index.ts (e.g. '../domain/catalog/index.js').",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'web/dist/**',
      'web/console/dist/**',
      '.scratch/**',
      'packages/*/dist/**',
      'packages/client/src/schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    // Resolves './x.js' to './x.ts' so that no-cycle sees the real import graph.
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true, varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true },
      ],
      'import-x/no-cycle': 'error',
      // Fastify handlers are async by convention, whether or not they await; the rule only adds noise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  domainPurity,
  ...domainImports,
  domainEntryPoints,
  {
    // Small files (CONTRIBUTING.md): a source file past 350 lines is doing more than one job.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines': ['error', { max: 350 }] },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['eslint.config.js', 'scripts/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  prettier,
);
