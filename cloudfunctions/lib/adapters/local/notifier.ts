import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Notifier, PushMessage, PushResult } from '../../ports/notifier'

/**
 * No WeChat here: a "subscribe message" is a line in a JSON-lines file a developer can read,
 * while residents read the in-app message center as they would in WeChat. `failNext` lets
 * tests make the channel flaky to prove the outbox retries.
 */
export function localNotifier(file: string | null) {
  const sent: PushMessage[] = []
  let failures = 0
  const notifier: Notifier & { sent: PushMessage[]; failNext(n: number): void } = {
    channel: 'subscribe',
    sent,
    failNext(n) {
      failures = n
    },
    async push(msg): Promise<PushResult> {
      if (failures > 0) {
        failures--
        return { status: 'failed', error: 'simulated network error', retryable: true }
      }
      sent.push(msg)
      if (file) {
        mkdirSync(dirname(file), { recursive: true })
        appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...msg }) + '\n')
      }
      return { status: 'sent' }
    },
  }
  return notifier
}
