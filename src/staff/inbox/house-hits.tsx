import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import type { ticketsContract } from '../../core/tickets/contracts'
import { namesHouse } from '../../core/community/room-query'
import { go } from '../../services/nav'

type Hit = Output<typeof ticketsContract.reporters>['houses'][number]

/** A search that names a room or a phone also finds the house itself: its 一户一档 comes first. */
export function HouseHits({ query }: { query: string }) {
  const [hits, setHits] = useState<Hit[]>([])
  useEffect(() => {
    setHits([])
    // A bare door number (301) or a ticket number is the ticket search's alone.
    if (!namesHouse(query)) return
    let live = true
    api.tickets
      .reporters({ q: query })
      .then((r) => live && setHits(r.houses))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [query])
  return (
    <>
      {hits.map((h) => (
        <View key={h.houseId} className='card row between inbox-house' onClick={() => go('staffHouse', { houseId: h.houseId })} data-testid='house-hit'>
          <View className='inbox-house-main'>
            <Text className='inbox-title'>{h.label} · 一户一档</Text>
            <Text className='muted'>{h.people.length ? h.people.map((p) => `${p.name}（${p.role}）${p.phone}`).join('、') : '档案中没有住户'}</Text>
          </View>
          <Text className='muted'>›</Text>
        </View>
      ))}
    </>
  )
}
