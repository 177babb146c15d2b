import { decideBinding, normalizeName, removalBy } from './rules'

const archive = {
  members: [
    { name: '张伟', phone: '13800000301', role: 'owner' as const },
    { name: '张 小 雨', phone: '13800000302', role: 'family' as const },
  ],
}
const verified = { phoneVerified: true }

describe('decideBinding', () => {
  it('approves at once when name, a WeChat-verified phone and role match the archive', () => {
    expect(decideBinding(archive, { name: '张伟', phone: '13800000301', role: 'owner', ...verified })).toBe('approved')
  })

  it('waits for staff when the matching phone was only typed in: a name and a number prove nothing', () => {
    expect(decideBinding(archive, { name: '张伟', phone: '13800000301', role: 'owner', phoneVerified: false })).toBe('pending')
  })

  it('ignores spaces in names, as a person would', () => {
    expect(decideBinding(archive, { name: '张小雨', phone: '13800000302', role: 'family', ...verified })).toBe('approved')
    expect(normalizeName(' 张\u3000伟 ')).toBe('张伟')
  })

  it('waits for staff when the name is not in the archive', () => {
    expect(decideBinding(archive, { name: '王芳', phone: '13800000301', role: 'owner', ...verified })).toBe('pending')
  })

  it('waits for staff when the phone differs', () => {
    expect(decideBinding(archive, { name: '张伟', phone: '13900000000', role: 'owner', ...verified })).toBe('pending')
  })

  it('does not let a family member claim to be the owner', () => {
    expect(decideBinding(archive, { name: '张小雨', phone: '13800000302', role: 'owner', ...verified })).toBe('pending')
  })

  it('waits for staff when the house has no archive', () => {
    expect(decideBinding(null, { name: '张伟', phone: '13800000301', role: 'owner', ...verified })).toBe('pending')
  })
})

describe('removalBy', () => {
  const tenant = { openid: 'wang', role: 'tenant' as const, status: 'approved' as const }
  const coOwner = { openid: 'li', role: 'owner' as const, status: 'approved' as const }
  const nobody = { ownsHouse: false, staffInScope: false }

  it('lets anyone end their own binding, pending or approved', () => {
    expect(removalBy({ openid: 'wang', ...nobody }, tenant)).toBe('self')
    expect(removalBy({ openid: 'wang', ...nobody }, { ...tenant, status: 'pending' })).toBe('self')
  })

  it('lets the owner remove a tenant or family member, never a co-owner', () => {
    expect(removalBy({ openid: 'zhang', ownsHouse: true, staffInScope: false }, tenant)).toBe('owner')
    expect(removalBy({ openid: 'zhang', ownsHouse: true, staffInScope: false }, coOwner)).toBeNull()
  })

  it('lets staff in scope revoke any live binding, and nobody else anything', () => {
    expect(removalBy({ openid: 'chen', ownsHouse: false, staffInScope: true }, coOwner)).toBe('staff')
    expect(removalBy({ openid: 'stranger', ...nobody }, tenant)).toBeNull()
  })

  it('has nothing to remove once a binding is rejected or removed', () => {
    expect(removalBy({ openid: 'wang', ...nobody }, { ...tenant, status: 'removed' })).toBeNull()
    expect(removalBy({ openid: 'chen', ownsHouse: false, staffInScope: true }, { ...tenant, status: 'rejected' })).toBeNull()
  })
})
