/** A file the main process handed over for the page to download (browser host). */
export interface DownloadFile {
  readonly name: string;
  readonly mime: string;
  readonly base64: string;
}

/** Saves bytes through the browser's own download (an object URL and a link with `download`). */
export function downloadFile(file: DownloadFile): void {
  const raw = atob(file.base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
