import { View, Text, Input, Textarea, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import { ReplyInput } from '../../core/supervisor/team-contracts'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { ErrorView, Loading } from '../../components/page-state'
import { issuesToFields } from '../../core/shared/errors'
import { palette } from '../../styles/palette'

type Reply = Output<typeof supervisorContract.replies>[number]
type Draft = { id?: string; title: string; text: string }

/** 常用回复: what agents tap to answer in one go (tickets.savedReplies shows the same list, in this order). */
export function RepliesSection() {
  const list = useLoad(() => api.supervisor.replies({}), [])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const { reload } = list
  useEffect(() => {
    reload()
  }, [reload])

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await what()
      Taro.showToast({ title: done, icon: 'none' })
      await reload()
      return true
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT')) reload()
      return false
    } finally {
      setBusy(false)
    }
  }

  const edit = (d: Draft | null) => {
    setDraft(d)
    setErrors({})
  }

  const save = async () => {
    if (!draft) return
    const parsed = ReplyInput.safeParse(draft)
    if (!parsed.success) return setErrors(issuesToFields(parsed.error.issues))
    if (await run(() => api.supervisor.saveReply(parsed.data), '已保存，客服即时可用')) edit(null)
  }

  const remove = async (r: Reply) => {
    const { confirm } = await Taro.showModal({
      title: '删除常用回复',
      content: `确定删除「${r.title}」吗？`,
      confirmText: '删除',
      confirmColor: palette.danger,
    })
    if (confirm) await run(() => api.supervisor.deleteReply({ id: r.id }), '已删除')
  }

  const move = (rows: Reply[], i: number, by: -1 | 1) => {
    const ids = rows.map((r) => r.id)
    ;[ids[i], ids[i + by]] = [ids[i + by], ids[i]]
    return run(() => api.supervisor.orderReplies({ ids }), '顺序已调整')
  }

  if (list.loading && !list.data) return <Loading />
  if (list.error && !list.data) return <ErrorView message={list.error} code={list.errorCode} onRetry={reload} />
  const rows = list.data ?? []

  const form = (
    <View className='card' data-testid='reply-form'>
      <Text className='card-title'>{draft?.id ? '修改常用回复' : '新增常用回复'}</Text>
      <View className='field'>
        <Text className='field-label'>标题（最多 12 个字，客服在工单页点选）</Text>
        <Input
          className='st-input st-input-wide'
          value={draft?.title}
          maxlength={12}
          onInput={(e) => setDraft({ ...draft!, title: e.detail.value })}
          data-testid='reply-title'
        />
        {errors.title && (
          <View className='field-error' data-testid='reply-error-title'>
            {errors.title}
          </View>
        )}
      </View>
      <View className='field'>
        <Text className='field-label'>内容（最多 200 个字）</Text>
        <Textarea
          className='text-box'
          value={draft?.text ?? ''}
          maxlength={200}
          onInput={(e) => setDraft({ ...draft!, text: e.detail.value })}
          data-testid='reply-text'
        />
        <Text className='muted'>{(draft?.text ?? '').length}/200</Text>
        {errors.text && (
          <View className='field-error' data-testid='reply-error-text'>
            {errors.text}
          </View>
        )}
      </View>
      <View className='row st-actions'>
        <Button className='btn btn-primary btn-small' disabled={busy || undefined} onClick={save} data-testid='reply-save'>
          保存
        </Button>
        <Button className='btn btn-ghost btn-small' onClick={() => edit(null)}>
          取消
        </Button>
      </View>
    </View>
  )

  return (
    <View>
      <View className='row between st-note'>
        <Text className='muted'>共 {rows.length} 条 · 按此顺序显示给客服</Text>
        {!draft && rows.length < 50 && (
          <Button className='btn btn-ghost btn-small' onClick={() => edit({ title: '', text: '' })} data-testid='reply-add'>
            新增
          </Button>
        )}
      </View>
      {draft && !draft.id && form}
      {rows.map((r, i) =>
        draft?.id === r.id ? (
          <View key={r.id}>{form}</View>
        ) : (
          <View className='card st-reply' key={r.id} data-testid='reply-item'>
            <View className='row between'>
              <Text className='st-reply-title'>{r.title}</Text>
              <View className='row'>
                <Text className={`st-link ${i === 0 ? 'st-link-off' : ''}`} onClick={() => i > 0 && !busy && move(rows, i, -1)} data-testid='reply-up'>
                  上移
                </Text>
                <Text
                  className={`st-link ${i === rows.length - 1 ? 'st-link-off' : ''}`}
                  onClick={() => i < rows.length - 1 && !busy && move(rows, i, 1)}
                  data-testid='reply-down'
                >
                  下移
                </Text>
                <Text className='st-link' onClick={() => edit({ id: r.id, title: r.title, text: r.text })} data-testid='reply-edit'>
                  编辑
                </Text>
                <Text className='st-link st-link-danger' onClick={() => !busy && remove(r)} data-testid='reply-delete'>
                  删除
                </Text>
              </View>
            </View>
            <Text className='st-reply-text'>{r.text}</Text>
          </View>
        ),
      )}
    </View>
  )
}
