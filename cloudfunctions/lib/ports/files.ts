/** Photos and receipts. In WeChat, cloud storage fileIDs; locally, files on disk. */
export interface Files {
  /**
   * Turn stored file ids into URLs a client can show. Both backends hand out short-lived links
   * (WeChat's temp URLs, signed links locally), so only callers an action lets see a record get them.
   */
  urls(fileIds: string[]): Promise<Record<string, string>>
  /** A stored file's bytes, or null when there is no such file. */
  read(fileId: string): Promise<Uint8Array | null>
  remove(fileIds: string[]): Promise<void>
}
