import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { fakeServer, ok } from '../../../../../tests/unit/helpers'
import FieldRecord from '../FieldRecord.vue'
import { normalizeRecord, shortHash, temperatureText, transcriptText, type FieldRecord as Record } from '../api-field'

const SIGN_HASH = 'b'.repeat(60) + '1234'
const RECORD: Record = {
  ticketId: '500', ticketNo: 'GD20261121-0001',
  media: [
    { id: '1', kind: 'PHOTO', kindLabel: '照片', contentHash: 'a'.repeat(64), fileId: '11', mimeType: 'image/jpeg',
      size: 2048, fileName: 'p.jpg', capturedAt: '2026-11-21T09:15:30', lat: 39.9042, lng: 116.4074, note: '阀门锈蚀',
      durationSeconds: null, transcript: null, transcriptStatus: null, userId: '8', userName: '孙师傅',
      createdAt: '2026-11-21T09:16:00' },
    { id: '2', kind: 'VIDEO', kindLabel: '视频', contentHash: 'c'.repeat(64), fileId: '12', mimeType: 'video/mp4',
      size: 4096, fileName: 'v.mp4', capturedAt: null, lat: null, lng: null, note: null, durationSeconds: null,
      transcript: null, transcriptStatus: null, userId: '8', userName: '孙师傅', createdAt: '2026-11-21T09:17:00' },
  ],
  voiceNotes: [
    { id: '3', kind: 'AUDIO', kindLabel: '录音', contentHash: 'd'.repeat(64), fileId: '13', mimeType: 'audio/mp4',
      size: 1000, fileName: 'v.m4a', capturedAt: null, lat: null, lng: null, note: null, durationSeconds: 12,
      transcript: null, transcriptStatus: 'NONE', userId: '8', userName: '孙师傅', createdAt: '2026-11-21T09:18:00' },
  ],
  signature: { id: '4', signatureHash: SIGN_HASH, fileId: '14', recordHash: 'e'.repeat(64), intact: true, satisfaction: 5,
    satisfactionLabel: '很满意', comment: '师傅很专业', clientTime: '2026-11-21T09:59:00', serverTime: '2026-11-21T10:00:05',
    userId: '8', userName: '孙师傅' },
  temperatures: [
    { id: '5', householdId: '77', householdCode: 'HH0002', indoorTemp: 17.5, measuredAt: '2026-11-21T09:20:00',
      room: '卧室', note: null, userId: '8', userName: '孙师傅', createdAt: '2026-11-21T09:20:10', forwardedAt: null,
      forwardError: null },
  ],
  asrConfigured: false, heatNetConfigured: false,
}

describe('FieldRecord', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    document.body.innerHTML = ''
    URL.createObjectURL = vi.fn((b: Blob) => `blob:${(b as Blob).size}-${Math.random()}`)
    URL.revokeObjectURL = vi.fn()
  })

  function serve(record: unknown) {
    return fakeServer((c) => {
      if (c.url === '/api/repair/tickets/500/field-record') return ok(record)
      if (c.url?.startsWith('/api/files/')) return { status: 200, data: new Blob(['x']) }
      return { status: 404, data: { code: 'NOT_FOUND', msg: '不存在' } }
    })
  }

  it('shows photos, videos, voice notes, the signature with its hashes and the temperatures', async () => {
    const seen = serve(RECORD)
    const w = mount(FieldRecord, { props: { ticketId: '500' }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(seen.map((c) => c.url)).toEqual(expect.arrayContaining(['/api/repair/tickets/500/field-record',
      '/api/files/11', '/api/files/12', '/api/files/13', '/api/files/14']))
    expect(w.find('[data-testid="field-record"]').exists()).toBe(true)
    expect(w.findAll('[data-testid="field-photo"]')).toHaveLength(1)
    expect(w.find('[data-testid="field-photo"]').text()).toContain('阀门锈蚀')
    expect(w.find('[data-testid="field-photo"]').text()).toContain('39.90420, 116.40740')
    expect(w.find('[data-testid="field-video"] video').exists()).toBe(true)
    expect(w.find('[data-testid="field-voice-note"] audio').exists()).toBe(true)
    expect(w.find('[data-testid="field-transcript"]').text()).toBe('未配置语音识别，保留原声')
    expect(w.find('[data-testid="field-satisfaction"]').text()).toContain('5 分')
    expect(w.find('[data-testid="field-satisfaction"]').text()).toContain('很满意')
    expect(w.find('[data-testid="field-sign-time"]').text()).toBe('2026-11-21 10:00:05')
    expect(w.find('[data-testid="field-sign-hash"]').attributes('title')).toBe(SIGN_HASH)
    expect(w.find('[data-testid="field-sign-hash"]').text()).toBe('bbbbbbbb…bbbb1234')
    expect(w.find('[data-testid="field-sign-intact"]').text()).toBe('校验一致')
    expect(w.find('[data-testid="field-temperature"]').text()).toBe('17.5 ℃')
    expect(w.find('[data-testid="field-temperatures"]').text()).toContain('未对接')
    w.unmount()
  })

  it('shows nothing for a ticket without a field record or when the server refuses', async () => {
    serve({ ...RECORD, media: [], voiceNotes: [], signature: null, temperatures: [] })
    const empty = mount(FieldRecord, { props: { ticketId: '500' }, global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(empty.find('[data-testid="field-record"]').exists()).toBe(false)

    fakeServer(() => ({ status: 404, data: { code: 'NOT_FOUND', msg: '工单不存在' } }))
    const refused = mount(FieldRecord, { props: { ticketId: '500' }, global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(refused.find('[data-testid="field-record"]').exists()).toBe(false)
  })

  it('words transcripts, temperatures and hashes in Chinese', () => {
    expect(transcriptText({ transcript: null, transcriptStatus: 'NONE' })).toBe('未配置语音识别，保留原声')
    expect(transcriptText({ transcript: '阀门已更换', transcriptStatus: 'DONE' })).toBe('阀门已更换')
    expect(transcriptText({ transcript: null, transcriptStatus: 'FAILED' })).toBe('语音识别失败，保留原声')
    expect(temperatureText(18)).toBe('18.0 ℃')
    expect(shortHash('abc')).toBe('abc')
    expect(normalizeRecord([])).toBeNull()
    expect(normalizeRecord({ ticketId: '1' })!.media).toEqual([])
  })
})
