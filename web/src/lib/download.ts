// Saving a file the API answered with: its routes need the Bearer token, so a plain link cannot
// download them. The response is read into a Blob and saved under the server's suggested name.

/** The file name from Content-Disposition, else the fallback. */
export function filenameFrom(res: Response, fallback: string): string {
  const header = res.headers.get("content-disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  const name = match?.[1] ? decodeURIComponent(match[1]) : "";
  return name || fallback;
}

/** Saves the response body as a download; answers the file name used. */
export async function saveResponseAsFile(res: Response, fallback: string): Promise<string> {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filenameFrom(res, fallback);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}
