/**
 * Delivers one message to one person outside the app. In WeChat it is a subscribe message;
 * on the local host the in-app message center is the only channel. Messages are written to
 * an outbox in the state change's transaction first; a sender calls this and retries.
 */
export interface PushMessage {
  openid: string
  templateKey: string
  /** Mini-program page the message opens, with its query. */
  page: string
  data: Record<string, string>
}

export type PushResult =
  | { status: 'sent' }
  /** The resident has no accepted subscription left for this template (WeChat 43101). */
  | { status: 'no_quota' }
  | { status: 'failed'; error: string; retryable: boolean }

export interface Notifier {
  readonly channel: 'subscribe' | 'none'
  push(msg: PushMessage): Promise<PushResult>
}
