/**
 * Resumable chunked upload of one captured file (contract: POST /api/mobile/media/uploads, then
 * PUT /uploads/{id}?offset=N chunk by chunk). The server's `received` is the truth: after a cut the client asks
 * again (the init call is idempotent per content hash) and goes on from there, so no byte is sent twice on
 * purpose and a file the server already has completely is not sent at all.
 */
import { FieldApiError, type FieldApi } from './api'
import type { FieldStore } from './store'
import type { MediaItem } from './types'

interface InitAnswer {
  uploadId: string
  received: number
  chunkSize: number
  complete: boolean
  mediaId?: string
}

interface ChunkAnswer {
  received: number
  complete: boolean
}

const MAX_ROUNDS = 10_000

/** refused for good (a wrong hash, a bad request): retrying cannot help; 401/408/429 and 5xx can */
function permanent(e: FieldApiError): boolean {
  return e.code === 'HASH_MISMATCH'
    || (e.status >= 400 && e.status < 500 && ![401, 408, 409, 429].includes(e.status))
}

/**
 * Uploads `m` to completion. Returns the item as stored afterwards (complete, or with `error` when the server
 * refused it for good). Throws FieldApiError on network trouble; what was confirmed so far is persisted.
 */
export async function uploadMedia(api: FieldApi, store: FieldStore, m: MediaItem): Promise<MediaItem> {
  if (m.complete) return m
  let item: MediaItem = { ...m }
  const save = async (patch: Partial<MediaItem>) => {
    item = { ...item, ...patch }
    await store.putMedia(item)
  }
  const init = async (): Promise<InitAnswer> => {
    const a = await api.post<InitAnswer>('/api/mobile/media/uploads', {
      contentHash: item.contentHash, size: item.size, kind: item.kind, mimeType: item.mimeType,
      fileName: item.fileName, capturedAt: item.capturedAt, lat: item.lat ?? null, lng: item.lng ?? null,
    })
    await save({ uploadId: a.uploadId, received: a.received, complete: a.complete })
    return a
  }
  let a: InitAnswer
  try {
    a = await init()
  } catch (e) {
    if (e instanceof FieldApiError && permanent(e)) {
      await save({ error: e.msg })
      return item
    }
    throw e
  }
  let chunkSize = Math.max(1, a.chunkSize || 512 * 1024)
  for (let round = 0; !item.complete && round < MAX_ROUNDS; round++) {
    const offset = item.received
    const chunk = item.blob.slice(offset, Math.min(item.size, offset + chunkSize))
    try {
      const r = await api.request<ChunkAnswer>('PUT', `/api/mobile/media/uploads/${encodeURIComponent(item.uploadId!)}`,
        { raw: chunk, query: { offset }, timeoutMs: 120_000 })
      await save({ received: r.received, complete: r.complete })
    } catch (e) {
      if (!(e instanceof FieldApiError)) throw e
      if (e.code === 'OFFSET_MISMATCH' || e.status === 404) {
        // the server holds another count (an earlier chunk did arrive, or the upload expired): ask again
        a = await init()
        chunkSize = Math.max(1, a.chunkSize || chunkSize)
        continue
      }
      if (permanent(e)) {
        await save({ error: e.msg, uploadId: null, received: 0 })
        return item
      }
      throw e
    }
  }
  return item
}
