import type { Notifier, PushMessage } from '../../ports/notifier'
import { isTemplateKey, type TemplateKey } from '../../../../src/core/shared/templates'
import { renderTemplateData, templateId } from '../../templates'

interface OpenApi {
  subscribeMessage: {
    send(arg: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: string }): Promise<unknown>
  }
}

/** Subscribe messages through cloud.openapi (config.json must grant subscribeMessage.send). */
export function cloudbaseNotifier(openapi: OpenApi, miniprogramState = 'formal'): Notifier {
  return {
    channel: 'subscribe',
    async push(msg: PushMessage) {
      const id = isTemplateKey(msg.templateKey) ? templateId(msg.templateKey) : ''
      if (!id) return { status: 'failed', error: `no template id for ${msg.templateKey}`, retryable: false }
      try {
        await openapi.subscribeMessage.send({
          touser: msg.openid,
          templateId: id,
          page: msg.page,
          data: renderTemplateData(msg.templateKey as TemplateKey, msg.data),
          miniprogramState,
        })
        return { status: 'sent' }
      } catch (e) {
        const code = (e as { errCode?: number }).errCode
        if (code === 43101) return { status: 'no_quota' }
        // 47003 (bad field) and 40037 (bad template) will not get better by retrying.
        const retryable = code !== 47003 && code !== 40037
        return { status: 'failed', error: `subscribeMessage ${code ?? ''} ${(e as Error).message ?? ''}`.trim(), retryable }
      }
    },
  }
}
