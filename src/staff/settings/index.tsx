import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { SlaSection } from './sla'
import { RepliesSection } from './replies'
import { PoliciesSection } from './policies'
import { AuditTrail } from './audit-trail'
import { DecorationSection } from './decoration'
import './index.scss'
import { withLargeText } from '../../services/large-text'

const TABS = [
  { key: 'sla', label: '服务时限' },
  { key: 'replies', label: '常用回复' },
  { key: 'policies', label: '回访与收费' },
  { key: 'decoration', label: '装修' },
  { key: 'audit', label: '操作记录' },
] as const
type Tab = (typeof TABS)[number]['key']

/**
 * 设置 (客服主任): one tab at a time, so the page stays small; each section loads and saves on
 * its own, and every save is validated by the contract the server parses with, then audited.
 */
function SettingsPage() {
  const asked = useRouter().params.tab
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t.key === asked)?.key ?? 'sla')
  return (
    <View className='page st'>
      <View className='st-tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`st-tab ${tab === t.key ? 'st-tab-on' : ''}`} onClick={() => setTab(t.key)} data-testid={`st-tab-${t.key}`}>
            {t.label}
          </View>
        ))}
      </View>
      {tab === 'sla' && <SlaSection />}
      {tab === 'replies' && <RepliesSection />}
      {tab === 'policies' && <PoliciesSection />}
      {tab === 'decoration' && <DecorationSection />}
      {tab === 'audit' && <AuditTrail />}
    </View>
  )
}

export default withLargeText(SettingsPage)
