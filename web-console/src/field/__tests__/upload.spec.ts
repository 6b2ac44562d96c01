// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { Blob } from 'node:buffer'
import { FieldApi, FieldApiError } from '../core/api'
import { sm3OfBlob } from '../core/sm3'
import { FieldStore } from '../core/store'
import { uploadMedia } from '../core/upload'
import type { MediaItem } from '../core/types'
import { FakeServer } from './fakeServer'

let server: FakeServer
let store: FieldStore
let api: FieldApi

async function item(bytes: Uint8Array): Promise<MediaItem> {
  const blob = new Blob([bytes], { type: 'video/mp4' }) as unknown as globalThis.Blob
  const m: MediaItem = { contentHash: await sm3OfBlob(blob), blob, size: blob.size, kind: 'VIDEO', mimeType: 'video/mp4',
    fileName: 'v.mp4', capturedAt: '2026-11-21T10:00:00', received: 0, complete: false }
  await store.putMedia(m)
  return m
}

const data = Uint8Array.from({ length: 23 }, (_, i) => (i * 37) & 0xff)

beforeEach(async () => {
  server = new FakeServer()
  server.chunkSize = 5
  store = await FieldStore.open(new IDBFactory(), 'up')
  api = new FieldApi(() => 'tok', server.fetch, '/')
})

describe('resumable upload', () => {
  it('sends the file in chunks of the server\'s size and completes with the right hash', async () => {
    const m = await item(data)
    const done = await uploadMedia(api, store, m)
    expect(done.complete).toBe(true)
    expect([...server.media.get(m.contentHash)!]).toEqual([...data])
    expect(server.requests.filter((r) => r.startsWith('PUT')).map((r) => r.split('offset=')[1])).toEqual(['0', '5', '10', '15', '20'])
  })

  it('resumes after a cut at the byte the server confirmed, sending no chunk twice', async () => {
    const m = await item(data)
    server.failNext('/media/uploads/u1') // the first chunk never reaches the server
    await expect(uploadMedia(api, store, m)).rejects.toBeInstanceOf(FieldApiError)
    expect(server.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(1)
    // the connection comes back after two chunks went through and the third one's answer got lost
    let puts = 0
    const cutting = async (input: string, init?: RequestInit) => {
      if (init?.method === 'PUT' && ++puts === 3) {
        await server.fetch(input, init)
        throw new TypeError('Failed to fetch')
      }
      return server.fetch(input, init)
    }
    await expect(uploadMedia(new FieldApi(() => 'tok', cutting, '/'), store, (await store.media(m.contentHash))!))
      .rejects.toBeInstanceOf(FieldApiError)
    const stored = (await store.media(m.contentHash))!
    expect(stored.received).toBe(10) // what the client heard of; the server holds 15
    const before = server.requests.length
    const done = await uploadMedia(api, store, stored)
    expect(done.complete).toBe(true)
    const resumed = server.requests.slice(before)
    // init answers received=15: the client goes on from there instead of resending 10..15
    expect(resumed[0]).toBe('POST /api/mobile/media/uploads')
    expect(resumed.filter((r) => r.startsWith('PUT')).map((r) => r.split('offset=')[1])).toEqual(['15', '20'])
    expect([...server.media.get(m.contentHash)!]).toEqual([...data])
  })

  it('recovers from OFFSET_MISMATCH by asking the server where it stands', async () => {
    const m = await item(data)
    // the client believes nothing arrived, the server already has a chunk
    await api.post('/api/mobile/media/uploads', { contentHash: m.contentHash, size: m.size })
    await server.fetch('/api/mobile/media/uploads/u1?offset=0', { method: 'PUT', body: data.slice(0, 5) })
    await store.putMedia({ ...m, uploadId: 'u1', received: 0 })
    server.requests.length = 0
    const stale = { ...m, uploadId: 'u1', received: 0 }
    const done = await uploadMedia(api, store, stale)
    expect(done.complete).toBe(true)
    expect([...server.media.get(m.contentHash)!]).toEqual([...data])
  })

  it('does not send a file the server already has', async () => {
    const m = await item(data)
    server.media.set(m.contentHash, data)
    const done = await uploadMedia(api, store, m)
    expect(done.complete).toBe(true)
    expect(server.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(0)
  })

  it('marks a file the server refuses (hash mismatch) as failed instead of retrying forever', async () => {
    const m = await item(data)
    const wrong = { ...m, contentHash: '0'.repeat(64) }
    await store.putMedia(wrong)
    const done = await uploadMedia(api, store, wrong)
    expect(done.complete).toBe(false)
    expect(done.error).toBe('文件校验失败')
  })
})
