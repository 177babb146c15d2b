import { decideBinding, normalizeName } from './rules'

const archive = {
  members: [
    { name: '张伟', phone: '13800000301', role: 'owner' as const },
    { name: '张 小 雨', phone: '13800000302', role: 'family' as const },
  ],
}

describe('decideBinding', () => {
  it('approves at once when name, phone and role match the archive', () => {
    expect(decideBinding(archive, { name: '张伟', phone: '13800000301', role: 'owner' })).toBe('approved')
  })

  it('ignores spaces in names, as a person would', () => {
    expect(decideBinding(archive, { name: '张小雨', phone: '13800000302', role: 'family' })).toBe('approved')
    expect(normalizeName(' 张\u3000伟 ')).toBe('张伟')
  })

  it('waits for staff when the name is not in the archive', () => {
    expect(decideBinding(archive, { name: '王芳', phone: '13800000301', role: 'owner' })).toBe('pending')
  })

  it('waits for staff when the phone differs', () => {
    expect(decideBinding(archive, { name: '张伟', phone: '13900000000', role: 'owner' })).toBe('pending')
  })

  it('does not let a family member claim to be the owner', () => {
    expect(decideBinding(archive, { name: '张小雨', phone: '13800000302', role: 'owner' })).toBe('pending')
  })

  it('waits for staff when the house has no archive', () => {
    expect(decideBinding(null, { name: '张伟', phone: '13800000301', role: 'owner' })).toBe('pending')
  })
})
