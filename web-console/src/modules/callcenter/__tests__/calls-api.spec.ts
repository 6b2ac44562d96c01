import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setToken } from '@/api/session'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import {
  callApi, labelIn, recordingApi, resolveTicketId, resultLabels, resultTagType,
} from '../api-callcenter'

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})

describe('call endpoints', () => {
  it('search with the filters, dropping empty ones, and read detail, stats and links', async () => {
    const seen = fakeServer(() => ok({ records: [], total: 0, page: 1, size: 20 }))
    await callApi.page({ number: '13800138000', agentJobNo: '', queue: 'repair', result: 'ANSWERED', direction: null,
      from: '2026-11-21T00:00:00', to: '2026-11-21T23:59:59', gatewayId: '1', page: 2, size: 50, sort: 'talkMs', order: 'desc' })
    expect(seen[0].url).toBe('/api/callcenter/calls')
    expect(seen[0].params).toEqual({ number: '13800138000', queue: 'repair', result: 'ANSWERED',
      from: '2026-11-21T00:00:00', to: '2026-11-21T23:59:59', gatewayId: '1', page: 2, size: 50, sort: 'talkMs', order: 'desc' })
    await callApi.detail('900')
    await callApi.stats()
    await callApi.linkTicket('900', '123456789012345678')
    expect(seen.slice(1).map((c) => `${c.method} ${c.url}`)).toEqual([
      'get /api/callcenter/calls/900', 'get /api/callcenter/calls/stats', 'post /api/callcenter/calls/900/tickets'])
    expect(JSON.parse(String(seen[3].data))).toEqual({ ticketId: '123456789012345678' })
  })

  it('fetch a recording as a blob with the session token, and read its playback history', async () => {
    setToken('tok-1')
    const audio = new Blob([new Uint8Array([82, 73, 70, 70])], { type: 'audio/wav' })
    const seen = fakeServer((c) => (c.url?.endsWith('/audio')
      ? { status: 200, data: audio, headers: { 'content-type': 'audio/wav' } }
      : ok([{ userId: '3', username: 'agent01', kind: 'PLAY', range: null, clientIp: '127.0.0.1', at: '2026-11-21T10:00:00' }])))
    const blob = await recordingApi.audio('55')
    expect(blob).toBe(audio)
    expect(seen[0].url).toBe('/api/callcenter/recordings/55/audio')
    expect(seen[0].responseType).toBe('blob')
    expect(seen[0].headers.get('Authorization')).toBe('Bearer tok-1')
    const access = await recordingApi.access('55')
    expect(access[0].kind).toBe('PLAY')
    expect(seen[1].url).toBe('/api/callcenter/recordings/55/access')
  })
})

describe('linking a ticket typed by the agent', () => {
  it('takes a bare long number as the id, looks a work-order number up, and answers null when nothing matches', async () => {
    const seen = fakeServer((c) => {
      const no = (c.params as { ticketNo?: string }).ticketNo
      if (no === 'SUB01-20261121-00001') {
        return ok({ records: [{ id: '5', ticketNo: 'SUB01-20261121-00011' }, { id: '4', ticketNo: 'SUB01-20261121-00001' }], total: 2 })
      }
      if (no === 'sub01-20261121-00002') return ok({ records: [{ id: '6', ticketNo: 'SUB01-20261121-00002' }], total: 1 })
      if (no === 'SUB01-2026') return ok({ records: [{ id: '9', ticketNo: 'SUB01-20261121-00003' }], total: 1 })
      return ok({ records: [], total: 0 })
    })
    expect(await resolveTicketId(' 123456789012345678 ')).toBe('123456789012345678')
    expect(seen).toHaveLength(0)
    expect(await resolveTicketId('SUB01-20261121-00001')).toBe('4')
    expect(seen[0].url).toBe('/api/servicedesk/tickets')
    expect(await resolveTicketId('sub01-20261121-00002')).toBe('6')
    expect(await resolveTicketId('SUB01-X')).toBeNull()
    // a partial number that finds another ticket is not that ticket
    expect(await resolveTicketId('SUB01-2026')).toBeNull()
    expect(await resolveTicketId('  ')).toBeNull()
  })
})

describe('call labels', () => {
  it('use the server label first, then the known codes', () => {
    expect(labelIn(resultLabels, 'ANSWERED')).toBe('已接通')
    expect(labelIn(resultLabels, 'ANSWERED', '已接通（服务端）')).toBe('已接通（服务端）')
    expect(labelIn(resultLabels, 'NEW_CODE')).toBe('NEW_CODE')
    expect(labelIn(resultLabels, null)).toBe('')
    expect(resultTagType('ANSWERED')).toBe('success')
    expect(resultTagType('ABANDONED')).toBe('warning')
    expect(resultTagType('BLACKLISTED')).toBe('danger')
  })
})
