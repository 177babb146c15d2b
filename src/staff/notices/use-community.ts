import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import { scopeOf, type Scope } from '../../core/access/scope'
import type { accountContract } from '../../core/account/contracts'

export type Community = Output<typeof accountContract.communities>[number]

/** The staff member's own community and scope, for the audience pickers of 发布公告 (null while loading). */
export function useStaffCommunity() {
  const [found, setFound] = useState<{ community: Community; scope: Scope } | null>(null)
  useEffect(() => {
    Promise.all([api.account.whoami(), api.account.communities()])
      .then(([me, cs]) => {
        const scope = scopeOf(me.staff)
        const community = cs.find((c) => c.id === scope?.communityId)
        if (scope && community) setFound({ community, scope })
      })
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [])
  return found
}
