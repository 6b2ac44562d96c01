/**
 * What the kernel's file store accepts (POST /api/files decides by content: FileKind and its size limits), checked
 * before uploading so the user hears it at once; the server's check stays the authority.
 */
export type UploadKind = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOC'

const MB = 1024 * 1024

export const uploadLimits: Record<UploadKind, { label: string; formats: string; maxBytes: number }> = {
  IMAGE: { label: '图片', formats: 'jpg/png/webp/heic', maxBytes: 20 * MB },
  VIDEO: { label: '视频', formats: 'mp4/mov/webm', maxBytes: 200 * MB },
  AUDIO: { label: '录音', formats: 'mp3/amr/m4a/wav/ogg', maxBytes: 50 * MB },
  DOC: { label: 'PDF', formats: 'pdf', maxBytes: 20 * MB },
}

export const UPLOAD_HINT = '可上传图片（jpg/png/webp/heic，≤ 20 MB）、视频（mp4/mov/webm，≤ 200 MB）、'
  + '录音（mp3/amr/m4a/wav/ogg，≤ 50 MB）或 PDF（≤ 20 MB）'

/** the kind of a file by its type, or its extension when the browser does not know the type (heic, amr) */
export function uploadKind(file: { name: string; type: string }): UploadKind | null {
  const ext = (/\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? '').toLowerCase()
  if (file.type.startsWith('image/') || ['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif'].includes(ext)) return 'IMAGE'
  if (file.type.startsWith('video/') || ['mp4', 'mov', 'webm'].includes(ext)) return 'VIDEO'
  if (file.type.startsWith('audio/') || ['mp3', 'amr', 'm4a', 'wav', 'ogg', 'aac'].includes(ext)) return 'AUDIO'
  if (file.type === 'application/pdf' || ext === 'pdf') return 'DOC'
  return null
}

/** the Chinese reason a file cannot be uploaded, or null */
export function uploadProblem(file: { name: string; type: string; size: number }): string | null {
  const kind = uploadKind(file)
  if (!kind) return `文件“${file.name}”类型不支持，请上传图片、视频、录音或 PDF`
  const limit = uploadLimits[kind]
  if (file.size === 0) return `文件“${file.name}”是空的`
  if (file.size > limit.maxBytes) return `${limit.label}“${file.name}”超过 ${limit.maxBytes / MB} MB`
  return null
}
