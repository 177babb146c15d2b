import { View, Text, Input, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { MemberInput } from '../../core/supervisor/team-contracts'
import { memberErrors, normalizeProfile } from '../../core/supervisor/team'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { DEPARTMENTS, DEPARTMENT_LABELS, ROLE_LABELS, STAFF_ROLES, type Department, type StaffRole } from '../../core/shared/roles'
import { ErrorView, Loading } from '../../components/page-state'
import { Sheet } from '../../components/sheet'
import { issuesToFields } from '../../core/shared/errors'
import { palette } from '../../styles/palette'
import './index.scss'
import { withLargeText } from '../../services/large-text'

type Team = Output<typeof supervisorContract.team>
type Member = Team['members'][number]
type Draft = { openid: string; name: string; roles: StaffRole[]; department?: Department; zone: string[]; onDuty: boolean }

const toggle = <T,>(xs: T[], x: T) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x])

/**
 * 团队与值班 (客服主任): who works here, in which role, department and zone, and who is on the
 * emergency roster. Changes apply on the staff member's next tap: roles are looked up per call.
 */
function TeamPage() {
  const team = useLoad(() => api.supervisor.team({}), [])
  const [draft, setDraft] = useState<{ adding: boolean; d: Draft } | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useDidShow(() => {
    if (!needsSignIn()) team.reload()
  })
  usePullDownRefresh(async () => {
    await team.reload()
    Taro.stopPullDownRefresh()
  })

  const t = team.data
  if (team.loading && !t) return <Loading />
  if (team.error && !t) return <ErrorView message={team.error} code={team.errorCode} onRetry={team.reload} />
  if (!t) return null

  const open = (adding: boolean, d: Draft) => {
    setDraft({ adding, d })
    setErrors({})
  }
  const edit = (m: Member) => open(false, { openid: m.openid, name: m.name, roles: m.roles, department: m.department, zone: m.zone, onDuty: m.onDuty })

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await what()
      Taro.showToast({ title: done, icon: 'none' })
      setDraft(null)
      await team.reload()
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const save = () => {
    if (!draft) return
    const d = draft.d
    // What the form does not show is not sent: a department only with 维修/服务人员, buildings only with 管理员.
    const input = { ...d, department: d.roles.includes('handler') ? d.department : undefined, zone: d.roles.includes('manager') ? d.zone : [] }
    const parsed = MemberInput.safeParse(input)
    const f = parsed.success ? memberErrors(normalizeProfile(parsed.data), t.buildings) : issuesToFields(parsed.error.issues)
    setErrors(f)
    if (!parsed.success || Object.keys(f).length) return Taro.showToast({ title: Object.values(f)[0] ?? '请检查填写的内容', icon: 'none' })
    run(() => (draft.adding ? api.supervisor.addMember(parsed.data) : api.supervisor.updateMember(parsed.data)), draft.adding ? '已添加' : '已保存，即时生效')
  }

  const remove = async (m: Draft) => {
    const { confirm } = await Taro.showModal({
      title: '移除员工身份',
      content: `${m.name} 将不能再使用工作台（仍可作为住户使用小程序）。确定移除吗？`,
      confirmText: '移除',
      confirmColor: palette.danger,
    })
    if (confirm) run(() => api.supervisor.removeMember({ openid: m.openid }), '已移除')
  }

  const quickDuty = (m: Member) => {
    if (busy) return
    run(
      () => api.supervisor.updateMember({ openid: m.openid, name: m.name, roles: m.roles, department: m.department, zone: m.zone, onDuty: !m.onDuty }),
      m.onDuty ? '已退出值班' : '已加入值班',
    )
  }

  const err = (k: string) =>
    errors[k] ? (
      <View className='field-error' data-testid={`tm-error-${k}`}>
        {errors[k]}
      </View>
    ) : null
  const zoneError = Object.entries(errors).find(([k]) => k.startsWith('zone'))?.[1]

  return (
    <View className='page tm'>
      <View className='card row between'>
        <View>
          <Text className='tm-count' data-testid='tm-summary'>
            共 {t.members.length} 人 · 值班 {t.onDuty} 人
          </Text>
          <Text className='muted'>紧急工单按值班名单派人，至少保留一人值班</Text>
        </View>
        <Button
          className='btn btn-primary btn-small'
          onClick={() => open(true, { openid: '', name: '', roles: ['agent'], zone: [], onDuty: false })}
          data-testid='tm-add'
        >
          添加员工
        </Button>
      </View>

      {t.members.map((m) => (
        <View className='card tm-member' key={m.openid} data-testid='tm-member'>
          <View className='row between'>
            <View className='row'>
              <Text className='tm-name'>{m.name}</Text>
              {m.isMe && <Text className='tag tag-gray'>我</Text>}
            </View>
            <Text className={`tag ${m.onDuty ? '' : 'tag-gray'} tm-duty`} onClick={() => quickDuty(m)} data-testid={`tm-duty-${m.openid}`}>
              {m.onDuty ? '值班中' : '未值班'}
            </Text>
          </View>
          <View className='tm-tags'>
            {m.roles.map((r) => (
              <Text key={r} className='tag tm-tag'>
                {ROLE_LABELS[r]}
              </Text>
            ))}
            {m.department && <Text className='tag tag-gray tm-tag'>{DEPARTMENT_LABELS[m.department]}</Text>}
            {m.zone.length > 0 && <Text className='tag tag-gray tm-tag'>负责 {m.zone.join('、')} 栋</Text>}
          </View>
          <View className='row between tm-foot'>
            <Text className='muted'>{m.phone ?? '未留手机号'}</Text>
            <Text className='tm-link' onClick={() => edit(m)} data-testid='tm-edit'>
              编辑
            </Text>
          </View>
        </View>
      ))}

      {draft && (
        <Sheet
          title={draft.adding ? '添加员工' : `编辑 ${draft.d.name}`}
          hint={draft.adding ? '对方须先打开过一次小程序；请填写其微信 openid' : undefined}
          onClose={() => setDraft(null)}
          testid='tm-sheet'
        >
          {draft.adding && (
            <View className='field'>
              <Text className='field-label'>openid</Text>
              <Input
                className='tm-input'
                value={draft.d.openid}
                onInput={(e) => setDraft({ ...draft, d: { ...draft.d, openid: e.detail.value } })}
                data-testid='tm-openid'
              />
              {err('openid')}
            </View>
          )}
          <View className='field'>
            <Text className='field-label'>姓名</Text>
            <Input
              className='tm-input'
              value={draft.d.name}
              maxlength={10}
              onInput={(e) => setDraft({ ...draft, d: { ...draft.d, name: e.detail.value } })}
              data-testid='tm-name'
            />
            {err('name')}
          </View>
          <View className='field'>
            <Text className='field-label'>角色（可多选）</Text>
            <View className='chips'>
              {STAFF_ROLES.map((r) => (
                <View
                  key={r}
                  className={`chip tm-chip ${draft.d.roles.includes(r) ? 'chip-active' : ''}`}
                  onClick={() => setDraft({ ...draft, d: { ...draft.d, roles: toggle(draft.d.roles, r) } })}
                  data-testid={`tm-role-${r}`}
                >
                  {ROLE_LABELS[r]}
                </View>
              ))}
            </View>
            {err('roles')}
          </View>
          {draft.d.roles.includes('handler') && (
            <View className='field'>
              <Text className='field-label'>所属部门</Text>
              <View className='chips'>
                {DEPARTMENTS.map((dep) => (
                  <View
                    key={dep}
                    className={`chip tm-chip ${draft.d.department === dep ? 'chip-active' : ''}`}
                    onClick={() => setDraft({ ...draft, d: { ...draft.d, department: dep } })}
                    data-testid={`tm-dept-${dep}`}
                  >
                    {DEPARTMENT_LABELS[dep]}
                  </View>
                ))}
              </View>
              {err('department')}
            </View>
          )}
          {draft.d.roles.includes('manager') && (
            <View className='field'>
              <Text className='field-label'>负责楼栋</Text>
              <View className='chips'>
                {t.buildings.map((b) => (
                  <View
                    key={b}
                    className={`chip tm-chip ${draft.d.zone.includes(b) ? 'chip-active' : ''}`}
                    onClick={() => setDraft({ ...draft, d: { ...draft.d, zone: toggle(draft.d.zone, b) } })}
                    data-testid={`tm-zone-${b}`}
                  >
                    {b} 栋
                  </View>
                ))}
              </View>
              {zoneError && (
                <View className='field-error' data-testid='tm-error-zone'>
                  {zoneError}
                </View>
              )}
            </View>
          )}
          <View className='field'>
            <Text className='field-label'>紧急值班</Text>
            <View className='chips'>
              {[true, false].map((v) => (
                <View
                  key={String(v)}
                  className={`chip tm-chip ${draft.d.onDuty === v ? 'chip-active' : ''}`}
                  onClick={() => setDraft({ ...draft, d: { ...draft.d, onDuty: v } })}
                  data-testid={`tm-onDuty-${v}`}
                >
                  {v ? '值班' : '不值班'}
                </View>
              ))}
            </View>
            {err('onDuty')}
          </View>
          <Button className='btn btn-primary btn-block tm-btn' disabled={busy || undefined} onClick={save} data-testid='tm-save'>
            {busy ? '保存中…' : '保存'}
          </Button>
          {!draft.adding && err('openid')}
          {!draft.adding && (
            <Button className='btn btn-danger-ghost btn-block tm-btn' disabled={busy || undefined} onClick={() => remove(draft.d)} data-testid='tm-remove'>
              移除员工身份
            </Button>
          )}
        </Sheet>
      )}
    </View>
  )
}

export default withLargeText(TeamPage)
