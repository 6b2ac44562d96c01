import { describe, expect, it } from 'vitest'
import { bizLink, dayRangeParams, placeholder } from '../api'

describe('notice api helpers', () => {
  it('links tickets to the ticket list and the rest to the message centre', () => {
    expect(bizLink({ id: '9', bizType: 'TICKET', bizId: '123456789012345678' }))
      .toBe('/servicedesk/tickets?open=123456789012345678')
    expect(bizLink({ id: '9', bizType: 'APPROVAL', bizId: '5' })).toBe('/notice/messages?open=9')
    expect(bizLink({ id: '9', bizType: 'TICKET', bizId: null })).toBe('/notice/messages?open=9')
  })

  it('turns a date range into a half-open time range', () => {
    expect(dayRangeParams(null)).toEqual({ createdFrom: null, createdTo: null })
    expect(dayRangeParams(['2026-01-30', '2026-01-31']))
      .toEqual({ createdFrom: '2026-01-30T00:00:00', createdTo: '2026-02-01T00:00:00' })
  })

  it('writes placeholders', () => {
    expect(placeholder('ticketNo')).toBe('${ticketNo}')
  })
})
