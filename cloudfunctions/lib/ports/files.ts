/** Photos and receipts. In WeChat, cloud storage fileIDs; locally, files on disk. */
export interface Files {
  /** Turn stored file ids into URLs a client can show (temporary in WeChat). */
  urls(fileIds: string[]): Promise<Record<string, string>>
  remove(fileIds: string[]): Promise<void>
}
