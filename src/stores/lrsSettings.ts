/**
 * The instructor's LRS on this device: a form over debrief.config.json's `lrs` settings, checked
 * with checkLrsConfig (each error under its field), stored as this device's override (it wins
 * over the deploy file; removing it falls back to the file), and "Test connection". Saving or
 * removing lifts a 401/403 pause and starts the sender if the app started with no LRS. The
 * stored secret is never put back into the form: an empty secret field keeps the one in use.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { refreshLrsSetup, type LrsSetup } from '../app/lrsConfig.ts'
import { attachLrsDevice } from '../app/lrsFile.ts'
import { testLrsConnection } from '../app/lrsTest.ts'
import { lrsChanged } from '../app/outboxSender.ts'
import { removeLrsOverride, saveLrsOverride } from '../db/lrsDevice.ts'
import { checkLrsConfig, type LrsConfig } from '../domain/xapi/config.ts'
import { errorsByField, type ConnectionVerdict, type LrsField } from '../domain/xapi/lrsView.ts'
import { useStorageStore } from './storage.ts'

export interface LrsForm {
  endpoint: string
  homePage: string
  key: string
  /** Empty: keep the secret in use (the override's, else the file's). */
  secret: string
  sendDisplayName: boolean
  sendFreeText: boolean
  /** Empty: the default, homePage + "/debrief". */
  activityBase: string
}

export const useLrsSettingsStore = defineStore('lrsSettings', () => {
  const storage = useStorageStore()
  const setup = shallowRef<LrsSetup>()
  const errors = ref<Partial<Record<LrsField, string[]>>>({})
  const verdict = ref<ConnectionVerdict>()

  /** Reads the setup in use (override or file) again. */
  async function load(): Promise<LrsSetup> {
    attachLrsDevice(storage.database())
    setup.value = await refreshLrsSetup()
    return setup.value
  }

  /** The form's starting values: the setup in use, without its secret. */
  function formOf(config: LrsConfig | null): LrsForm {
    const base = config !== null && config.activityBase !== `${config.homePage}/debrief` ? config.activityBase : ''
    return {
      endpoint: config?.endpoint ?? '', homePage: config?.homePage ?? '', key: config?.auth.key ?? '', secret: '',
      sendDisplayName: config?.sendDisplayName ?? false, sendFreeText: config?.sendFreeText ?? false, activityBase: base,
    }
  }

  /** The form checked as a debrief.config.json would be; errors (by field) are shown, config null. */
  function check(form: LrsForm): LrsConfig | null {
    const secret = form.secret === '' ? (setup.value?.config?.auth.secret ?? '') : form.secret
    const lrs = {
      endpoint: form.endpoint.trim(), homePage: form.homePage.trim(), auth: { type: 'basic', key: form.key, secret },
      sendDisplayName: form.sendDisplayName, sendFreeText: form.sendFreeText,
      ...(form.activityBase.trim() === '' ? {} : { activityBase: form.activityBase.trim() }),
    }
    const result = checkLrsConfig({ lrs })
    errors.value = result.ok ? {} : errorsByField(result.errors)
    return result.ok ? result.config : null
  }

  /** Stores the form as this device's LRS; false (errors shown, nothing stored) when it does not pass. */
  async function save(form: LrsForm): Promise<boolean> {
    verdict.value = undefined
    const config = check(form)
    if (config === null) return false
    const db = storage.database()
    await saveLrsOverride(db, config)
    await lrsChanged(db)
    await load()
    return true
  }

  /** Removes the override: debrief.config.json applies again. */
  async function remove() {
    const db = storage.database()
    await removeLrsOverride(db)
    errors.value = {}
    verdict.value = undefined
    await lrsChanged(db)
    await load()
  }

  /** A real GET {endpoint}/about (and a read with the key) for the form as it stands. */
  async function test(form: LrsForm, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis), site = globalThis.location?.origin ?? ''): Promise<ConnectionVerdict | undefined> {
    verdict.value = undefined
    const config = check(form)
    if (config === null) return undefined
    verdict.value = await testLrsConnection(config, fetchFn, site)
    return verdict.value
  }

  return { setup, errors, verdict, load, formOf, check, save, remove, test }
})
