import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { debriefContent } from './src/content/vitePlugin.ts'
import { lmsTargetFromEnv } from './src/domain/lms/target.ts'

/** Modules the course home shares with other learner pages (the `learner` chunk below). */
const LEARNER_SHARED =
  /virtual:debrief\/details|[\\/]src[\\/](components[\\/](app[\\/]CoursePageShell|profile[\\/]ProfileChooser|progress[\\/]ProgressMastery|assessment[\\/]policyText)|composables[\\/](useCourseDetails|useAwaitingRelease)|domain[\\/](format|blueprints|catalog)\.ts)/

// DEBRIEF_CONTENT points the build at another folder holding lessons/ and questions/.
const contentRoot = process.env.DEBRIEF_CONTENT ?? '.'
// A package for an LMS (npm run package, docs/lms.md): DEBRIEF_LMS=scorm12|scorm2004|cmi5 and the
// course. Such a build is served from wherever the LMS unpacks it, inside its frame: relative paths,
// a hash router (src/main.ts) and no service worker (an LMS frame is not an installable app, and a
// worker scoped to the LMS's folder could outlive the package).
const lms = lmsTargetFromEnv(process.env)

export default defineConfig({
  base: lms ? './' : '/',
  define: { __DEBRIEF_LMS__: JSON.stringify(lms ?? null) },
  plugins: [
    // Every component is written with <script setup>: the Options API's code never ships.
    vue({ features: { optionsAPI: false } }),
    debriefContent({ lessonsDir: `${contentRoot}/lessons`, questionsDir: `${contentRoot}/questions` }),
    VitePWA({
      // Disabled in an LMS package: no service worker and no web manifest are written.
      disable: lms !== undefined,
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Debrief',
        short_name: 'Debrief',
        description: 'Learn an analysis brief: read the lessons, practise, and sit assessments — offline too.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f7f5f0',
        theme_color: '#1f3a5f',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Content is compiled into JS chunks, so precaching every chunk precaches every lesson and item;
        // lesson images are files in assets/ (every extension src/content/lessonRefs.ts allows is here).
        globPatterns: ['**/*.{js,css,html,png,jpg,jpeg,gif,webp,avif,svg,webmanifest,json}'],
        // A sealed assessment's key file is fetched only when an instructor unlocks it or a learner
        // enters a release code (docs/sealed-assessments.md); a learner's device never caches it.
        globIgnores: ['**/node_modules/**/*', 'sealed/**'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // Dexie's ES2018+ build: about 1.3 KB smaller gzipped than the ES5 one its package exports.
    alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    // A package build writes elsewhere (scripts/package.ts), never over the web build in dist/.
    outDir: process.env.DEBRIEF_OUT_DIR ?? 'dist',
    // The instructor's pages are reached from instructor mode, long after the service worker has
    // cached every chunk: their lazy imports need no list of chunks to preload, a list that would
    // otherwise ship in the start chunk every learner loads (the 90 KB budgets).
    modulePreload: { resolveDependencies: (filename, deps) => (/Instructor/.test(filename) ? [] : deps) },
    // The manifest lets tests/unit/build/startChunks.test.ts check what the start page loads.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry imports statically (the app shell, stores, db, the catalog) travels as one
          // chunk, not a dozen small ones. Everything else is split at its lazy boundary: a route's
          // page, the grading engine (useGradingEngine), the scheduler, renderers, course items.
          groups: [
            { name: 'app', tags: ['$initial'] },
            // What the course home shares with the other learner pages (the page frame, the profile
            // chooser, mastery rows, policy lines, the course's details) travels as one chunk: as
            // eight small files it was ~1.3 KB more gzipped on the start page. Nothing here may be
            // on the assessment page (tests/unit/build/startChunks.test.ts).
            { name: 'learner', test: LEARNER_SHARED },
            // A question as every page that asks one shows it (the frame, single/multiple choice,
            // the marks): one chunk instead of four, ~0.6 KB less gzipped on the assessment page.
            { name: 'question', test: /[\\/]src[\\/]components[\\/]question[\\/](QuestionItem\.vue|QuestionChoice\.vue|QuestionMark\.vue|displayOrder\.ts|renderers\.ts)/ },
          ],
        },
      },
    },
    sourcemap: false,
    reportCompressedSize: false,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // No wall-clock limits in tests (shared, noisy machines): vitest's 5 s default failed busy runs.
          testTimeout: 120_000,
        },
      },
      {
        // Component tests run on the small fixture course, so they do not depend on this brief.
        plugins: [vue(), debriefContent({ lessonsDir: 'tests/fixtures/course/lessons', questionsDir: 'tests/fixtures/course/questions' })],
        // The web build: no LMS (src/virtual.d.ts).
        define: { __DEBRIEF_LMS__: 'null' },
        resolve: { alias: { 'virtual:pwa-register/vue': fileURLToPath(new URL('./tests/dom/pwaRegisterStub.ts', import.meta.url)) } },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/dom/**/*.test.ts'],
          setupFiles: ['tests/dom/setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
