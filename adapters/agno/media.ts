import type { CanonicalEvent, Envelope, EventOfType } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** The agno 2.x media classes (reference §5.9). */
export type MediaKind = 'image' | 'audio' | 'video' | 'file';

/** The canonical fields of a `file` event or part. */
export type FileFields = Pick<EventOfType<'file'>, 'mediaType' | 'url' | 'data' | 'name'>;

/**
 * Reads an agno `Image`/`Audio`/`Video`/`File` dict as canonical file fields. Without a
 * `mime_type` the media type is `<kind>/<format>`, or `<kind>/*` when even the format is unknown.
 * @returns undefined for a value that is not a media dict.
 */
export function fileFromMedia(media: unknown, kind: MediaKind): FileFields | undefined {
  if (!isRecord(media)) return undefined;
  const format = typeof media.format === 'string' ? media.format : '*';
  const family = kind === 'file' ? 'application' : kind;
  const fields: FileFields = { mediaType: typeof media.mime_type === 'string' ? media.mime_type : `${family}/${format}` };
  const url = typeof media.url === 'string' ? media.url : typeof media.filepath === 'string' ? media.filepath : undefined;
  if (url !== undefined) fields.url = url;
  if (typeof media.content === 'string') fields.data = media.content;
  const name = typeof media.filename === 'string' ? media.filename : typeof media.name === 'string' ? media.name : undefined;
  if (name !== undefined) fields.name = name;
  return fields;
}

/** A content record's image or audio as a file event after `events`, when it holds one (agno 2.x and 1.x alike). */
export function mediaFile(base: Envelope, value: unknown, kind: 'image' | 'audio', events: CanonicalEvent[]): void {
  const file = fileFromMedia(value, kind);
  if (file !== undefined) events.push({ type: 'file', ...base, ...file });
}

/** The agno media class a canonical media type belongs to. */
export function mediaKindOf(mediaType: string): MediaKind {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  return 'file';
}

/**
 * Writes canonical file fields as an agno media dict, `to_dict()` style (no nulls).
 * @param id the media id agno requires (minted by the caller when the source had none).
 */
export function mediaFromFile(file: FileFields, id: string): Record<string, unknown> {
  const kind = mediaKindOf(file.mediaType);
  const media: Record<string, unknown> = { id };
  if (file.url !== undefined) media.url = file.url;
  if (!file.mediaType.endsWith('/*')) media.mime_type = file.mediaType;
  // Audio.to_dict always carries its defaults (24 kHz mono).
  if (kind === 'audio') Object.assign(media, { sample_rate: 24000, channels: 1 });
  if (kind === 'file' && file.name !== undefined) media.filename = file.name;
  if (file.data !== undefined) media.content = file.data;
  return media;
}
