import { hash32 } from '../core/prng';
import type { SourceFacts, TrackFacts } from '../data/facts';
import type { Lang } from '../data/languages';
import { DISPLAY_NAME } from '../data/languages';

const TEXT_CODECS = new Set(['subrip', 'ass', 'webvtt', 'srt']);

type Dto = Record<string, unknown>;

function audioDisplay(t: TrackFacts, isDefault: boolean): string {
  const lang = t.code ? DISPLAY_NAME[t.code] : 'Und';
  return [t.title ?? lang, t.codec.toUpperCase(), '5.1', isDefault ? 'Default' : null].filter(Boolean).join(' - ');
}

/** MediaStreams of one source in Jellyfin's shape: video first, then audio, then subtitles. */
export function mediaStreams(source: SourceFacts, originalLanguage: Lang | null, languageFields: boolean): Dto[] {
  if (source.emptyStreams) return [];
  const out: Dto[] = [
    {
      Codec: source.videoCodec,
      TimeBase: '1/1000',
      VideoRange: 'SDR',
      VideoRangeType: 'SDR',
      DisplayTitle: `${source.label} ${source.videoCodec.toUpperCase()} SDR`,
      IsInterlaced: false,
      IsAVC: source.videoCodec === 'h264',
      BitRate: 8_000_000 + (hash32(source.width, source.tracks.length) % 4_000_000),
      BitDepth: 8,
      RefFrames: 1,
      IsDefault: true,
      IsForced: false,
      IsHearingImpaired: false,
      Height: source.height,
      Width: source.width,
      AverageFrameRate: 23.976,
      RealFrameRate: 23.976,
      Profile: 'Main',
      Type: 'Video',
      AspectRatio: '16:9',
      Index: 0,
      IsExternal: false,
      IsTextSubtitleStream: false,
      SupportsExternalStream: false,
      PixelFormat: 'yuv420p',
      Level: 150,
    },
  ];
  let firstAudio = true;
  for (const t of source.tracks) {
    const index = out.length;
    if (t.type === 'Audio') {
      const dto: Dto = {
        Codec: t.codec,
        ...(t.tag !== null ? { Language: t.tag } : {}),
        TimeBase: '1/1000',
        ...(t.title ? { Title: t.title } : {}),
        DisplayTitle: audioDisplay(t, firstAudio),
        IsInterlaced: false,
        ChannelLayout: '5.1',
        BitRate: 640_000,
        Channels: 6,
        SampleRate: 48_000,
        IsDefault: firstAudio,
        IsForced: false,
        IsHearingImpaired: false,
        Type: 'Audio',
        Index: index,
        IsExternal: false,
        IsTextSubtitleStream: false,
        SupportsExternalStream: false,
        LocalizedDefault: 'Default',
        LocalizedExternal: 'External',
      };
      if (languageFields && t.code) {
        dto.LocalizedLanguage = DISPLAY_NAME[t.code];
        dto.IsOriginal = t.code === originalLanguage;
      }
      out.push(dto);
      firstAudio = false;
    } else {
      const external = t.external ?? false;
      const text = TEXT_CODECS.has(t.codec);
      out.push({
        Codec: t.codec,
        ...(t.tag !== null ? { Language: t.tag } : {}),
        TimeBase: '1/1000',
        ...(t.title ? { Title: t.title } : {}),
        DisplayTitle: [
          t.code ? DISPLAY_NAME[t.code] : 'Und',
          t.forced ? 'Forced' : null,
          t.hearingImpaired ? 'SDH' : null,
          t.codec.toUpperCase(),
        ]
          .filter(Boolean)
          .join(' - '),
        IsInterlaced: false,
        IsDefault: false,
        IsForced: t.forced ?? false,
        IsHearingImpaired: t.hearingImpaired ?? false,
        Type: 'Subtitle',
        Index: index,
        IsExternal: external,
        ...(external
          ? { Path: source.path.replace(/\.[a-z0-9]+$/, `.${t.tag ?? 'und'}${t.forced ? '.forced' : ''}.srt`) }
          : {}),
        IsTextSubtitleStream: text,
        SupportsExternalStream: text,
        LocalizedForced: 'Forced',
        LocalizedExternal: 'External',
        LocalizedHearingImpaired: 'Hearing Impaired',
      });
    }
  }
  return out;
}

export function mediaSourceDto(source: SourceFacts, name: string, runTimeTicks: number, streams: Dto[]): Dto {
  const audio = streams.find((s) => s.Type === 'Audio' && s.IsDefault === true);
  return {
    Protocol: 'File',
    Id: source.id,
    Path: source.path,
    Type: 'Default',
    Container: source.container,
    ...(source.sizeBytes !== null ? { Size: source.sizeBytes } : {}),
    Name: source.label === '1080p' ? name : `${name} - ${source.label}`,
    IsRemote: false,
    ETag: hash32(source.sizeBytes ?? 0, source.path.length)
      .toString(16)
      .padStart(8, '0')
      .repeat(4),
    RunTimeTicks: runTimeTicks,
    ReadAtNativeFramerate: false,
    IgnoreDts: false,
    IgnoreIndex: false,
    GenPtsInput: false,
    SupportsTranscoding: true,
    SupportsDirectStream: true,
    SupportsDirectPlay: true,
    IsInfiniteStream: false,
    UseMostCompatibleTranscodingProfile: false,
    RequiresOpening: false,
    RequiresClosing: false,
    RequiresLooping: false,
    SupportsProbing: true,
    VideoType: 'VideoFile',
    MediaStreams: streams,
    MediaAttachments: [],
    Formats: [],
    Bitrate: 8_640_000,
    ...(audio ? { DefaultAudioStreamIndex: audio.Index } : {}),
    TranscodingSubProtocol: 'http',
    HasSegments: false,
  };
}
