import type { Rng } from '../core/prng';
import type { Lang } from './languages';
import { LANG_FORMS, UNKNOWN_FORMS } from './languages';
import type { SourceFacts, TrackFacts } from './facts';

const AUDIO_CODECS = ['aac', 'ac3', 'eac3', 'dts', 'truehd', 'opus'];
const TEXT_SUB_CODECS = ['subrip', 'ass', 'webvtt'];
const IMAGE_SUB_CODECS = ['PGSSUB', 'dvd_subtitle'];
const EXTRA_AUDIO: readonly Lang[] = ['ger', 'spa', 'jpn', 'ita'];

export function audio(rng: Rng, code: Lang, extra: Partial<TrackFacts> = {}): TrackFacts {
  return { type: 'Audio', tag: rng.pick(LANG_FORMS[code]), code, codec: rng.pick(AUDIO_CODECS), ...extra };
}

export function unknownAudio(rng: Rng): TrackFacts {
  return { type: 'Audio', tag: rng.pick(UNKNOWN_FORMS), code: null, codec: rng.pick(AUDIO_CODECS) };
}

export function subtitle(rng: Rng, code: Lang, extra: Partial<TrackFacts> = {}): TrackFacts {
  const external = extra.external ?? rng.chance(0.25);
  return {
    type: 'Subtitle',
    tag: rng.pick(LANG_FORMS[code]),
    code,
    codec: external ? 'subrip' : rng.pick(rng.chance(0.7) ? TEXT_SUB_CODECS : IMAGE_SUB_CODECS),
    external,
    forced: rng.chance(0.1),
    hearingImpaired: rng.chance(0.08),
    ...extra,
  };
}

/** A few subtitle tracks in mixed forms; forced, external and SDH ones included. */
export function someSubtitles(rng: Rng): TrackFacts[] {
  const n = rng.int(0, 3);
  const out: TrackFacts[] = [];
  for (let k = 0; k < n; k++) out.push(subtitle(rng, rng.pick(['eng', 'fre', 'ger', 'spa'] as const)));
  return out;
}

/** Audio with both required languages, in random order, maybe an extra one and a commentary. */
export function goodAudio(rng: Rng): TrackFacts[] {
  const tracks = [audio(rng, 'eng'), audio(rng, 'fre')];
  if (rng.chance(0.5)) tracks.reverse();
  if (rng.chance(0.2)) tracks.push(audio(rng, rng.pick(EXTRA_AUDIO)));
  if (rng.chance(0.1)) tracks.push(audio(rng, 'eng', { title: 'Commentary', commentary: true }));
  return tracks;
}

export function otherAudio(rng: Rng): TrackFacts[] {
  return rng.chance(0.3) ? [audio(rng, rng.pick(EXTRA_AUDIO))] : [];
}

const VERSIONS = [
  { label: '1080p', width: 1920, height: 1080, codec: 'h264' },
  { label: '2160p', width: 3840, height: 2160, codec: 'hevc' },
  { label: '720p', width: 1280, height: 720, codec: 'h264' },
] as const;

export function makeSource(
  rng: Rng,
  opts: {
    id: string;
    pathBase: string;
    version: number;
    sizeBytes: number | null;
    tracks: TrackFacts[];
    emptyStreams?: boolean;
  },
): SourceFacts {
  const v = VERSIONS[opts.version % VERSIONS.length] ?? VERSIONS[0];
  const container = rng.chance(0.8) ? 'mkv' : 'mp4';
  return {
    id: opts.id,
    label: v.label,
    path: `${opts.pathBase}${opts.version > 0 ? ` - ${v.label}` : ''}.${container}`,
    container,
    sizeBytes: opts.sizeBytes,
    width: v.width,
    height: v.height,
    videoCodec: v.codec,
    tracks: opts.tracks,
    emptyStreams: opts.emptyStreams ?? false,
  };
}
