/** Saves text as a file through a temporary <a download>; the object URL is revoked afterwards. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  // TeamFollow's own link in its own page: the one way to start a download of generated text.
  link.click();
  link.remove();
  // Firefox starts the download asynchronously: revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
