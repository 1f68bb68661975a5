// @ts-check
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const FRAMEWORKS = ['vue', 'pinia', 'dexie', 'vue-router', 'virtual:*']

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
    // The domain stays pure: no framework, no storage, no DOM, no clock or randomness.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'src/domain is pure TypeScript: move framework code to stores/ or composables/.' },
            { group: ['../*', '!../domain', '!../domain/*', '!./*', '!../grading/*', '!../*.ts'], message: 'src/domain imports only src/domain.' },
            { group: ['**/db/**', '**/stores/**', '**/content/**', '**/components/**', '**/pages/**', '**/composables/**'], message: 'src/domain imports only src/domain.' },
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'src/domain runs in the browser too: pass what you need in as an argument.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'indexedDB', 'localStorage', 'sessionStorage', 'navigator', 'location', 'fetch'].map((name) => ({
          name,
          message: 'src/domain must not touch browser globals: pass data in as arguments.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass a seed in and use src/domain/random.ts.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in as an argument.' }],
    },
  },
  {
    // Only src/db touches IndexedDB.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/db/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db touches the database.' }] }],
      'no-restricted-globals': ['error', { name: 'indexedDB', message: 'Only src/db touches the database.' }],
    },
  },
)
