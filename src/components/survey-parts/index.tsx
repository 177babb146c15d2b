import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { surveysContract } from '../../core/surveys/contracts'
import type { Output } from '../../services/api'
import { formatTime } from '../../core/shared/time'
import { SCORE_LABELS } from '../../core/surveys/types'
import './index.scss'

export type Survey = NonNullable<Output<typeof surveysContract.forTicket>>

/** Five stars, tappable when `onChange` is given. */
export function Stars({ value, onChange, testid }: { value: number; onChange?: (n: number) => void; testid: string }) {
  return (
    <View className='sv-stars' data-testid={testid}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text key={n} className={`sv-star ${n <= value ? 'sv-star-on' : ''}`} onClick={onChange ? () => onChange(n) : undefined} data-testid={`${testid}-${n}`}>
          ★
        </Text>
      ))}
      {value > 0 && <Text className='sv-star-word'>{SCORE_LABELS[value]}</Text>}
    </View>
  )
}

/** A recorded rating (the resident's, or the callback's), with the staff reply under it. */
export function RatingView({ s }: { s: Survey }) {
  const a = s.answer
  if (!a) return null
  return (
    <View data-testid='rating-view'>
      <View className='between sv-line'>
        <Stars value={a.overall} testid='rating-overall' />
        <Text className='muted'>{a.source === 'callback' ? '电话回访' : formatTime(a.at, 'MM-DD HH:mm')}</Text>
      </View>
      {a.speed !== undefined && (
        <View className='row sv-sub'>
          <Text className='muted'>
            上门速度 {a.speed} 星 · 服务态度 {a.attitude} 星
          </Text>
        </View>
      )}
      <View className='row sv-sub'>
        <Text className={`tag ${a.resolved ? '' : 'tag-danger'}`} data-testid='rating-resolved'>
          {a.resolved ? '问题已解决' : '问题未解决'}
        </Text>
        {a.tags.map((t) => (
          <Text key={t} className='tag tag-gray sv-tag' data-testid='rating-tag'>
            {t}
          </Text>
        ))}
      </View>
      {a.comment && <Text className='sv-comment'>{a.comment}</Text>}
      {a.photos.length > 0 && (
        <View className='row sv-photos'>
          {a.photos.map((p) => (
            <Image
              key={p}
              className='sv-photo'
              src={s.photoUrls[p] ?? ''}
              mode='aspectFill'
              onClick={() => Taro.previewImage({ urls: a.photos.map((x) => s.photoUrls[x] ?? ''), current: s.photoUrls[p] ?? '' })}
            />
          ))}
        </View>
      )}
      {s.reply && (
        <View className='sv-reply' data-testid='rating-reply'>
          <Text className='sv-reply-who'>物业回复 · {s.reply.byName}</Text>
          <Text>{s.reply.text}</Text>
        </View>
      )}
    </View>
  )
}
