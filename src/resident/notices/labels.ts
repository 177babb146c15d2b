import type { NoticeCategory } from '../../core/notices/types'

export const STATE_LABELS = { active: '进行中', updated: '有更新', restored: '已恢复' } as const
export const stateTag = (s: keyof typeof STATE_LABELS) => (s === 'restored' ? 'tag' : 'tag tag-warn')
export const categoryTag = (c: NoticeCategory) => (c === 'water' || c === 'power' || c === 'gas' ? 'tag tag-danger' : 'tag tag-gray')
