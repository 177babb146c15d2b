import type { StaffRole } from '../core/shared/roles'
import type { TemplateKey } from '../core/shared/templates'

/**
 * The staff subscribe-message templates to ask for at a
 * tap: 新派单 goes to handlers; 工单预警 (超时、催单、退单、差评、紧急) to anyone holding work.
 * One accepted request is one message, so the asking repeats at natural taps (接单, the home button).
 */
export const staffTemplates = (roles: readonly StaffRole[]): TemplateKey[] => (roles.includes('handler') ? ['newOrder', 'ticketAlert'] : ['ticketAlert'])
