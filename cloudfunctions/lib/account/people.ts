import type { Ctx } from '../runtime/context'

/**
 * A house's people on file: the archive's members (业主档案), then bound residents the archive
 * does not list, each under a key that stays valid while the file is unchanged (`a.<n>` for the
 * archive, `b.<binding>` for a binding), so a page names a person without carrying the number.
 * Also the approved bindings themselves, which the caller usually needs next.
 */
export async function peopleOf(ctx: Ctx, houseId: string) {
  const [archive, bound] = await Promise.all([
    ctx.store.c.archive.get(houseId),
    ctx.store.c.bindings.find({ where: { houseId, status: 'approved' }, limit: 20 }),
  ])
  const phones = new Set(bound.map((b) => b.phone))
  const listed = new Set((archive?.members ?? []).map((m) => m.phone))
  const people = [
    ...(archive?.members ?? []).map((m, i) => ({ key: `a.${i}`, name: m.name, role: m.role, phone: m.phone, bound: phones.has(m.phone) })),
    ...bound.filter((b) => !listed.has(b.phone)).map((b) => ({ key: `b.${b._id}`, name: b.name, role: b.role, phone: b.phone, bound: true })),
  ]
  return { bound, people }
}
