// @ts-check
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

/*
 * Layers, lowest first: src/domain (pure rules) and src/platform (the clock: time, ids, random
 * seeds) → src/db (the only code that touches IndexedDB) → stores and composables → components
 * and pages (show and dispatch). src/content runs at build time only: the app sees its output
 * through `virtual:debrief/*`, never its code. Each zone below lists what its files may not import
 * or call; tests/unit/lint/zones.test.ts proves every rule fires.
 */

const FRAMEWORKS = ['vue', 'pinia', 'dexie', 'vue-router', 'virtual:*']
const DB = ['**/db', '**/db/**']
const CONTENT = ['**/content', '**/content/**']
const DEXIE = { name: 'dexie', message: 'Only src/db touches the database.' }
const NOT_CONTENT = { group: CONTENT, message: 'src/content runs at build time (vite.config.ts, scripts/): read its output through virtual:debrief/*.' }

/** Time, ids and randomness come from src/platform/clock.ts, so tests can control them. */
function clockSyntax(message) {
  return [
    { selector: "MemberExpression[object.name='Date'][property.name='now']", message },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message },
    { selector: "MemberExpression[object.name='Math'][property.name='random']", message },
    { selector: "MemberExpression[property.name='randomUUID']", message },
    { selector: "MemberExpression[property.name='getRandomValues']", message },
  ]
}

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'error',
    },
  },
  {
    // Pages are named after routes (…Page.vue); App.vue is the root.
    files: ['src/App.vue'],
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  {
    // One clock for the whole app.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/platform/clock.ts', 'src/domain/**'],
    rules: { 'no-restricted-syntax': ['error', ...clockSyntax('Use now(), newId(), randomSeed() or randomBytes() from src/platform/clock.ts.')] },
  },
  {
    // Stores, composables, platform and the app's wiring: no Dexie, no build-time content code.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/db/**', 'src/domain/**', 'src/content/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [DEXIE], patterns: [NOT_CONTENT] }],
      'no-restricted-globals': ['error', { name: 'indexedDB', message: 'Only src/db touches the database.' }],
    },
  },
  {
    // Pages and components show and dispatch: they reach data through stores, never src/db.
    files: ['src/pages/**/*.ts', 'src/pages/**/*.vue', 'src/components/**/*.ts', 'src/components/**/*.vue', 'src/App.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [DEXIE], patterns: [NOT_CONTENT, { group: DB, message: 'Pages and components read and write through a store (src/stores), never src/db.' }] },
      ],
    },
  },
  {
    // The database layer sits below the app: it imports the domain, the platform and Dexie only.
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NOT_CONTENT,
            { group: ['**/stores/**', '**/components/**', '**/pages/**', '**/composables/**', 'vue', 'pinia', 'vue-router'], message: 'src/db imports only src/db, src/domain, src/platform and Dexie.' },
          ],
        },
      ],
    },
  },
  {
    // The domain stays pure: no framework, no storage, no DOM, no clock or randomness.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'src/domain is pure TypeScript: move framework code to stores/ or composables/.' },
            // `../x` leaves src/domain from a file at its top, but not from one in a folder of it
            // (src/domain/xapi/…, src/domain/bankFormats/…): see the next block for those.
            { group: ['../*', '!../domain', '!../domain/*', '!./*', '!../*.ts'], message: 'src/domain imports only src/domain.' },
            { group: ['**/db/**', '**/stores/**', '**/content/**', '**/components/**', '**/pages/**', '**/composables/**', '**/platform/**'], message: 'src/domain imports only src/domain.' },
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'src/domain runs in the browser too: pass what you need in as an argument.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'indexedDB', 'localStorage', 'sessionStorage', 'navigator', 'location', 'fetch', 'globalThis', 'self'].map((name) => ({
          name,
          message: 'src/domain must not touch browser globals: pass data in as arguments.',
        })),
        ...['crypto', 'performance'].map((name) => ({ name, message: 'src/domain has no clock or randomness: pass the time or a seed in (src/domain/random.ts).' })),
      ],
      'no-restricted-syntax': ['error', ...clockSyntax('src/domain has no clock or randomness: pass the time or a seed in (src/domain/random.ts).')],
    },
  },
  {
    // A folder of src/domain may import its sibling folders (`../grading/index.ts`): `../../x` is what leaves it.
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'src/domain is pure TypeScript: move framework code to stores/ or composables/.' },
            { group: ['../../*', '!../../domain', '!../../domain/*', '!../../*.ts'], message: 'src/domain imports only src/domain.' },
            { group: ['**/db/**', '**/stores/**', '**/content/**', '**/components/**', '**/pages/**', '**/composables/**', '**/platform/**'], message: 'src/domain imports only src/domain.' },
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'src/domain runs in the browser too: pass what you need in as an argument.' },
          ],
        },
      ],
    },
  },
)
