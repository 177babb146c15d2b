import { encode } from 'uqr'
import { palette } from '../../styles/palette'

export type QrCtx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect'>

/**
 * A QR code in a `size` square at (x, y), whole modules only so every edge is sharp. Medium error
 * correction survives a scuffed print or a cracked phone screen; the white around is the caller's.
 */
export function drawQr(ctx: QrCtx, payload: string, x: number, y: number, size: number) {
  const qr = encode(payload, { ecc: 'M', border: 0 })
  const m = Math.floor(size / qr.size)
  const left = x + (size - m * qr.size) / 2
  const top = y + (size - m * qr.size) / 2
  ctx.fillStyle = palette.ink
  qr.data.forEach((row, r) => row.forEach((dark, c) => dark && ctx.fillRect(left + c * m, top + r * m, m, m)))
}
