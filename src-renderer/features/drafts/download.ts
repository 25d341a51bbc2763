/**
 * Saves what the main process produced as a file the person downloads: text as UTF-8, base64 as bytes
 * (XLSX). The renderer never builds the files itself; it only hands them to the browser.
 */
export function downloadFile(file: { fileName: string; mimeType: string; data: string; encoding: 'utf8' | 'base64' }) {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
