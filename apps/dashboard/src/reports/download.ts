import { errorMessage } from '../api/session';
import { fileNameOf } from './report-format';

/** Saves a file the API answered (the session's token is on the request, so a plain link cannot fetch it). */
export async function saveDownload(answer: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallbackName: string): Promise<string | null> {
  try {
    const { data, error, response } = await answer;
    if (!data || !response.ok) return errorMessage(error, `The file could not be made (HTTP ${response.status}).`);
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return null;
  } catch {
    return 'The gateway cannot be reached. Check the network and try again.';
  }
}
