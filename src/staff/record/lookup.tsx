import { View, Text, Input, Button } from '@tarojs/components'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { ticketsContract } from '../../core/tickets/contracts'

type Found = Output<typeof ticketsContract.reporters>['houses'][number]
/** A house, and the person on file who called (none: the house only). */
export type Pick = { houseId: string; label: string; person?: Found['people'][number] }

/**
 * 查找住户: the caller gives a room or a phone; the desk picks the house and, usually, the person
 * on file — whose number the server fills in, so it is never read out or typed.
 */
export function ReporterLookup({ onPick }: { onPick(p: Pick): void }) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found[] | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const find = async () => {
    setBusy(true)
    setError('')
    try {
      setFound((await api.tickets.reporters({ q })).houses)
    } catch (e) {
      setFound(null)
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='rec-lookup' data-testid='lookup'>
      <View className='rec-lookup-row'>
        <Input
          className='field-input rec-lookup-q'
          placeholder='房号 1-1-301 或手机号后 4 位'
          value={q}
          maxlength={20}
          confirmType='search'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={find}
          data-testid='lookup-q'
        />
        <Button className='btn btn-primary rec-lookup-go' disabled={busy || !q.trim() || undefined} loading={busy} onClick={find} data-testid='lookup-go'>
          查找
        </Button>
      </View>
      {error && <Text className='field-error'>{error}</Text>}
      {found?.length === 0 && <Text className='muted'>没有找到，可在下面按楼栋、单元、房号选择</Text>}
      {found?.map((h) => (
        <View key={h.houseId} className='rec-found' data-testid='lookup-house'>
          <Text className='rec-found-label'>{h.label}</Text>
          {h.people.map((p) => (
            <View key={p.key} className='rec-person' onClick={() => onPick({ houseId: h.houseId, label: h.label, person: p })} data-testid='lookup-person'>
              <Text className='rec-person-name'>{p.name}</Text>
              <Text className='muted'>
                {p.role} · {p.phone}
                {p.bound ? ' · 已绑定' : ''}
              </Text>
            </View>
          ))}
          <Text className='rec-found-house' onClick={() => onPick({ houseId: h.houseId, label: h.label })} data-testid='lookup-house-only'>
            只选这户，报事人另填 ›
          </Text>
        </View>
      ))}
    </View>
  )
}
