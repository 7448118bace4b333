import { z } from 'zod';

// Only the fields we consume. Jellyfin omits null fields, so everything optional is `nullish`, and
// objects are non-strict: new server versions add fields all the time.

export const mediaStreamSchema = z.object({
  Type: z.string(),
  Language: z.string().nullish(),
  Title: z.string().nullish(),
  IsForced: z.boolean().nullish(),
  IsHearingImpaired: z.boolean().nullish(),
  IsExternal: z.boolean().nullish(),
});

export const mediaSourceSchema = z.object({
  Id: z.string().nullish(),
  Name: z.string().nullish(),
  Size: z.number().nullish(),
  MediaStreams: z.array(mediaStreamSchema).nullish(),
});

export const userDataSchema = z.object({
  Played: z.boolean().nullish(),
  PlaybackPositionTicks: z.number().nullish(),
  PlayCount: z.number().nullish(),
  LastPlayedDate: z.string().nullish(),
});

export const baseItemSchema = z.object({
  Id: z.string().min(1),
  Name: z.string().nullish(),
  Type: z.string(),
  LocationType: z.string().nullish(),
  DateCreated: z.string().nullish(),
  /** When the server last wrote the item (Fields=DateLastSaved): the incremental sync's watermark. */
  DateLastSaved: z.string().nullish(),
  ProductionYear: z.number().nullish(),
  ProviderIds: z.record(z.string(), z.string().nullish()).nullish(),
  MediaSources: z.array(mediaSourceSchema).nullish(),
  SeriesId: z.string().nullish(),
  ParentIndexNumber: z.number().nullish(),
  IndexNumber: z.number().nullish(),
  UserData: userDataSchema.nullish(),
  /**
   * Not in the 10.10 SDK schema: newer servers may list an alternate version as its own item and
   * name the item it is a version of. When present, that item is the one we count.
   */
  PrimaryVersionId: z.string().nullish(),
});

export type BaseItemDto = z.infer<typeof baseItemSchema>;

export const itemsPageSchema = z.object({
  Items: z.array(baseItemSchema),
  TotalRecordCount: z.number().nullish(),
  StartIndex: z.number().nullish(),
});

export const systemInfoSchema = z.object({
  Id: z.string().nullish(),
  ServerName: z.string().nullish(),
  Version: z.string().nullish(),
});

export const publicSystemInfoSchema = systemInfoSchema.extend({
  ProductName: z.string().nullish(),
});

export const userDtoSchema = z.object({
  Id: z.string().min(1),
  Name: z.string().nullish(),
});

export const usersSchema = z.array(userDtoSchema);

export const virtualFoldersSchema = z.array(
  z.object({
    Name: z.string().nullish(),
    ItemId: z.string().nullish(),
    CollectionType: z.string().nullish(),
  }),
);

export const scheduledTasksSchema = z.array(
  z.object({
    Key: z.string().nullish(),
    State: z.string().nullish(),
    CurrentProgressPercentage: z.number().nullish(),
    LastExecutionResult: z
      .object({
        Status: z.string().nullish(),
        EndTimeUtc: z.string().nullish(),
      })
      .nullish(),
  }),
);
